import { useState } from 'react';
import type { PolicyStatus } from '@/src/policy/types';
import type { PacksClient } from './client';
import { formatTime, sourceLabel, statusSummary } from './format';
import { t, tCount } from '@/src/ui/i18n';

type CheckState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; error?: string };

/**
 * Where the organisation's packs come from and how each last went, in plain words, with a
 * button to check every pack URL now rather than at the next refresh.
 */
export function SourcesStatus({
  status,
  client,
}: {
  status: PolicyStatus | null;
  client: PacksClient;
}) {
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });
  const managed = status?.sources.filter((source) => source.source !== 'user') ?? [];

  const checkNow = async () => {
    if (check.kind === 'busy') return;
    setCheck({ kind: 'busy' });
    const answer = await client.send({ kind: 'check-packs-now' });
    setCheck(answer.ok ? { kind: 'done' } : { kind: 'done', error: answer.error });
  };

  return (
    <div className="pg-sources">
      <h3>{t('sources_heading')}</h3>
      {managed.length === 0 ? (
        <p className="pg-quiet">{t('sources_none')}</p>
      ) : (
        <ul aria-label={t('sources_listLabel')}>
          {managed.map((source) => (
            <li
              key={`${source.source}:${source.origin}`}
              data-origin={source.origin}
              data-state={source.error ? 'error' : 'ok'}
            >
              <strong>{sourceLabel(source.source, source.origin)}</strong>
              <p className={source.error ? 'pg-problem' : 'pg-quiet'}>
                {source.error
                  ? t('sources_notUpdated', statusSummary(source), formatTime(source.error.at))
                  : statusSummary(source)}
              </p>
              {source.error && source.retryAt !== undefined && (
                <p className="pg-quiet">{t('sources_retryAt', formatTime(source.retryAt))}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {status && status.settingsErrors.length > 0 && (
        <div className="pg-problem" role="group" aria-label={t('sources_settingsLabel')}>
          <p>{t('sources_settingsProblems')}</p>
          <ul>
            {status.settingsErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="pg-quiet">
        {status?.checkedAt === undefined
          ? t('sources_neverChecked')
          : tCount('sources_lastChecked', status.refreshMinutes, formatTime(status.checkedAt))}
      </p>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page. */}
      <button type="button" onClick={() => void checkNow()} aria-disabled={check.kind === 'busy'}>
        {t('sources_checkNow')}
      </button>{' '}
      <span role="status" aria-live="polite" className="pg-check-result">
        {check.kind === 'busy' && t('sources_checking')}
        {check.kind === 'done' &&
          (check.error ? t('sources_checkFailed', check.error) : t('sources_checkedJustNow'))}
      </span>
    </div>
  );
}
