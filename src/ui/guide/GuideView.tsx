import { useEffect } from 'react';
import type { Checker, LayeredExercise } from '@/src/core';
import type { GuideCompletion } from '@/src/store/schema';
import { completionStands } from '@/src/store/guide-completions';
import { formatNumber, t } from '@/src/ui/i18n';
import { Exercise, exerciseAnchor } from './Exercise';
import { GuideBody } from './GuideBody';

/** Brings the section named in the address into view and gives it focus, for screen readers too. */
function revealHash(doc: Document): void {
  const id = decodeURIComponent(doc.location.hash.slice(1));
  if (!id) return;
  const target = doc.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  const heading = target.querySelector<HTMLElement>('h2, h3');
  heading?.focus({ preventScroll: true });
}

/**
 * The organisation's guide: its sections, then the exercises with their practice boxes. The
 * checker is the one the overlay uses, for the packs in force.
 */
export function GuideView({
  checker,
  completions,
  onDone,
  now,
}: {
  checker: Checker;
  completions: readonly GuideCompletion[];
  onDone(exercise: LayeredExercise): void;
  now: () => Date;
}) {
  const guide = checker.guide;
  const hasGuide = guide !== undefined;

  useEffect(() => {
    // The sections exist only once React has drawn them: the browser's own jump came too early.
    revealHash(document);
    const onHashChange = () => revealHash(document);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [hasGuide]);

  if (!guide) {
    return (
      <main className="pg-guide">
        <h1>{t('guide_heading')}</h1>
        <p>{t('guide_none')}</p>
      </main>
    );
  }
  const byExercise = new Map(completions.map((c) => [c.exerciseId, c]));
  // Done as each exercise says it is: a completion of this wording of it.
  const doneCount = guide.exercises.filter((exercise) =>
    completionStands(byExercise.get(exercise.id), exercise),
  ).length;
  return (
    <main className="pg-guide">
      <h1>{guide.title}</h1>
      <nav aria-label={t('guide_contents')}>
        <ol>
          {guide.sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
          {guide.exercises.length > 0 && (
            <li>
              <a href="#guide-exercises">{t('guide_practice')}</a>
            </li>
          )}
        </ol>
      </nav>
      {guide.sections.map((section) => (
        <section
          key={section.id}
          id={section.id}
          className="pg-guide-section"
          aria-labelledby={`${section.id}-heading`}
        >
          <h2 id={`${section.id}-heading`} tabIndex={-1}>
            {section.title}
          </h2>
          <GuideBody body={section.body} />
        </section>
      ))}
      {guide.exercises.length > 0 && (
        <section id="guide-exercises" aria-labelledby="guide-exercises-heading">
          <h2 id="guide-exercises-heading" tabIndex={-1}>
            {t('guide_practice')}
          </h2>
          <p>
            {t('guide_practiceIntro')}{' '}
            {t('guide_progress', formatNumber(doneCount), formatNumber(guide.exercises.length))}
          </p>
          {guide.exercises.map((exercise) => (
            <Exercise
              key={exercise.id}
              exercise={exercise}
              checker={checker}
              completion={byExercise.get(exercise.id)}
              onDone={onDone}
              now={now}
            />
          ))}
        </section>
      )}
    </main>
  );
}

export { exerciseAnchor };
