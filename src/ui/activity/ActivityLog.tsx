import { useEffect, useId, useState } from 'react';
import { NETWORKS, type Network } from '@/src/core/pack/schema';
import type { LogFilter } from '@/src/store/activity';
import type { PostguardDb, ShareAction } from '@/src/store/schema';
import { readAcknowledgements } from '@/src/store/acknowledgement-log';
import { queryLog, readLog, type LogPage } from '@/src/store/share-log';
import { NETWORK_NAMES } from '@/src/ui/popup/library';
import { AcknowledgementLog } from './AcknowledgementLog';
import { ExportButtons } from './ExportButtons';
import { formatNumber, formatTime, t, tCount, type MessageId } from '@/src/ui/i18n';
import type { SaveFile } from './download';

const PAGE_ROWS = 200;
const ACTION_NAMES: Record<ShareAction, MessageId> = {
  inserted: 'log_actionInserted',
  posted: 'log_actionPosted',
};

/**
 * The log itself, newest first, filtered by network, action and days; the filtered rows
 * export. Below it, each "Post anyway" for the same network and days.
 */
export function ActivityLog({
  db,
  titles,
  onError,
  save,
  now,
}: {
  db: PostguardDb;
  titles: ReadonlyMap<string, string>;
  onError: (error: unknown) => void;
  save?: SaveFile;
  now?: () => Date;
}) {
  const id = useId();
  const [filter, setFilter] = useState<LogFilter>({});
  const [page, setPage] = useState<LogPage | undefined>();

  useEffect(() => {
    let live = true;
    queryLog(db, filter, PAGE_ROWS).then(
      (result) => live && setPage(result),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [db, filter, onError]);

  const set = (change: Partial<LogFilter>) => setFilter((current) => ({ ...current, ...change }));
  const badRange = Boolean(filter.from && filter.to && filter.from > filter.to);

  return (
    <div className="pg-log">
      <fieldset className="pg-filters">
        <legend>{t('log_filterLegend')}</legend>
        <label htmlFor={`${id}-network`}>{t('filters_network')}</label>
        <select
          id={`${id}-network`}
          value={filter.network ?? ''}
          onChange={(e) => set({ network: (e.target.value || undefined) as Network | undefined })}
        >
          <option value="">{t('log_allNetworks')}</option>
          {NETWORKS.map((network) => (
            <option key={network} value={network}>
              {NETWORK_NAMES[network]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-action`}>{t('log_action')}</label>
        <select
          id={`${id}-action`}
          value={filter.action ?? ''}
          onChange={(e) =>
            set({ action: (e.target.value || undefined) as ShareAction | undefined })
          }
        >
          <option value="">{t('log_insertedAndPosted')}</option>
          <option value="inserted">{t(ACTION_NAMES.inserted)}</option>
          <option value="posted">{t(ACTION_NAMES.posted)}</option>
        </select>
        <label htmlFor={`${id}-from`}>{t('log_from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        <label htmlFor={`${id}-to`}>{t('log_to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filter.to ?? ''}
          aria-describedby={badRange ? `${id}-range` : undefined}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
        {badRange && (
          <p id={`${id}-range`} className="pg-field-error">
            {t('log_badRange')}
          </p>
        )}
      </fieldset>

      <p role="status" className="pg-quiet">
        {!page
          ? t('log_loading')
          : page.total === undefined
            ? tCount('log_newest', page.rows.length)
            : page.total > page.rows.length
              ? t('log_newestOf', formatNumber(page.rows.length), formatNumber(page.total))
              : tCount('log_matching', page.total)}
      </p>

      {page && page.rows.length > 0 && (
        <div className="pg-table-scroll">
          <table className="pg-log-table">
            <caption className="pg-visually-hidden">{t('log_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('log_columnWhen')}</th>
                <th scope="col">{t('log_columnItem')}</th>
                <th scope="col">{t('filters_network')}</th>
                <th scope="col">{t('log_action')}</th>
                <th scope="col">{t('log_columnEdited')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={new Date(row.at).toISOString()}>{formatTime(row.at)}</time>
                  </td>
                  <td>{titles.get(row.contentId) ?? row.contentId}</td>
                  <td>{NETWORK_NAMES[row.network]}</td>
                  <td>{t(ACTION_NAMES[row.action])}</td>
                  <td>
                    {row.action === 'posted' ? (row.edited ? t('log_yes') : t('log_no')) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ExportButtons
        read={() => readLog(db, filter)}
        readAcknowledgements={() => readAcknowledgements(db, filter)}
        fileStem="postguard-activity-filtered"
        onError={onError}
        {...(save ? { save } : {})}
        {...(now ? { now } : {})}
      />

      <AcknowledgementLog
        db={db}
        filter={filter}
        onError={onError}
        {...(save ? { save } : {})}
        {...(now ? { now } : {})}
      />
    </div>
  );
}
