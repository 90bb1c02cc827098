import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Pack } from '@/src/core/pack/schema';
import { layerGuide } from '@/src/core/guide/layers';
import { DatabaseNotice } from '@/src/ui/activity/DatabaseNotice';
import { MyActivity } from '@/src/ui/activity/MyActivity';
import { contentTitles } from '@/src/ui/activity/titles';
import { useActivityDatabase } from '@/src/ui/activity/useActivityDatabase';
import { useWriteProblem } from '@/src/ui/activity/useWriteProblem';
import type { ActivityWriteProblem } from '@/src/store/write-problem';
import { Library } from './Library';
import type { PopupServices } from './services';
import { t, type MessageId } from '@/src/ui/i18n';

type View = 'content' | 'activity';
const VIEWS: { view: View; label: MessageId }[] = [
  { view: 'content', label: 'popup_approvedContent' },
  { view: 'activity', label: 'popup_myActivity' },
];

/** Whether the packs in force have a guide, kept current as they change. */
function useHasGuide(services: PopupServices): boolean {
  const [hasGuide, setHasGuide] = useState(false);
  useEffect(() => {
    let live = true;
    const update = (packs: Pack[]) => live && setHasGuide(layerGuide(packs) !== undefined);
    services.loadPacks().then(update, () => undefined);
    const unwatch = services.watchPacks(update);
    return () => {
      live = false;
      unwatch();
    };
  }, [services]);
  return hasGuide;
}

/** The popup: the content library, and the person's own activity. */
export function Popup({ services }: { services: PopupServices }) {
  const { db, problem, report, dismiss } = useActivityDatabase(services.openDatabase);
  const [view, setView] = useState<View>('content');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // The notice itself is in My activity; its tab carries a mark so it is seen from the library.
  const { writeProblem, dismissWriteProblem } = useWriteProblem(services.writeProblems);
  const guideUrl = useHasGuide(services) ? services.guideUrl : undefined;

  // Tabs per the ARIA pattern: arrows move between them, Tab goes into the panel.
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next]!.view);
    tabs.current[next]?.focus();
  };

  return (
    <main className="pg-popup">
      <header className="pg-header">
        <h1>{t('extName')}</h1>
        <div role="tablist" aria-label={t('popup_tabsLabel')} className="pg-tabs">
          {VIEWS.map(({ view: v, label }, index) => (
            <button
              key={v}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-controls={`panel-${v}`}
              aria-selected={view === v}
              tabIndex={view === v ? 0 : -1}
              onClick={() => setView(v)}
              onKeyDown={(event) => onTabKey(event, index)}
              {...(v === 'activity' && writeProblem
                ? { 'aria-describedby': 'activity-problem-mark' }
                : {})}
            >
              {t(label)}
              {v === 'activity' && writeProblem && (
                <span className="pg-tab-mark" aria-hidden="true">
                  {' '}
                  !
                </span>
              )}
            </button>
          ))}
        </div>
        {guideUrl && (
          <a className="pg-guide-link" href={guideUrl} target="_blank" rel="noopener">
            {t('popup_guide')}
          </a>
        )}
        {writeProblem && (
          <span id="activity-problem-mark" hidden>
            {t('popup_activityProblemMark')}
          </span>
        )}
      </header>
      {problem && <DatabaseNotice problem={problem} onDismiss={dismiss} />}
      <div
        role="tabpanel"
        id="panel-content"
        aria-labelledby="tab-content"
        hidden={view !== 'content'}
      >
        <Library services={services} db={db} onDatabaseError={report} />
      </div>
      {view === 'activity' && (
        <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity">
          <PopupActivity
            services={services}
            db={db}
            onError={report}
            writeProblem={writeProblem}
            onDismissWriteProblem={dismissWriteProblem}
            {...(guideUrl ? { guideUrl } : {})}
          />
        </div>
      )}
    </main>
  );
}

function PopupActivity({
  services,
  db,
  onError,
  writeProblem,
  onDismissWriteProblem,
  guideUrl,
}: {
  guideUrl?: string;
  services: PopupServices;
  db: ReturnType<PopupServices['openDatabase']>;
  onError: (error: unknown) => void;
  writeProblem: ActivityWriteProblem | null;
  onDismissWriteProblem: () => void;
}) {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    services.loadPacks().then(
      (packs: Pack[]) => live && setTitles(contentTitles(packs)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [services]);
  const now = useCallback(() => services.now(), [services]);
  return (
    <>
      {writeProblem && (
        <DatabaseNotice
          problem={writeProblem}
          at={writeProblem.at}
          onDismiss={onDismissWriteProblem}
        />
      )}
      <MyActivity
        db={db}
        titles={titles}
        now={now}
        onError={onError}
        {...(guideUrl ? { guideUrl } : {})}
      />
    </>
  );
}
