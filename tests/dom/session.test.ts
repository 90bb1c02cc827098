import { describe, expect, it } from 'vitest';
import type { Checker } from '@/src/core';
import type { Finding } from '@/src/core/findings';
import { ComposeSession, currentFix } from '@/src/compose/session';
import { compilePacks, parsePack } from '@/src/core';
import { OverlayHost } from '@/src/compose/overlay/host';
import { genericDriver } from '@/src/sites/drivers/contenteditable';
import { selectText } from '@/src/sites/drivers/input';
import { plainBlocks } from '@/src/sites/drivers/contenteditable';

/** A checker that records what it was asked and takes as long as told. */
function timedChecker(costMs: number | ((call: number) => number)): Checker & { texts: string[] } {
  const texts: string[] = [];
  const costOf = typeof costMs === 'number' ? () => costMs : costMs;
  return {
    texts,
    packs: [],
    rules: [],
    check(text: string): Finding[] {
      const until = performance.now() + costOf(texts.length);
      texts.push(text);
      while (performance.now() < until) {
        // Busy, as a slow rule would be.
      }
      return [];
    },
  } as unknown as Checker & { texts: string[] };
}

/** A checker for a test pack (format, id, name and version filled in). */
function compiledPack(fields: Record<string, unknown>): Checker {
  const pack = parsePack({
    format: 'postguard/pack@1',
    id: 'p',
    name: 'p',
    version: '1.0.0',
    ...fields,
  });
  if (!pack.ok) throw new Error('test pack does not parse');
  const compiled = compilePacks([pack.value]);
  if (!compiled.ok) throw new Error('test pack does not compile');
  return compiled.value;
}

/** An empty editable box in a fresh page. */
function editableBox(): HTMLDivElement {
  document.body.replaceChildren();
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  return element;
}

function setup(checker: Checker) {
  document.body.replaceChildren();
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  const box = {
    element,
    network: 'x' as const,
    context: 'post' as const,
    driver: genericDriver,
  };
  const session = new ComposeSession(box, checker, new OverlayHost(document), {
    releaseSubmission: () => undefined,
    siteControls: () => [],
  });
  return { element, session };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ComposeSession', () => {
  it('checks the text on every change while checks are fast', async () => {
    const checker = timedChecker(0);
    const { element, session } = setup(checker);
    element.textContent = 'a';
    await tick();
    element.textContent = 'ab';
    await tick();
    expect(checker.texts).toEqual(['', 'a', 'ab']);
    session.dispose();
  });

  it('does not check during IME composition, and checks when it ends', async () => {
    const checker = timedChecker(0);
    const { element, session } = setup(checker);
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'にほ';
    await tick();
    expect(checker.texts).toEqual(['']);
    element.textContent = '日本';
    element.dispatchEvent(new Event('compositionend'));
    await tick();
    expect(checker.texts).toEqual(['', '日本']);
    session.dispose();
  });

  it('waits for a pause in typing once checks are slower than a frame allows', async () => {
    const checker = timedChecker(12);
    const { element, session } = setup(checker);
    expect(checker.texts).toEqual(['']);
    for (const text of ['s', 'sl', 'slo', 'slow', 'slowe', 'slower']) {
      element.textContent = text;
      await tick(20);
    }
    // Two cold checks are not timed, and three timed ones decide: from then on checks wait
    // for the pause, and none ran while typing went on.
    expect(checker.texts).toEqual(['', 's', 'sl', 'slo', 'slow']);
    await tick(200);
    expect(checker.texts).toEqual(['', 's', 'sl', 'slo', 'slow', 'slower']);
    session.dispose();
  });

  it('never lets the cold first checks of a new engine send typing to the pause', async () => {
    // The engine's first two checks are cold (60 ms each), the rest fast.
    const checker = timedChecker((call) => (call < 2 ? 60 : 0));
    const { element, session } = setup(checker);
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      element.textContent = text;
      await tick();
    }
    expect(checker.texts).toEqual(['', 'a', 'ab', 'abc', 'abcd']);
    session.dispose();
  });

  it('keeps checking on every change when one check among fast ones is slow (a GC pause)', async () => {
    // The third check (for "ab") takes 30 ms; the others none.
    const checker = timedChecker((call) => (call === 2 ? 30 : 0));
    const { element, session } = setup(checker);
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      element.textContent = text;
      await tick();
    }
    expect(checker.texts).toEqual(['', 'a', 'ab', 'abc', 'abcd']);
    session.dispose();
  });
});

