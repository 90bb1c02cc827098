import type { Pack } from '@/src/core';
import type { PackRecord } from '@/src/policy/types';
import { formatTime, keyLabel, recordSource } from './format';
import { t } from '@/src/ui/i18n';

/** One row per pack the checker layers, the bundled starter included when it is in force. */
export function PacksInForce({
  packs,
  records,
}: {
  packs: readonly Pack[];
  records: readonly PackRecord[];
}) {
  return (
    <table className="pg-table">
      <caption>{t('packs_inForceCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('packs_columnName')}</th>
          <th scope="col">{t('packs_columnId')}</th>
          <th scope="col">{t('packs_columnVersion')}</th>
          <th scope="col">{t('packs_columnSource')}</th>
          <th scope="col">{t('packs_columnSignedBy')}</th>
          <th scope="col">{t('packs_columnFetched')}</th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => {
          const record = records.find((candidate) => candidate.pack.id === pack.id);
          return (
            <tr key={pack.id} data-pack-id={pack.id}>
              <th scope="row">{pack.name}</th>
              <td>
                <code>{pack.id}</code>
              </td>
              <td>{pack.version}</td>
              <td>{recordSource(record)}</td>
              <td>
                {record?.signedBy ? (
                  <span title={record.signedBy}>{keyLabel(record.signedBy)}</span>
                ) : (
                  t('packs_notSigned')
                )}
              </td>
              <td>
                {record?.fetchedAt === undefined ? (
                  '—'
                ) : (
                  <time dateTime={new Date(record.fetchedAt).toISOString()}>
                    {formatTime(record.fetchedAt)}
                  </time>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
