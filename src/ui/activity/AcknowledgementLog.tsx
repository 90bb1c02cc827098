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
import { formatNumber, formatTime, t, tCount } from '@/src/ui/i18n';

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
      setDone(t('export_done', tCount('count_postAnywayEntries', rows.length), name));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const filtered = Boolean(network || from || to);
  return (
    <section aria-labelledby={`${id}-heading`} className="pg-acknowledgements">
      <h3 id={`${id}-heading`}>{t('postAnyway_heading')}</h3>
      <p className="pg-quiet">{t('postAnyway_intro')}</p>
      <p role="status" className="pg-quiet">
        {!page
          ? t('postAnyway_loading')
          : page.total === 0
            ? filtered
              ? t('postAnyway_noneFiltered')
              : t('postAnyway_none')
            : page.total > page.rows.length
              ? t('postAnyway_newestOf', formatNumber(page.rows.length), formatNumber(page.total))
              : t('postAnyway_count', tCount('count_postAnywayEntries', page.total))}
      </p>

      {page && page.rows.length > 0 && (
        <div className="pg-table-scroll">
          <table className="pg-log-table">
            <caption className="pg-visually-hidden">{t('postAnyway_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('log_columnWhen')}</th>
                <th scope="col">{t('filters_network')}</th>
                <th scope="col">{t('postAnyway_columnRules')}</th>
                <th scope="col">{t('postAnyway_columnPacks')}</th>
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
          {t('postAnyway_export')}
        </button>
        <p role="status" className="pg-quiet">
          {done}
        </p>
      </div>
    </section>
  );
}
