import type { DatabaseProblem } from '@/src/store/db-errors';

/** A database problem, said plainly where the person looks, with the browser's words for a bug report. */
export function DatabaseNotice({
  problem,
  onDismiss,
}: {
  problem: DatabaseProblem;
  onDismiss?: () => void;
}) {
  return (
    <div className="pg-notice pg-notice-error" role="alert" data-problem={problem.kind}>
      <p>{problem.message}</p>
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
