import { useEffect, useState } from 'react';
import type { Pack } from '@/src/core/pack/schema';
import { layerGuide } from '@/src/core/guide/layers';
import { openDatabase, type OpenOptions } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import type { WriteProblemSource } from '@/src/store/write-problem';
import { ActivityLog } from '@/src/ui/activity/ActivityLog';
import { DatabaseNotice } from '@/src/ui/activity/DatabaseNotice';
import { MyActivity } from '@/src/ui/activity/MyActivity';
import { contentTitles } from '@/src/ui/activity/titles';
import { useActivityDatabase } from '@/src/ui/activity/useActivityDatabase';
import { useWriteProblem } from '@/src/ui/activity/useWriteProblem';
import type { SaveFile } from '@/src/ui/activity/download';
import { t } from '@/src/ui/i18n';
import '@/src/ui/activity/activity.css';

const openActivityDatabase = (options: OpenOptions): PostguardDb =>
  openDatabase(undefined, options);
const currentTime = () => new Date();
// Loaded when first needed: defining the storage items reads extension storage at once, which
// only an extension page has (tests render this section without one).
const loadPacksInForce = (): Promise<Pack[]> =>
  import('@/src/policy/packs').then((packs) => packs.loadPacksInForce());
// The same for the background's failed writes, kept in extension storage.
const loadWriteProblems = () => import('@/src/store/write-problem-item');
const storedWriteProblems: WriteProblemSource = {
  watch(listener) {
    let live = true;
    let stop: (() => void) | undefined;
    loadWriteProblems().then(
      (module) => {
        if (live) stop = module.storedWriteProblems.watch(listener);
      },
      (error: unknown) => console.warn('Postguard: no activity write problems', error),
    );
    return () => {
      live = false;
      stop?.();
    };
  },
  dismiss: () => loadWriteProblems().then((module) => module.storedWriteProblems.dismiss()),
};

/**
 * The person's own activity: figures, top items, the whole log with filters and export, each
 * "Post anyway", and any write the background could not make.
 */
export function ActivitySection({
  openDb = openActivityDatabase,
  loadPacks = loadPacksInForce,
  writeProblems = storedWriteProblems,
  now = currentTime,
  save,
  guideUrl,
}: {
  /** The guide page: linked from the exercises done, when the packs in force have a guide. */
  guideUrl?: string;
  openDb?: (options: OpenOptions) => PostguardDb;
  loadPacks?: () => Promise<Pack[]>;
  writeProblems?: WriteProblemSource;
  now?: () => Date;
  save?: SaveFile;
}) {
  const { db, problem, report, dismiss } = useActivityDatabase(openDb);
  const { writeProblem, dismissWriteProblem } = useWriteProblem(writeProblems);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [hasGuide, setHasGuide] = useState(false);

  useEffect(() => {
    let live = true;
    loadPacks().then(
      (packs) => {
        if (!live) return;
        setTitles(contentTitles(packs));
        setHasGuide(layerGuide(packs) !== undefined);
      },
      // Without titles the log still reads, by item id.
      (error: unknown) => console.warn('Postguard: no pack titles for the activity log', error),
    );
    return () => {
      live = false;
    };
  }, [loadPacks]);

  return (
    <section aria-labelledby="activity-heading" className="pg-section">
      <h2 id="activity-heading">{t('popup_myActivity')}</h2>
      {problem && <DatabaseNotice problem={problem} onDismiss={dismiss} />}
      {writeProblem && (
        <DatabaseNotice
          problem={writeProblem}
          at={writeProblem.at}
          onDismiss={dismissWriteProblem}
        />
      )}
      <MyActivity
        db={db}
        titles={titles}
        now={now}
        weekCount={12}
        onError={report}
        headingLevel={3}
        {...(save ? { save } : {})}
        {...(guideUrl && hasGuide ? { guideUrl } : {})}
      />
      <h3>{t('options_logHeading')}</h3>
      <ActivityLog db={db} titles={titles} onError={report} now={now} {...(save ? { save } : {})} />
    </section>
  );
}
