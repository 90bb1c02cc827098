import type { DatabaseProblem, DatabaseProblemKind } from '@/src/store/db-errors';
import type { ActivityWrite, ActivityWriteProblem } from '@/src/store/write-problem';
import { formatTime, t, type MessageId } from '@/src/ui/i18n';

const PROBLEM_MESSAGES: Record<DatabaseProblemKind, MessageId> = {
  full: 'database_full',
  blocked: 'database_blocked',
  version: 'database_version',
  unavailable: 'database_unavailable',
  failed: 'database_failed',
};
const LOST: Record<ActivityWrite, MessageId> = {
  share: 'writeProblem_lostShare',
  acknowledgement: 'writeProblem_lostAcknowledgement',
};
const WAITING: Record<ActivityWrite, MessageId> = {
  share: 'writeProblem_waitingShare',
  acknowledgement: 'writeProblem_waitingAcknowledgement',
};

/**
 * The problem in the interface's language, from its kind (and, for the background's failed
 * write, what was being logged), as the store words it in English.
 */
function problemText(problem: DatabaseProblem | ActivityWriteProblem): string {
  // Read back from storage: a kind this version does not know keeps the stored words.
  const kind = PROBLEM_MESSAGES[problem.kind] as MessageId | undefined;
  if (!kind) return problem.message;
  if (!('what' in problem)) return t(kind);
  const lost = LOST[problem.what] as MessageId | undefined;
  if (!lost) return problem.message;
  // A blocked write is not lost: it goes through once the old window lets go.
  if (problem.kind === 'blocked') return t(WAITING[problem.what]);
  return `${t(lost)} ${t(kind)}`;
}

/** A database problem, said plainly where the person looks, with the browser's words for a bug report. */
export function DatabaseNotice({
  problem,
  at,
  onDismiss,
}: {
  problem: DatabaseProblem | ActivityWriteProblem;
  /** When it happened, for a problem met earlier (by the background), epoch milliseconds. */
  at?: number;
  onDismiss?: () => void;
}) {
  return (
    <div className="pg-notice pg-notice-error" role="alert" data-problem={problem.kind}>
      <p>{problemText(problem)}</p>
      {at !== undefined && (
        <p className="pg-context">
          {t('database_when')} <time dateTime={new Date(at).toISOString()}>{formatTime(at)}</time>
        </p>
      )}
      {problem.detail && (
        <details>
          <summary>{t('database_details')}</summary>
          <code>{problem.detail}</code>
        </details>
      )}
      {onDismiss && (
        <button type="button" className="pg-link-button" onClick={onDismiss}>
          {t('database_dismiss')}
        </button>
      )}
    </div>
  );
}
