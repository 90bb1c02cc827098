import { useMemo } from 'react';
import { compilePacks, formatPackError, type Pack } from '@/src/core';
import { packsInForce } from '@/src/policy/packs-in-force';
import { policyProblems } from '@/src/policy/problems';
import type { PacksClient } from './client';
import { PacksInForce } from './PacksInForce';
import { Playground } from './Playground';
import { RulesList } from './RulesList';
import { SourcesStatus } from './SourcesStatus';
import { UserPacks } from './UserPacks';
import type { PacksState } from '@/src/ui/checking/usePacksState';
import { t } from '@/src/ui/i18n';

/**
 * The policy in force, for everyone: the packs and where they came from, what went wrong
 * updating them, the rules, imports when the admin allows them, and a playground.
 */
export function PacksView({
  state,
  starter,
  client,
  now,
  guideUrl,
}: {
  /** The guide page (guide.html); linked when the packs in force have a guide. */
  guideUrl?: string;
  state: PacksState;
  starter: Pack;
  client: PacksClient;
  now: () => Date;
}) {
  const packs = useMemo(() => packsInForce(state.policy, starter), [state.policy, starter]);
  const compiled = useMemo(() => compilePacks(packs), [packs]);
  const problems = state.status ? policyProblems(state.status) : [];
  const allowUserPacks = state.status?.allowUserPacks !== false;

  if (!state.loaded) return <p className="pg-quiet">{t('packs_loading')}</p>;

  return (
    <>
      {problems.length > 0 && (
        <div className="pg-notice pg-notice-error" role="alert">
          <p>{t('packs_updateProblems')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <PacksInForce
        packs={compiled.ok ? compiled.value.packs : packs}
        records={state.policy?.records ?? []}
      />
      <SourcesStatus status={state.status} client={client} />
      <UserPacks allowed={allowUserPacks} userPacks={state.userPacks} client={client} />
      {compiled.ok ? (
        <>
          {guideUrl && compiled.value.guide && (
            <p className="pg-guide-link">
              {t('packs_guideLink')}{' '}
              <a href={guideUrl} target="_blank" rel="noopener">
                {compiled.value.guide.title}
              </a>
            </p>
          )}
          <h3>{t('packs_rulesHeading')}</h3>
          <RulesList checker={compiled.value} />
          <h3>{t('packs_playgroundHeading')}</h3>
          <p className="pg-quiet">{t('packs_playgroundIntro')}</p>
          <Playground
            checker={compiled.value}
            now={now}
            {...(guideUrl ? { guideHref: (section: string) => `${guideUrl}#${section}` } : {})}
          />
        </>
      ) : (
        <div className="pg-notice pg-notice-error" role="alert">
          <p>{t('packs_doNotCompile')}</p>
          <ul>
            {compiled.errors.map((error) => (
              <li key={`${error.path}:${error.message}`}>{formatPackError(error)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
