import { describe, expect, it } from 'vitest';
import type { Checker } from '@/src/core';
import type { CheckTier, Finding } from '@/src/core/findings';
import type { CheckEngine } from '@/src/compose/engine';
import { nightjarAt } from './findings';
import { ComposeSession, currentFix } from '@/src/compose/session';
import { compilePacks, parsePack } from '@/src/core';
import { OverlayHost } from '@/src/compose/overlay/host';
import { genericDriver } from '@/src/sites/drivers/contenteditable';
import { selectText } from '@/src/sites/drivers/input';
import { plainBlocks } from '@/src/sites/drivers/contenteditable';

/**
 * The compose box's engine over a real checker, answering after `delayMs` as the background
 * answers after a message's round trip, and recording what it was asked.
 */
function engineOf(
  checker: Checker,
  delayMs = 0,
): CheckEngine & { asked: { text: string; tier?: CheckTier }[] } {
  const asked: { text: string; tier?: CheckTier }[] = [];
  return {
    asked,
    packs: checker.packs.map((pack) => ({ id: pack.id, version: pack.version })),
    hasSlowRules: checker.hasSlowRules,
    async check(text, options) {
      asked.push({ text, ...(options.tier ? { tier: options.tier } : {}) });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return checker.check(text, options);
    },
  };
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

function setup(engine: CheckEngine) {
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
  const session = new ComposeSession(box, engine, new OverlayHost(document), {
    releaseSubmission: () => undefined,
    siteControls: () => [],
  });
  return { element, session };
}

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

const termsPack = () =>
  compiledPack({
    rules: [{ id: 'code', kind: 'terms', terms: ['Nightjar'], severity: 'error', message: 'c' }],
  });

describe('ComposeSession', () => {
  it('asks the engine on every change while its answers come back at once', async () => {
    const engine = engineOf(termsPack());
    const { element, session } = setup(engine);
    await tick();
    element.textContent = 'a';
    await tick();
    element.textContent = 'ab';
    await tick();
    expect(engine.asked.map((a) => a.text)).toEqual(['a', 'ab']);
    session.dispose();
  });

  it('answers an empty box itself, so the first text typed is asked at once', async () => {
    // The engine is waking (the focus started the background): its answers are late.
    const engine = engineOf(termsPack(), 100);
    const { element, session } = setup(engine);
    expect(session.isUpToDate()).toBe(true);
    element.textContent = 'Nightjar';
    await tick();
    expect(engine.asked.map((a) => a.text)).toEqual(['Nightjar']);
    await tick(120);
    expect(session.shownFindings.map((f) => f.match)).toEqual(['Nightjar']);
    // Emptied again: nothing to ask, nothing shown.
    element.textContent = '';
    await tick();
    expect(engine.asked.map((a) => a.text)).toEqual(['Nightjar']);
    expect(session.shownFindings).toEqual([]);
    expect(session.isUpToDate()).toBe(true);
    session.dispose();
  });

  it('does not check during IME composition, and checks when it ends', async () => {
    const engine = engineOf(termsPack());
    const { element, session } = setup(engine);
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'にほ';
    await tick();
    expect(engine.asked.map((a) => a.text)).toEqual([]);
    element.textContent = '日本';
    element.dispatchEvent(new Event('compositionend'));
    await tick();
    expect(engine.asked.map((a) => a.text)).toEqual(['日本']);
    session.dispose();
  });

  it('does not read the box mid-composition for a check asked before it began', async () => {
    const engine = engineOf(termsPack(), 40);
    const { element, session } = setup(engine);
    await tick(60);
    element.textContent = 'Code';
    await tick(5);
    // A second change while the first is being checked: a round is still wanted.
    element.textContent = 'Code name ';
    await tick(5);
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'Code name Nightjar';
    await tick(120);
    expect(engine.asked.map((a) => a.text)).not.toContain('Code name Nightjar');
    expect(session.shownFindings).toEqual([]);
    element.dispatchEvent(new Event('compositionend'));
    await tick(80);
    expect(engine.asked.at(-1)?.text).toBe('Code name Nightjar');
    expect(session.shownFindings.map((f) => f.match)).toEqual(['Nightjar']);
    session.dispose();
  });

  it('keeps one check on its way at a time, and asks the newest text next', async () => {
    // A slow engine (a huge pack): typing goes on while it works, and is never held for it.
    const engine = engineOf(termsPack(), 40);
    const { element, session } = setup(engine);
    for (const text of ['N', 'Ni', 'Nig', 'Nightjar']) {
      element.textContent = text;
      await tick();
    }
    await tick(120);
    expect(engine.asked.map((a) => a.text)).toEqual(['N', 'Nightjar']);
    expect(session.shownFindings.map((f) => f.match)).toEqual(['Nightjar']);
    session.dispose();
  });

  it('moves the last findings along an edit when the engine is late to answer', async () => {
    const engine = engineOf(termsPack(), 80);
    const { element, session } = setup(engine);
    element.textContent = 'Nightjar ships';
    await tick(200);
    expect(session.shownFindings.map((f) => [f.start, f.end])).toEqual([[0, 8]]);
    element.textContent = 'Hey Nightjar ships';
    await tick(5);
    expect(engine.asked.at(-1)?.text).toBe('Hey Nightjar ships');
    // Waiting for the answer a moment, then the finding moves with its word.
    expect(session.shownFindings.map((f) => [f.start, f.end])).toEqual([[0, 8]]);
    await tick(40);
    expect(session.isUpToDate()).toBe(false);
    expect(session.shownFindings.map((f) => [f.start, f.end])).toEqual([[4, 12]]);
    await tick(80);
    expect(session.isUpToDate()).toBe(true);
    session.dispose();
  });

  it('draws an edit once when the answer comes at once', async () => {
    const engine = engineOf(termsPack());
    const { element, session } = setup(engine);
    await tick();
    const drawn: string[][] = [];
    const update = session.overlay.update.bind(session.overlay);
    session.overlay.update = (findings, model) => {
      drawn.push(findings.map((f) => f.match));
      update(findings, model);
    };
    element.textContent = 'Nightjar ships';
    await tick(60);
    expect(drawn).toEqual([['Nightjar']]);
    session.dispose();
  });

  it('tells a submission or a fix that the engine could not be reached, and recovers', async () => {
    const checker = termsPack();
    let reachable = false;
    const engine: CheckEngine = {
      packs: [],
      hasSlowRules: false,
      async check(text, options) {
        if (!reachable) throw new Error('Extension context invalidated.');
        return checker.check(text, options);
      },
    };
    const { element, session } = setup(engine);
    element.textContent = 'Nightjar';
    await tick();
    await expect(session.checkNow()).rejects.toThrow('Extension context invalidated.');
    reachable = true;
    expect((await session.checkNow()).map((f) => f.match)).toEqual(['Nightjar']);
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
    const engine = engineOf(checker);
    const { element, session } = setup(engine);
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
    expect(engine.asked.at(-1)).toEqual({ text: element.textContent, tier: 'quick' });
    await tick(200);
    expect(shown()).toEqual(['code:Nightjar', 'names:Jane Smith', 'names:Bob Lee']);
    expect(engine.asked.at(-1)).toEqual({ text: element.textContent, tier: 'slow' });
    session.dispose();
  });

  it('does not run the slow tier in the middle of an IME composition', async () => {
    const engine = engineOf(compiledPack({ rules }));
    const { element, session } = setup(engine);
    element.textContent = 'Code name ';
    await tick();
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'Code name Nightjar';
    await tick(200);
    expect(session.shownFindings).toEqual([]);
    expect(engine.asked.map((a) => a.text)).not.toContain('Code name Nightjar');
    element.dispatchEvent(new Event('compositionend'));
    await tick();
    expect(session.shownFindings.map((f) => f.ruleId)).toEqual(['code']);
    session.dispose();
  });

  it('checks both tiers before a submission is judged', async () => {
    const { element, session } = setup(engineOf(compiledPack({ rules }), 5));
    element.textContent = 'Nightjar with Jane Smith';
    expect(session.isUpToDate()).toBe(false);
    expect((await session.checkNow()).map((f) => f.ruleId)).toEqual(['code', 'names']);
    expect(session.isUpToDate()).toBe(true);
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
    const session = new ComposeSession(box, engineOf(checker), host, {
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
  const finding = (start: number): Finding =>
    nightjarAt(start, [{ label: 'Remove', edits: [{ start, end: start + 9, text: '' }] }]);

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
    const session = new ComposeSession(box, engineOf(checker), host, {
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
