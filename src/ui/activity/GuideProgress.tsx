import { useEffect, useState } from 'react';
import { readGuideCompletions } from '@/src/store/guide-completions';
import type { GuideCompletion, PostguardDb } from '@/src/store/schema';
import { plural } from './format';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The guide's exercises the person has done: which and when, never what they wrote. */
export function GuideProgress({
  db,
  onError,
  guideUrl,
}: {
  db: PostguardDb;
  onError: (error: unknown) => void;
  /** The guide page, where the exercises are; absent where it cannot be linked. */
  guideUrl?: string;
}) {
  const [completions, setCompletions] = useState<GuideCompletion[] | undefined>();
  useEffect(() => {
    let live = true;
    readGuideCompletions(db).then(
      (rows) => live && setCompletions(rows),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [db, onError]);

  if (!completions) return null;
  const guideLink = guideUrl ? (
    <a href={guideUrl} target="_blank" rel="noopener">
      Open the guide
    </a>
  ) : null;
  if (completions.length === 0)
    return <p className="pg-quiet pg-guide-progress">No guide exercise done yet. {guideLink}</p>;
  return (
    <div className="pg-guide-progress">
      <p>
        Guide: {plural(completions.length, 'exercise', 'exercises')} done. {guideLink}
      </p>
      <ul aria-label="Guide exercises done">
        {completions.map((completion) => (
          <li key={completion.exerciseId} data-exercise-id={completion.exerciseId}>
            {completion.title}, {dateFormat.format(new Date(completion.at))}
          </li>
        ))}
      </ul>
    </div>
  );
}
