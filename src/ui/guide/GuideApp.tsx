import { useCallback, useEffect, useMemo, useState } from 'react';
import { compilePacks, type LayeredExercise } from '@/src/core';
import { packsInForce } from '@/src/policy/packs-in-force';
import { starterPack } from '@/src/policy/starter';
import { openDatabase } from '@/src/store/db';
import { readGuideCompletions, recordGuideCompletion } from '@/src/store/guide-completions';
import type { GuideCompletion } from '@/src/store/schema';
import { usePacksState } from '@/src/ui/checking/usePacksState';
import { GuideView } from './GuideView';
import { t } from '@/src/ui/i18n';
import './guide.css';

const currentTime = () => new Date();

/** guide.html: the guide of the packs in force, kept current as the background updates them. */
export function GuideApp() {
  const state = usePacksState();
  const starter = useMemo(() => starterPack(), []);
  const packs = useMemo(() => packsInForce(state.policy, starter), [state.policy, starter]);
  const compiled = useMemo(() => compilePacks(packs), [packs]);
  const db = useMemo(() => openDatabase(), []);
  const [completions, setCompletions] = useState<GuideCompletion[]>([]);
  const [problem, setProblem] = useState<string | undefined>();

  const reload = useCallback(
    () =>
      readGuideCompletions(db).then(setCompletions, (error: unknown) =>
        setProblem(t('guide_completionsUnreadable', String(error))),
      ),
    [db],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const onDone = useCallback(
    (exercise: LayeredExercise) => {
      recordGuideCompletion(db, exercise, Date.now()).then(reload, (error: unknown) =>
        setProblem(t('guide_notMarked', String(error))),
      );
    },
    [db, reload],
  );

  useEffect(() => {
    if (compiled.ok && compiled.value.guide)
      document.title = `${compiled.value.guide.title} · Postguard`;
  }, [compiled]);

  if (!state.loaded) return <p className="pg-quiet">{t('guide_loading')}</p>;
  if (!compiled.ok)
    return (
      <main className="pg-guide">
        <h1>{t('guide_heading')}</h1>
        <p role="alert">{t('guide_doesNotCompile')}</p>
      </main>
    );
  return (
    <>
      {problem && (
        <p className="pg-notice" role="alert">
          {problem}
        </p>
      )}
      <GuideView
        checker={compiled.value}
        completions={completions}
        onDone={onDone}
        now={currentTime}
      />
    </>
  );
}
