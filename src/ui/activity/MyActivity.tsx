import { useEffect, useState } from 'react';
import { total, topItems, type TopItem, type WeekFigure } from '@/src/store/activity';
import type { PostguardDb } from '@/src/store/schema';
import { readAcknowledgements } from '@/src/store/acknowledgement-log';
import { readActivity, readLog } from '@/src/store/share-log';
import { ActivityChart } from './ActivityChart';
import { ExportButtons } from './ExportButtons';
import { TopItems } from './TopItems';
import { GuideProgress } from './GuideProgress';
import { t, tCount } from '@/src/ui/i18n';
import type { SaveFile } from './download';

interface Summary {
  weeks: WeekFigure[];
  top: TopItem[];
}

/**
 * "My activity": posts per network per week, the items shared most, and the log's export.
 * Reads only the tallies, so it opens as fast with 100,000 rows as with ten.
 */
export function MyActivity({
  db,
  titles,
  now,
  weekCount = 8,
  onError,
  save,
  headingLevel = 2,
  guideUrl,
}: {
  db: PostguardDb;
  titles: ReadonlyMap<string, string>;
  now: () => Date;
  weekCount?: number;
  onError: (error: unknown) => void;
  save?: SaveFile;
  headingLevel?: 2 | 3;
  /** The guide page, linked from the exercises done. */
  guideUrl?: string;
}) {
  const [summary, setSummary] = useState<Summary | undefined>();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    let live = true;
    readActivity(db, { now: now(), weekCount }).then(
      ({ weeks, items }) => live && setSummary({ weeks, top: topItems(items, { limit: 5 }) }),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [db, now, weekCount, onError]);

  if (!summary) return <p className="pg-quiet">{t('activity_loading')}</p>;
  const thisWeek = summary.weeks.at(-1);
  return (
    <div className="pg-activity">
      {thisWeek && (
        <p>
          {t(
            'activity_thisWeek',
            tCount('count_posts', total(thisWeek.posted)),
            tCount('count_inserts', total(thisWeek.inserted)),
          )}
        </p>
      )}
      <ActivityChart weeks={summary.weeks} />
      <Heading>{t('activity_sharedMost')}</Heading>
      <TopItems items={summary.top} titles={titles} />
      <Heading>{t('guide_practice')}</Heading>
      <GuideProgress db={db} onError={onError} {...(guideUrl ? { guideUrl } : {})} />
      <Heading>{t('activity_exportHeading')}</Heading>
      <p className="pg-quiet">{t('activity_exportIntro')}</p>
      <ExportButtons
        read={() => readLog(db)}
        readAcknowledgements={() => readAcknowledgements(db)}
        fileStem="postguard-activity"
        onError={onError}
        {...(save ? { save } : {})}
        now={now}
      />
    </div>
  );
}
