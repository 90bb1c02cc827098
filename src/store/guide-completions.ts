import type { GuideCompletion, PostguardDb } from './schema';

/** What the guide needs of an exercise to record it done: never the person's text. */
export interface CompletedExercise {
  id: string;
  title: string;
  packId: string;
  packVersion: string;
  textHash: string;
}

export async function recordGuideCompletion(
  db: PostguardDb,
  exercise: CompletedExercise,
  at: number,
): Promise<void> {
  await db.guideCompletions.put({
    exerciseId: exercise.id,
    title: exercise.title,
    packId: exercise.packId,
    packVersion: exercise.packVersion,
    exerciseHash: exercise.textHash,
    at,
  });
}

/** Every exercise done, newest first. */
export async function readGuideCompletions(db: PostguardDb): Promise<GuideCompletion[]> {
  return (await db.guideCompletions.orderBy('at').toArray()).reverse();
}

/** Whether a completion still stands for the exercise as the pack now words it. */
export function completionStands(
  completion: GuideCompletion | undefined,
  exercise: { textHash: string },
): completion is GuideCompletion {
  return completion !== undefined && completion.exerciseHash === exercise.textHash;
}
