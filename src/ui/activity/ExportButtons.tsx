import { useState } from 'react';
import { sharesToCsv, sharesToJson } from '@/src/store/exports';
import type { Acknowledgement, ShareEvent } from '@/src/store/schema';
import { saveFile as browserSave, type SaveFile } from './download';
import { t, tCount } from '@/src/ui/i18n';

/**
 * "Export CSV" and "Export JSON" of the rows `read` gives (the whole log, or a filtered part).
 * The JSON also lists the "Post anyway" entries `readAcknowledgements` gives; the CSV, whose
 * columns are a share's, does not.
 */
export function ExportButtons({
  read,
  readAcknowledgements,
  fileStem,
  onError,
  save = browserSave,
  now = () => new Date(),
}: {
  read: () => Promise<ShareEvent[]>;
  readAcknowledgements?: () => Promise<Acknowledgement[]>;
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
      const acknowledgements =
        format === 'json' && readAcknowledgements ? await readAcknowledgements() : undefined;
      if (format === 'csv') save(name, 'text/csv;charset=utf-8', sharesToCsv(rows));
      else save(name, 'application/json', sharesToJson(rows, acknowledgements));
      const what = tCount('count_rows', rows.length);
      setDone(
        acknowledgements
          ? t(
              'export_doneBoth',
              what,
              tCount('count_postAnywayEntries', acknowledgements.length),
              name,
            )
          : t('export_done', what, name),
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
        {t('export_csv')}
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
        {t('export_json')}
      </button>
      <p role="status" className="pg-quiet">
        {done}
      </p>
    </div>
  );
}
