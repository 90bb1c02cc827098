import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Checker, LayeredExercise } from '@/src/core';
import { applyTextEdits } from '@/src/core/edits';
import type { GuideCompletion } from '@/src/store/schema';
import { completionStands } from '@/src/store/guide-completions';
import { CheckedPost, findingsSummary } from '@/src/ui/checking/CheckedPost';
import { NETWORK_NAMES } from '@/src/ui/checking/networks';
import { formatDay, t } from '@/src/ui/i18n';

/** The page's id of an exercise: sections own the plain ids (`guide.html#<section id>`). */
export function exerciseAnchor(id: string): string {
  return `exercise-${id}`;
}

/** What still stands in the way of posting: info findings are advice, not problems. */
function blocking(severity: string): boolean {
  return severity === 'warning' || severity === 'error';
}

/**
 * One exercise: the pack's sample post in a practice box that checks as the overlay does, on
 * the exercise's network. It is done once the person has changed the text and no warning or
 * error remains; the text itself is kept only in this component's state.
 */
export function Exercise({
  exercise,
  checker,
  completion,
  onDone,
  now,
}: {
  exercise: LayeredExercise;
  checker: Checker;
  completion: GuideCompletion | undefined;
  onDone(exercise: LayeredExercise): void;
  now: () => Date;
}) {
  const [text, setText] = useState(exercise.text);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const boxId = useId();
  const statusId = useId();
  const headingId = useId();
  const done = completionStands(completion, exercise);

  // A new wording from the pack starts the practice afresh.
  useEffect(() => setText(exercise.text), [exercise.text]);

  const findings = useMemo(
    () =>
      text.trim() === '' ? [] : checker.check(text, { network: exercise.network, now: now() }),
    [checker, text, exercise.network, now],
  );
  const fixed =
    text.trim() !== '' && text !== exercise.text && !findings.some((f) => blocking(f.severity));

  const reported = useRef(false);
  useEffect(() => {
    if (!fixed || done || reported.current) return;
    reported.current = true;
    onDone(exercise);
  }, [fixed, done, exercise, onDone]);
  useEffect(() => {
    if (!fixed) reported.current = false;
  }, [fixed]);

  const network = NETWORK_NAMES[exercise.network];
  return (
    <article
      id={exerciseAnchor(exercise.id)}
      className="pg-exercise"
      aria-labelledby={headingId}
      data-exercise-id={exercise.id}
      data-done={done ? 'true' : 'false'}
    >
      <h3 id={headingId} tabIndex={-1}>
        {exercise.title} <span className="pg-exercise-network">({network})</span>
      </h3>
      <p className="pg-exercise-status" id={statusId} role="status">
        {done ? (
          <>
            <span className="pg-done">{t('exercise_done')}</span>{' '}
            {t('exercise_doneOn', formatDay(completion.at))}
            {fixed ? '' : `. ${t('exercise_practiseAgain')}`}
          </>
        ) : fixed ? (
          t('exercise_fixed')
        ) : (
          t('exercise_toDo', network)
        )}
      </p>
      <label htmlFor={boxId}>{t('exercise_boxLabel', network)}</label>
      <textarea
        ref={boxRef}
        id={boxId}
        rows={4}
        value={text}
        aria-describedby={statusId}
        // The practice box is not a form: nothing typed here is kept or sent.
        autoComplete="off"
        spellCheck
        onChange={(event) => setText(event.target.value)}
      />
      <div className="pg-exercise-actions">
        <span className="pg-count" aria-live="polite">
          {text.trim() === '' ? '' : findingsSummary(findings)}
        </span>
        <button
          type="button"
          onClick={() => setText(exercise.text)}
          disabled={text === exercise.text}
        >
          {t('exercise_startAgain')}
        </button>
      </div>
      <CheckedPost
        text={text}
        findings={findings}
        previewLabel={t('exercise_previewLabel')}
        guideHref={(section) => `#${section}`}
        onFix={(_finding, suggestion) => {
          setText(applyTextEdits(text, suggestion.edits));
          boxRef.current?.focus();
        }}
      />
    </article>
  );
}
