import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposeController } from '@/src/compose/controller';
import type { CheckEngine } from '@/src/compose/engine';
import { compilePacks, parsePack } from '@/src/core';
import { genericDriver } from '@/src/sites/drivers/contenteditable';
import type { ComposeBox, SiteAdapter } from '@/src/sites/types';

/** The engine over a real checker, answering after `delayMs` as the background does. */
function slowEngine(delayMs: number): CheckEngine {
  const pack = parsePack({
    format: 'postguard/pack@1',
    id: 'p',
    name: 'p',
    version: '1.0.0',
    rules: [{ id: 'code', kind: 'terms', terms: ['Nightjar'], severity: 'error', message: 'm' }],
  });
  if (!pack.ok) throw new Error('test pack does not parse');
  const compiled = compilePacks([pack.value]);
  if (!compiled.ok) throw new Error('test pack does not compile');
  const checker = compiled.value;
  return {
    packs: [],
    hasSlowRules: false,
    async check(text, options) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return checker.check(text, options);
    },
  };
}

/** A site with one box and its Post button, which records what it was asked to post. */
function site() {
  document.body.replaceChildren();
  const element = document.createElement('div');
  element.contentEditable = 'true';
  const submit = document.createElement('button');
  const posted: string[] = [];
  submit.addEventListener('click', () => posted.push(element.textContent ?? ''));
  document.body.append(element, submit);
  const box: ComposeBox = { element, network: 'x', context: 'post', driver: genericDriver };
  const adapter: SiteAdapter = {
    network: 'x',
    hosts: ['x.com'],
    selectors: {},
    boxFrom: (node) => (node === element || element.contains(node) ? box : undefined),
    findBoxes: () => [box],
    findSubmit: () => submit,
    keyboardSubmit: () => ({ modEnter: true, plainEnter: false }),
  };
  return { element, submit, posted, adapter };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function started(engine: CheckEngine) {
  const page = site();
  const controller = new ComposeController(document, page.adapter, {
    connectEngine: async () => engine,
    acknowledge: () => undefined,
    sharePosted: () => undefined,
    unrecognisedBox: () => undefined,
  });
  controller.start();
  const session = await controller.attach(page.element);
  await tick(80);
  return { ...page, controller, session: session! };
}

describe('a submission made while its check is on its way', () => {
  it('waits for the check, then goes on by itself, once however often Post is pressed', async () => {
    const { element, submit, posted, controller } = await started(slowEngine(30));
    element.textContent = 'All clear today';
    await tick(0);
    submit.click();
    submit.click();
    expect(posted).toEqual([]);
    await tick(100);
    expect(posted).toEqual(['All clear today']);
    controller.stop();
  });

  it('is held when the check finds an error', async () => {
    const { element, submit, posted, controller, session } = await started(slowEngine(30));
    element.textContent = 'Nightjar ships';
    await tick(0);
    submit.click();
    await tick(100);
    expect(posted).toEqual([]);
    expect(session.errors().map((f) => f.match)).toEqual(['Nightjar']);
    controller.stop();
  });

  it('goes through when the engine does not answer within 5 seconds', async () => {
    const silent: CheckEngine = {
      packs: [],
      hasSlowRules: false,
      check: () => new Promise(() => undefined),
    };
    const { element, submit, posted, controller } = await started(silent);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      element.textContent = 'Nightjar ships';
      await Promise.resolve();
      submit.click();
      vi.advanceTimersByTime(4_900);
      await Promise.resolve();
      expect(posted).toEqual([]);
      vi.advanceTimersByTime(200);
      await vi.waitFor(() => expect(posted).toEqual(['Nightjar ships']));
    } finally {
      vi.useRealTimers();
      controller.stop();
    }
  });

  it('goes through when the engine cannot be reached', async () => {
    const unreachable: CheckEngine = {
      packs: [],
      hasSlowRules: false,
      check: async () => {
        throw new Error('Extension context invalidated.');
      },
    };
    const { element, submit, posted, controller } = await started(unreachable);
    element.textContent = 'Nightjar ships';
    await tick(0);
    submit.click();
    await tick(50);
    expect(posted).toEqual(['Nightjar ships']);
    controller.stop();
  });
});

describe('an engine asleep in the background', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function sleepyEngine() {
    const state = { awake: false, wakes: 0 };
    const engine: CheckEngine = {
      ...slowEngine(0),
      isAwake: () => state.awake,
      wake: () => {
        state.wakes += 1;
      },
    };
    return { engine, state };
  }

  it('is woken when a pointer comes over a box, at most once a second', async () => {
    const { engine, state } = sleepyEngine();
    const { element, submit, controller } = await started(engine);
    const over = (target: Element) =>
      target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    over(submit);
    expect(state.wakes).toBe(0);
    over(element);
    over(element);
    expect(state.wakes).toBe(1);
    state.awake = true;
    await tick(1_050);
    over(element);
    expect(state.wakes).toBe(1);
    controller.stop();
  });

  it('is kept awake while a box has focus, and no longer once it has not', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { engine, state } = sleepyEngine();
    const { element, submit, controller } = await started(engine);
    // The focus wakes it (someone is about to write), then a ping every 20 s.
    element.focus();
    await tick(10);
    expect(state.wakes).toBe(1);
    vi.advanceTimersByTime(20_000);
    vi.advanceTimersByTime(20_000);
    expect(state.wakes).toBe(3);
    submit.focus();
    vi.advanceTimersByTime(40_000);
    expect(state.wakes).toBe(3);
    controller.stop();
  });

  it('is woken when the person comes back to the page, and kept awake while it is in use', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { engine, state } = sleepyEngine();
    const { controller } = await started(engine);
    const move = () => document.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    // Asleep: the first move wakes it (a click into a box may follow), the next ones do not.
    move();
    move();
    expect(state.wakes).toBe(1);
    state.awake = true;
    // Then a ping every 20 s while the page was used in the last two minutes, none after.
    vi.advanceTimersByTime(100_000);
    expect(state.wakes).toBe(6);
    vi.advanceTimersByTime(200_000);
    expect(state.wakes).toBe(6);
    // Asleep again after the idle minutes: a key or a scroll wakes it as a move does.
    state.awake = false;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
    expect(state.wakes).toBe(7);
    controller.stop();
  });
});
