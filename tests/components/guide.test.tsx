import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compilePacks, parsePack, type Checker, type LayeredExercise } from '@/src/core';
import { openDatabase } from '@/src/store/db';
import { readGuideCompletions, recordGuideCompletion } from '@/src/store/guide-completions';
import type { GuideCompletion } from '@/src/store/schema';
import { GuideProgress } from '@/src/ui/activity/GuideProgress';
import { GuideView } from '@/src/ui/guide/GuideView';
import { Playground } from '@/src/ui/options/packs/Playground';
import { Popup } from '@/src/ui/popup/Popup';
import { starterPack } from '@/src/policy/starter';
import { fakeTab } from './popup-fixtures';

const now = () => new Date('2026-12-03T09:00:00Z');
const EXERCISE_TEXT = 'Bluefin ships soon!';

function checkerWith(exerciseText = EXERCISE_TEXT): Checker {
  const parsed = parsePack({
    format: 'postguard/pack@1',
    id: 'acme',
    name: 'ACME',
    version: '2.0.0',
    guide: {
      title: 'ACME on social media',
      sections: [
        {
          id: 'codenames',
          title: 'Code names stay inside',
          body: 'Project names are internal.\n\n- Say "a new product"\n- See [the policy](https://acme.example/policy)\n\n<img src=x onerror="alert(1)"> is text.',
        },
        {
          id: 'courteous',
          title: 'Be courteous',
          body: 'Argue with ideas, not people. Back to [code names](#codenames).',
        },
      ],
      exercises: [{ id: 'teaser', title: 'A teaser', network: 'x', text: exerciseText }],
    },
    rules: [
      {
        id: 'acme.codenames',
        kind: 'terms',
        severity: 'error',
        message: '{match} is an internal code name.',
        terms: [{ term: 'Bluefin', suggest: ['our new product'] }],
        guide: 'codenames',
        link: 'https://acme.example/policy#codenames',
      },
    ],
  });
  if (!parsed.ok) throw new Error('test pack does not parse');
  const compiled = compilePacks([parsed.value]);
  if (!compiled.ok) throw new Error('test pack does not compile');
  return compiled.value;
}

function completionOf(
  exercise: LayeredExercise,
  overrides: Partial<GuideCompletion> = {},
): GuideCompletion {
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    packId: exercise.packId,
    packVersion: exercise.packVersion,
    exerciseHash: exercise.textHash,
    at: Date.parse('2026-12-02T10:00:00Z'),
    ...overrides,
  };
}

afterEach(() => {
  window.location.hash = '';
});

describe('the guide page', () => {
  it('shows every section, with contents, lists and links, and never the pack as markup', () => {
    const { container } = render(
      <GuideView checker={checkerWith()} completions={[]} onDone={() => undefined} now={now} />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'ACME on social media' })).toBeTruthy();
    const sections = screen
      .getAllByRole('region')
      .filter((r) => r.classList.contains('pg-guide-section'));
    expect(sections.map((s) => s.id)).toEqual(['codenames', 'courteous']);
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(
      within(contents)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#codenames', '#courteous', '#guide-exercises']);
    const codenames = within(sections[0]!);
    expect(codenames.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Say "a new product"',
      'See the policy',
    ]);
    const policy = codenames.getByRole('link', { name: 'the policy' });
    expect(policy.getAttribute('href')).toBe('https://acme.example/policy');
    expect(policy.getAttribute('target')).toBe('_blank');
    expect(policy.getAttribute('rel')).toContain('noopener');
    expect(container.querySelector('img')).toBeNull();
    expect(codenames.getByText('<img src=x onerror="alert(1)"> is text.')).toBeTruthy();
    // A link to another section stays on the page.
    const back = within(sections[1]!).getByRole('link', { name: 'code names' });
    expect(back.getAttribute('href')).toBe('#codenames');
    expect(back.getAttribute('target')).toBeNull();
  });

  it('brings the section in the address into view and focuses its heading', () => {
    window.location.hash = '#courteous';
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(
      <GuideView checker={checkerWith()} completions={[]} onDone={() => undefined} now={now} />,
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Be courteous' }));
    expect(scrolled).toHaveBeenCalled();
  });

  it('says so when no pack in force has a guide', () => {
    const parsed = parsePack({
      format: 'postguard/pack@1',
      id: 'bare',
      name: 'Bare',
      version: '1.0.0',
    });
    const compiled = parsed.ok ? compilePacks([parsed.value]) : undefined;
    if (!compiled?.ok) throw new Error('bare pack');
    render(
      <GuideView checker={compiled.value} completions={[]} onDone={() => undefined} now={now} />,
    );
    expect(screen.getByText(/has not published a guide/)).toBeTruthy();
  });
});

