import type { DatabaseProblem } from './db-errors';

/**
 * A write to the activity log that the background could not make: said to the person in the
 * popup's My activity and on the options page, not swallowed. Free of extension APIs, so the
 * pages' components (and their tests) can use it without extension storage.
 */

/** What the background was logging: a post of approved content, or a "Post anyway". */
export type ActivityWrite = 'share' | 'acknowledgement';

/**
 * Kept in extension storage (`local:activityWriteProblem`) until the person dismisses it or a
 * later write succeeds. Says which kind of entry was lost, never any post text.
 */
export interface ActivityWriteProblem extends DatabaseProblem {
  what: ActivityWrite;
  /** When the write failed (or began to wait), epoch milliseconds. */
  at: number;
}

const LOST: Record<ActivityWrite, string> = {
  share: 'A post of approved content was not added to your activity log.',
  acknowledgement: 'A “Post anyway” was not added to your activity log.',
};

const WAITING: Record<ActivityWrite, string> = {
  share: 'A post of approved content is waiting to be added to your activity log:',
  acknowledgement: 'A “Post anyway” is waiting to be added to your activity log:',
};

/** The problem as the person reads it: what was not logged, then why and what to do. */
export function writeProblem(
  problem: DatabaseProblem,
  what: ActivityWrite,
  at: number,
): ActivityWriteProblem {
  const message =
    problem.kind === 'blocked'
      ? // The write is not lost: it goes through once the old window lets go.
        `${WAITING[what]} another Postguard window (the options page, a popup) holds an older ` +
        'version of the log open. Close the other Postguard windows and tabs.'
      : `${LOST[what]} ${problem.message}`;
  return problem.detail === undefined
    ? { kind: problem.kind, message, what, at }
    : { kind: problem.kind, message, detail: problem.detail, what, at };
}

/** The stored problem as the pages see it: watched while they are open, cleared on Dismiss. */
export interface WriteProblemSource {
  /** Calls back with the current problem (or null), then on every change; returns the unsubscribe. */
  watch(listener: (problem: ActivityWriteProblem | null) => void): () => void;
  /** Clears the stored problem. */
  dismiss(): Promise<void>;
}
