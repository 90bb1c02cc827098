import { activityWriteProblemItem } from '@/src/policy/storage';
import type { ActivityWriteProblem, WriteProblemSource } from './write-problem';

/**
 * The last activity-log write the background could not make, in extension storage: pages
 * that render without an extension (component tests) load this module lazily, or are handed
 * a WriteProblemSource of their own.
 */

export async function saveWriteProblem(problem: ActivityWriteProblem): Promise<void> {
  await activityWriteProblemItem.setValue(problem);
}

/** After a write that worked: the log takes writes again, so an older problem is over. */
export async function clearWriteProblem(): Promise<void> {
  if ((await activityWriteProblemItem.getValue()) !== null)
    await activityWriteProblemItem.removeValue();
}

/** The stored problem for the popup and the options page. */
export const storedWriteProblems: WriteProblemSource = {
  watch(listener) {
    let changed = false;
    let live = true;
    const unwatch = activityWriteProblemItem.watch((problem) => {
      changed = true;
      listener(problem);
    });
    activityWriteProblemItem.getValue().then(
      // A change seen first is newer than this read.
      (problem) => live && !changed && listener(problem),
      (error: unknown) =>
        console.warn('Postguard: could not read the activity write problem', error),
    );
    return () => {
      live = false;
      unwatch();
    };
  },
  dismiss: () => activityWriteProblemItem.removeValue(),
};
