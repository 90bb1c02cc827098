import { useEffect, useId, useState } from 'react';
import { acknowledgementsToCsv } from '@/src/store/exports';
import {
  queryAcknowledgements,
  readAcknowledgements,
  type AcknowledgementFilter,
  type AcknowledgementPage,
} from '@/src/store/acknowledgement-log';
import type { PostguardDb } from '@/src/store/schema';
import { NETWORK_NAMES } from '@/src/ui/popup/library';
import { saveFile as browserSave, type SaveFile } from './download';
import { formatTime, plural } from './format';

const PAGE_ROWS = 200;

/**
 * "Posted anyway": each time the person chose "Post anyway" on a post with errors, newest
 * first, for the network and days the log's filters chose. Which rules and packs, never the
 * post's text (none is stored).
 */
export function AcknowledgementLog({
  db,
  filter,
  onError,
  save = browserSave,
  now = () => new Date(),
}: {
  db: PostguardDb;
  filter: AcknowledgementFilter;
  onError: (error: unknown) => void;
  save?: SaveFile;
  now?: () => Date;
}) {
  const id = useId();
  const [page, setPage] = useState<AcknowledgementPage | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { network, from, to } = filter;

  useEffect(() => {
    let live = true;
    queryAcknowledgements(db, { network, from, to }, PAGE_ROWS).then(
      (result) => live && setPage(result),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [db, network, from, to, onError]);

  async function exportCsv() {
    setBusy(true);
    setDone('');
    try {
      const rows = await readAcknowledgements(db, { network, from, to });
      const name = `postguard-post-anyway-${now().toISOString().slice(0, 10)}.csv`;
      save(name, 'text/csv;charset=utf-8', acknowledgementsToCsv(rows));
      setDone(
        `Exported ${plural(rows.length, '“Post anyway” entry', '“Post anyway” entries')} to ${name}.`,
      );
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const filtered = Boolean(network || from || to);
  return (
    <section aria-labelledby={`${id}-heading`} className="pg-acknowledgements">
      <h3 id={`${id}-heading`}>Posted anyway</h3>
      <p className="pg-quiet">
        Each time you chose “Post anyway” on a post a rule marked as an error: when, where, which
        rules and which packs. The text of your posts is never stored. Shown for the network and
        days chosen above.
      </p>
      <p role="status" className="pg-quiet">
        {!page
          ? 'Loading the “Post anyway” entries…'
          : page.total === 0
            ? filtered
              ? 'No “Post anyway” for the network and days chosen.'
              : 'You have not used “Post anyway”.'
            : page.total > page.rows.length
              ? `The newest ${page.rows.length.toLocaleString()} of ${plural(page.total, '“Post anyway” entry', '“Post anyway” entries')}.`
              : `${plural(page.total, '“Post anyway” entry', '“Post anyway” entries')}.`}
      </p>

      {page && page.rows.length > 0 && (
        <div className="pg-table-scroll">
          <table className="pg-log-table">
            <caption className="pg-visually-hidden">Posted anyway, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Network</th>
                <th scope="col">Rules</th>
                <th scope="col">Packs</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={new Date(row.at).toISOString()}>{formatTime(row.at)}</time>
                  </td>
                  <td>{NETWORK_NAMES[row.network]}</td>
                  <td>{row.ruleIds.join(', ')}</td>
                  <td>{row.packs.map((pack) => `${pack.id} ${pack.version}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="pg-export">
        <button type="button" disabled={busy} onClick={() => void exportCsv()}>
          Export “Post anyway” CSV
        </button>
        <p role="status" className="pg-quiet">
          {done}
        </p>
      </div>
    </section>
  );
}
