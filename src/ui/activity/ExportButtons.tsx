import { useState } from 'react';
import { sharesToCsv, sharesToJson } from '@/src/store/activity';
import type { ShareEvent } from '@/src/store/db';
import { saveFile as browserSave, type SaveFile } from './download';

/** "Export CSV" and "Export JSON" of the rows `read` gives (the whole log, or a filtered part). */
export function ExportButtons({
  read,
  fileStem,
  onError,
  save = browserSave,
  now = () => new Date(),
}: {
  read: () => Promise<ShareEvent[]>;
  fileStem: string;
  onError: (error: unknown) => void;
  save?: SaveFile;
  now?: () => Date;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  async function exportAs(format: 'csv' | 'json') {
    setBusy(true);
    setDone('');
    try {
      const rows = await read();
      const day = now().toISOString().slice(0, 10);
      const name = `${fileStem}-${day}.${format}`;
      if (format === 'csv') save(name, 'text/csv;charset=utf-8', sharesToCsv(rows));
      else save(name, 'application/json', sharesToJson(rows));
      setDone(
        `Exported ${rows.length.toLocaleString()} ${rows.length === 1 ? 'row' : 'rows'} to ${name}.`,
      );
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pg-export">
      <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
        Export JSON
      </button>
      <p role="status" className="pg-quiet">
        {done}
      </p>
    </div>
  );
}
