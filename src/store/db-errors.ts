/**
 * What went wrong with the activity database, in words for the person. A full disk or a
 * database held by another window is something they can act on, so it is shown, never
 * swallowed.
 */

export type DatabaseProblemKind = 'full' | 'blocked' | 'version' | 'unavailable' | 'failed';

export interface DatabaseProblem {
  kind: DatabaseProblemKind;
  message: string;
  /** The browser's own error, for a bug report. */
  detail?: string;
}

const MESSAGES: Record<DatabaseProblemKind, string> = {
  full:
    'Your disk (or the browser’s storage for Postguard) is full, so your activity could not be ' +
    'saved. Free some space, then try again.',
  blocked:
    'Postguard is updating its activity log and another Postguard window is holding the old ' +
    'version open. Close other Postguard windows and tabs (the options page, other popups), then ' +
    'reopen this one.',
  version:
    'The activity log was written by a newer version of Postguard than this one. Update the ' +
    'extension to read it.',
  unavailable:
    'The browser would not open Postguard’s activity log (private browsing, or storage turned ' +
    'off for extensions?).',
  failed: 'Postguard could not read or save your activity.',
};

export function databaseProblem(kind: DatabaseProblemKind, detail?: string): DatabaseProblem {
  return detail === undefined
    ? { kind, message: MESSAGES[kind] }
    : { kind, message: MESSAGES[kind], detail };
}

/** The names found on an error and on the errors it wraps (Dexie's `inner`, a BulkError's failures). */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  names.push(...errorNames(e.inner, depth + 1));
  if (Array.isArray(e.failures))
    for (const f of e.failures) names.push(...errorNames(f, depth + 1));
  return names;
}

export function describeDatabaseError(error: unknown): DatabaseProblem {
  const names = errorNames(error);
  const detail =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? `${(error as Error).name}: ${(error as Error).message}`
      : String(error);
  const message = detail.toLowerCase();
  if (names.includes('QuotaExceededError') || message.includes('quota'))
    return databaseProblem('full', detail);
  if (names.includes('VersionError')) return databaseProblem('version', detail);
  if (names.includes('VersionChangeError') || message.includes('blocked'))
    return databaseProblem('blocked', detail);
  if (
    names.some((name) =>
      ['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'DatabaseClosedError'].includes(
        name,
      ),
    )
  )
    return databaseProblem('unavailable', detail);
  return databaseProblem('failed', detail);
}