describe('an exercise', () => {
  it('checks the practice box as the overlay does: the card, its policy link, "Why?" and the fix', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<GuideView checker={checkerWith()} completions={[]} onDone={onDone} now={now} />);
    const exercise = within(screen.getByRole('article', { name: /A teaser/ }));
    const box = exercise.getByLabelText('Practice post for X') as HTMLTextAreaElement;
    expect(box.value).toBe(EXERCISE_TEXT);
    expect(exercise.getByRole('status').textContent).toMatch(/^To do:/);
    const card = exercise.getByRole('listitem');
    expect(card.dataset.ruleId).toBe('acme.codenames');
    expect(within(card).getByRole('link', { name: 'Read the policy' }).getAttribute('href')).toBe(
      'https://acme.example/policy#codenames',
    );
    const why = within(card).getByRole('link', { name: /^Why\?/ });
    expect(why.getAttribute('href')).toBe('#codenames');
    expect(why.getAttribute('target')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Replace with "our new product"' }));
    expect(box.value).toBe('our new product ships soon!');
    expect(document.activeElement).toBe(box);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ id: 'teaser', packVersion: '2.0.0' });
    expect(exercise.getByRole('status').textContent).toMatch(/^Fixed/);
  });

  it('is done only once the text has changed and no warning or error is left', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<GuideView checker={checkerWith()} completions={[]} onDone={onDone} now={now} />);
    const box = screen.getByLabelText('Practice post for X');
    await user.type(box, ' Bluefin');
    expect(onDone).not.toHaveBeenCalled();
    await user.clear(box);
    expect(onDone).not.toHaveBeenCalled();
    await user.type(box, 'Something new ships soon');
    expect(onDone).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect((box as HTMLTextAreaElement).value).toBe(EXERCISE_TEXT);
  });

  it('shows "Done" for a completion of the same text, and is open again when the pack rewrites it', () => {
    const checker = checkerWith();
    const exercise = checker.guide!.exercises[0]!;
    const { rerender } = render(
      <GuideView
        checker={checker}
        completions={[completionOf(exercise)]}
        onDone={() => undefined}
        now={now}
      />,
    );
    const article = screen.getByRole('article', { name: /A teaser/ });
    expect(article.dataset.done).toBe('true');
    expect(within(article).getByRole('status').textContent).toMatch(/^Done on /);
    expect(screen.getByText(/1 of 1 done/)).toBeTruthy();
    const rewritten = checkerWith('Bluefin is nearly here!');
    rerender(
      <GuideView
        checker={rewritten}
        completions={[completionOf(exercise)]}
        onDone={() => undefined}
        now={now}
      />,
    );
    expect(screen.getByRole('article', { name: /A teaser/ }).dataset.done).toBe('false');
    expect(screen.getByText(/0 of 1 done/)).toBeTruthy();
  });
});

describe('the playground of the options page', () => {
  it('links "Why?" to the guide page in a new tab', async () => {
    const user = userEvent.setup();
    render(
      <Playground
        checker={checkerWith()}
        now={now}
        guideHref={(id) => `chrome-extension://x/guide.html#${id}`}
      />,
    );
    await user.type(screen.getByLabelText('Post to try'), 'Bluefin');
    const why = screen.getByRole('link', { name: /^Why\?/ });
    expect(why.getAttribute('href')).toBe('chrome-extension://x/guide.html#codenames');
    expect(why.getAttribute('target')).toBe('_blank');
  });
});

describe('My activity: the guide', () => {
  it('lists the exercises done, from the database, with no text of the person', async () => {
    const db = openDatabase('guide-progress-test');
    const exercise = checkerWith().guide!.exercises[0]!;
    await recordGuideCompletion(db, exercise, Date.parse('2026-12-02T10:00:00Z'));
    const rows = await readGuideCompletions(db);
    expect(rows).toEqual([completionOf(exercise)]);
    await act(async () => {
      render(
        <GuideProgress
          db={db}
          onError={() => undefined}
          guideUrl="chrome-extension://x/guide.html"
        />,
      );
    });
    expect(await screen.findByText(/Guide: 1 exercise done/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Guide exercises done' }).textContent).toContain(
      'A teaser',
    );
    expect(screen.getByRole('link', { name: 'Open the guide' }).getAttribute('href')).toBe(
      'chrome-extension://x/guide.html',
    );
    db.close();
  });
});

describe('the popup', () => {
  it('links to the guide when the packs in force have one, and not otherwise', async () => {
    const withGuide = fakeTab({ packs: [starterPack()] });
    const { unmount } = render(
      <Popup services={{ ...withGuide.services, guideUrl: 'chrome-extension://x/guide.html' }} />,
    );
    const link = await screen.findByRole('link', { name: 'Guide' });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/guide.html');
    expect(link.getAttribute('target')).toBe('_blank');
    unmount();

    const bare = parsePack({
      format: 'postguard/pack@1',
      id: 'bare',
      name: 'Bare',
      version: '1.0.0',
    });
    if (!bare.ok) throw new Error('bare pack');
    const without = fakeTab({ packs: [bare.value] });
    render(
      <Popup services={{ ...without.services, guideUrl: 'chrome-extension://x/guide.html' }} />,
    );
    await screen.findByRole('tab', { name: 'Approved content' });
    await act(async () => undefined);
    expect(screen.queryByRole('link', { name: 'Guide' })).toBeNull();
  });
});
