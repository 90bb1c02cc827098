import type { DatabaseProblem } from '@/src/store/db-errors';
import { formatTime } from './format';

/** A database problem, said plainly where the person looks, with the browser's words for a bug report. */
export function DatabaseNotice({
  problem,
  at,
  onDismiss,
}: {
  problem: DatabaseProblem;
  /** When it happened, for a problem met earlier (by the background), epoch milliseconds. */
  at?: number;
  onDismiss?: () => void;
}) {
  return (
    <div className="pg-notice pg-notice-error" role="alert" data-problem={problem.kind}>
      <p>{problem.message}</p>
      {at !== undefined && (
        <p className="pg-context">
          When: <time dateTime={new Date(at).toISOString()}>{formatTime(at)}</time>
        </p>
      )}
      {problem.detail && (
        <details>
          <summary>Details</summary>
          <code>{problem.detail}</code>
        </details>
      )}
      {onDismiss && (
        <button type="button" className="pg-link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
