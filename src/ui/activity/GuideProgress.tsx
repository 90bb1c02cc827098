import { useEffect, useState } from 'react';
import { readGuideCompletions } from '@/src/store/guide-completions';
import type { GuideCompletion, PostguardDb } from '@/src/store/schema';
import { formatDay, t, tCount } from '@/src/ui/i18n';

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
      {t('progress_openGuide')}
    </a>
  ) : null;
  if (completions.length === 0)
    return (
      <p className="pg-quiet pg-guide-progress">
        {t('progress_none')} {guideLink}
      </p>
    );
  return (
    <div className="pg-guide-progress">
      <p>
        {tCount('count_exercisesDone', completions.length)} {guideLink}
      </p>
      <ul aria-label={t('progress_listLabel')}>
        {completions.map((completion) => (
          <li key={completion.exerciseId} data-exercise-id={completion.exerciseId}>
            {completion.title}, {formatDay(completion.at)}
          </li>
        ))}
      </ul>
    </div>
  );
}