describe('two tiers: the quick rules on every key, people’s names when typing pauses', () => {
  const rules = [
    { id: 'names', kind: 'entities', entities: ['person'], severity: 'warning', message: 'n' },
    { id: 'code', kind: 'terms', terms: ['Nightjar'], severity: 'error', message: 'c' },
  ];

  it('checks the quick tier at once, the slow one after the pause, carrying its findings meanwhile', async () => {
    const checker = compiledPack({ rules });
    expect(checker.hasSlowRules).toBe(true);
    const { element, session } = setup(checker);
    const shown = (): string[] => session.shownFindings.map((f) => `${f.ruleId}:${f.match}`);
    element.textContent = 'Lunch with Jane Smith.';
    await tick(200);
    expect(shown()).toEqual(['names:Jane Smith']);
    // Typing goes on before the name: the term is found at once, the name carried along.
    element.textContent = 'Nightjar: Lunch with Jane Smith.';
    await tick();
    expect(shown()).toEqual(['code:Nightjar', 'names:Jane Smith']);
    const [, name] = session.shownFindings;
    expect(element.textContent.slice(name!.start, name!.end)).toBe('Jane Smith');
    // A new name waits for the pause.
    element.textContent = 'Nightjar: Lunch with Jane Smith and Bob Lee.';
    await tick();
    expect(shown()).toEqual(['code:Nightjar', 'names:Jane Smith']);
    await tick(200);
    expect(shown()).toEqual(['code:Nightjar', 'names:Jane Smith', 'names:Bob Lee']);
    session.dispose();
  });

  it('does not run the slow tier in the middle of an IME composition', async () => {
    const checker = compiledPack({ rules });
    const { element, session } = setup(checker);
    element.textContent = 'Code name ';
    await tick();
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'Code name Nightjar';
    await tick(200);
    expect(session.shownFindings).toEqual([]);
    element.dispatchEvent(new Event('compositionend'));
    expect(session.shownFindings.map((f) => f.ruleId)).toEqual(['code']);
    session.dispose();
  });

  it('checks both tiers before a submission is judged', () => {
    const checker = compiledPack({ rules });
    const { element, session } = setup(checker);
    element.textContent = 'Nightjar with Jane Smith';
    expect(session.check().map((f) => f.ruleId)).toEqual(['code', 'names']);
    expect(session.errors().map((f) => f.ruleId)).toEqual(['code']);
    session.dispose();
  });
});

describe('a fix from a card that stayed open while the text changed', () => {
  it('is taken from the text as it is now, not from the check that drew the card', async () => {
    const checker = compiledPack({
      rules: [{ id: 'code', kind: 'terms', severity: 'error', message: 'm', terms: ['Nightjar'] }],
    });
    const element = editableBox();
    const deleted: string[] = [];
    const box = {
      element,
      network: 'x' as const,
      context: 'post' as const,
      driver: {
        ...genericDriver,
        // As an editor would: select the range, then delete what is selected.
        async replace(target: HTMLElement, start: number, end: number, text: string) {
          await selectText(target, plainBlocks, start, end);
          const selection = document.getSelection()!;
          deleted.push(selection.toString());
          selection.getRangeAt(0).deleteContents();
          if (text) selection.getRangeAt(0).insertNode(document.createTextNode(text));
        },
      },
    };
    const host = new OverlayHost(document);
    const session = new ComposeSession(box, checker, host, {
      releaseSubmission: () => undefined,
      siteControls: () => [],
    });
    element.textContent = 'Nightjar ships';
    await tick();
    const root = host.root;
    root.querySelector<HTMLElement>('.badge')!.click();
    const remove = [...root.querySelectorAll<HTMLButtonElement>('.card button')].find(
      (button) => button.textContent === 'Remove',
    )!;
    expect(remove).toBeDefined();

    // Typing before the term moves it; the card (same finding) stays open.
    element.textContent = 'Hey Nightjar ships';
    await tick();
    remove.click();
    await tick(100);
    expect(deleted).toEqual(['Nightjar ']);
    expect(element.textContent).toBe('Hey ships');
    session.dispose();
  });
});

describe('currentFix', () => {
  const finding = (start: number): Finding => ({
    ruleId: 'code',
    packId: 'p',
    kind: 'terms',
    severity: 'error',
    message: 'm',
    start,
    end: start + 8,
    match: 'Nightjar',
    suggestions: [{ label: 'Remove', edits: [{ start, end: start + 9, text: '' }] }],
  });

  it('takes the same fix of the nearest same finding', () => {
    const shown = finding(0);
    const fix = currentFix([finding(30), finding(4)], shown, shown.suggestions[0]!);
    expect(fix?.edits).toEqual([{ start: 4, end: 13, text: '' }]);
  });

  it('gives nothing when the finding is gone', () => {
    const shown = finding(0);
    expect(currentFix([], shown, shown.suggestions[0]!)).toBeUndefined();
  });
});

describe('"Why?" on a card', () => {
  it("asks for the guide at the rule's section, and only for rules that name one", async () => {
    const checker = compiledPack({
      guide: { sections: [{ id: 'codenames', title: 'Code names', body: 'Keep them inside.' }] },
      rules: [
        {
          id: 'code',
          kind: 'terms',
          severity: 'error',
          message: 'm',
          terms: ['Nightjar'],
          guide: 'codenames',
        },
        { id: 'other', kind: 'terms', severity: 'warning', message: 'm', terms: ['Falcon'] },
      ],
    });
    const element = editableBox();
    const box = { element, network: 'x' as const, context: 'post' as const, driver: genericDriver };
    const host = new OverlayHost(document);
    const opened: string[] = [];
    const session = new ComposeSession(box, checker, host, {
      releaseSubmission: () => undefined,
      siteControls: () => [],
      openGuide: (section) => opened.push(section),
    });
    element.textContent = 'Nightjar and Falcon';
    await tick();
    host.root.querySelector<HTMLElement>('.badge')!.click();
    const card = host.root.querySelector<HTMLElement>('.card')!;
    expect(card.hidden).toBe(false);
    const whyOf = (ruleId: string) =>
      card.querySelector<HTMLButtonElement>(`[data-rule-id="${ruleId}"] button.why`);
    expect(whyOf('other')).toBeNull();
    // The card's focus goes to the first fix, as before: "Why?" is not the first thing to do.
    expect(host.root.activeElement?.classList.contains('why')).not.toBe(true);
    whyOf('code')!.click();
    expect(opened).toEqual(['codenames']);
    session.dispose();
  });
});
