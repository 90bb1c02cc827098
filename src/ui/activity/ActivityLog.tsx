import { useEffect, useId, useState } from 'react';
import { NETWORKS, type Network } from '@/src/core/pack/schema';
import type { LogFilter } from '@/src/store/activity';
import type { PostguardDb, ShareAction } from '@/src/store/schema';
import { readAcknowledgements } from '@/src/store/acknowledgement-log';
import { queryLog, readLog, type LogPage } from '@/src/store/share-log';
import { NETWORK_NAMES } from '@/src/ui/popup/library';
import { AcknowledgementLog } from './AcknowledgementLog';
import { ExportButtons } from './ExportButtons';
import { formatTime } from './format';
import type { SaveFile } from './download';

const PAGE_ROWS = 200;
const ACTION_NAMES: Record<ShareAction, string> = { inserted: 'Inserted', posted: 'Posted' };

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
        <legend>Filter the log</legend>
        <label htmlFor={`${id}-network`}>Network</label>
        <select
          id={`${id}-network`}
          value={filter.network ?? ''}
          onChange={(e) => set({ network: (e.target.value || undefined) as Network | undefined })}
        >
          <option value="">All networks</option>
          {NETWORKS.map((network) => (
            <option key={network} value={network}>
              {NETWORK_NAMES[network]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-action`}>Action</label>
        <select
          id={`${id}-action`}
          value={filter.action ?? ''}
          onChange={(e) =>
            set({ action: (e.target.value || undefined) as ShareAction | undefined })
          }
        >
          <option value="">Inserted and posted</option>
          <option value="inserted">Inserted</option>
          <option value="posted">Posted</option>
        </select>
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filter.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filter.to ?? ''}
          aria-describedby={badRange ? `${id}-range` : undefined}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
        {badRange && (
          <p id={`${id}-range`} className="pg-field-error">
            “From” is after “To”: no day is in between.
          </p>
        )}
      </fieldset>

      <p role="status" className="pg-quiet">
        {!page
          ? 'Loading the log…'
          : page.total === undefined
            ? `The newest ${page.rows.length.toLocaleString()} matching rows.`
            : page.total > page.rows.length
              ? `The newest ${page.rows.length.toLocaleString()} of ${page.total.toLocaleString()} matching rows.`
              : `${page.total.toLocaleString()} matching ${page.total === 1 ? 'row' : 'rows'}.`}
      </p>

      {page && page.rows.length > 0 && (
        <div className="pg-table-scroll">
          <table className="pg-log-table">
            <caption className="pg-visually-hidden">Your shares, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Item</th>
                <th scope="col">Network</th>
                <th scope="col">Action</th>
                <th scope="col">Edited before posting</th>
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
                  <td>{ACTION_NAMES[row.action]}</td>
                  <td>{row.action === 'posted' ? (row.edited ? 'Yes' : 'No') : ''}</td>
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
