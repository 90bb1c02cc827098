import type { CDPSession, Page } from 'playwright-core';
import {
  X_HOME,
  type ComposeBoxFixture,
  type TypingMethod,
  ensureExtensionBuilt,
  ensureFixturesBuilt,
  launchWithExtension,
  openBox,
  openFixture,
  typeInto,
  SITE_URLS,
  stopServiceWorker,
} from '../tests/e2e/harness';
import { bundledPack, setPacksInForce } from '../tests/e2e/support/policy';
import { LINKEDIN_SHARE_SHADOW } from '../tests/e2e/support/boxes-linkedin';
import { waitForCondition, type DriverPage } from '../tests/e2e/support/driver';
import { DRIVER_BOXES, openDriverBox, typeIntoBox } from '../tests/e2e/support/driver-boxes';
import { launchFirefoxDriver } from '../tests/e2e/support/driver-firefox';
import { ensureFirefoxBuilt } from '../tests/e2e/support/build';
import type { ExtensionSession } from '../tests/e2e/support/launch';
import { syntheticPack, syntheticPost, syntheticTerms } from './synthetic';
import { summarise } from './typing';
import { formatMs, recordTarget } from './targets';

/**
 * The boxes the keystroke latency is measured on, with how the long post is put in first: X's
 * Draft.js takes a paste; LinkedIn's Quill 1 ignores a synthetic paste, so the post is inserted
 * line by line as an IME would commit it.
 */
const LATENCY_BOXES: { label: string; fixture: ComposeBoxFixture; fill: TypingMethod }[] = [
  { label: 'X, Draft.js', fixture: X_HOME, fill: 'paste' },
  {
    label: "LinkedIn's shadow-root share box, Quill 1",
    fixture: LINKEDIN_SHARE_SHADOW,
    fill: 'insert',
  },
];

/**
 * Benchmarks in the real browser (issue 4's targets):
 * - from the keystroke that completes a term to its underline on the page, on a 3,000-character
 *   post in the Draft.js fixture (target: p95 within one frame, 16.7 ms);
 * - the content script's main-thread work when a page loads with no compose box focused
 *   (target: under 5 ms), and its work per feed mutation (target: none beyond a cheap filter).
 */

const ROUNDS = 60;
/**
 * Rounds before the measured ones, reported apart: the first checks of a 3,000-character post
 * run before the JIT has optimised the engine.
 */
const WARM_UP_ROUNDS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs in the page: records the time from each armed keydown to the moment the term's
 * underline is drawn, in `window.__latency.samples`.
 */
function installLatencyProbe(): void {
  const state = { armed: 0, samples: [] as number[] };
  (window as unknown as { __latency: typeof state }).__latency = state;
  document.addEventListener('keydown', () => (state.armed = performance.now()), true);
  const root = document.querySelector('postguard-overlay')!.shadowRoot!;
  new MutationObserver(() => {
    if (!state.armed) return;
    const line = root.querySelector(
      '.underline[data-rule-id="confidential.codenames"]:not([hidden])',
    );
    if (line) {
      state.samples.push(performance.now() - state.armed);
      state.armed = 0;
    }
  }).observe(root, { subtree: true, childList: true, attributes: true });
}

async function keystrokeToFinding(
  page: Page,
  fixture: ComposeBoxFixture,
  fill: TypingMethod,
): Promise<number[]> {
  const box = await openBox(page, fixture);
  const filler =
    'We spent the quarter listening to customers and rebuilding the onboarding flow from scratch. ';
  const post = filler.repeat(Math.ceil(3_000 / filler.length)).slice(0, 3_000 - 20);
  await typeInto(page, fixture, box, post, fill);
  await page.waitForTimeout(300);
  // In the page's world: time from the keydown of the last letter to the underline's arrival.
  await page.evaluate(installLatencyProbe);
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    // A new word each round, left in place: no check sees a text it has seen before.
    await page.keyboard.type(` w${round} Nightja`);
    await page.evaluate(
      () => ((window as unknown as { __latency: { armed: number } }).__latency.armed = 0),
    );
    await page.keyboard.press('r');
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __latency: { samples: number[] } }).__latency.samples.length > n,
      round,
    );
    for (let i = 0; i < ' Nightjar'.length; i += 1) await page.keyboard.press('Backspace');
    // Each round starts with the term's underline gone: had a check been slow enough to wait
    // for a pause in typing, a stale underline could otherwise stand in for the next one.
    await page.waitForFunction(
      () =>
        !document
          .querySelector('postguard-overlay')!
          .shadowRoot!.querySelector(
            '.underline[data-rule-id="confidential.codenames"]:not([hidden])',
          ),
    );
  }
  return page.evaluate(
    () => (window as unknown as { __latency: { samples: number[] } }).__latency.samples,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

const TIMELINE = 'devtools.timeline,disabled-by-default-devtools.timeline';

async function traced(
  page: Page,
  action: () => Promise<void>,
  categories = TIMELINE,
): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories,
    transferMode: 'ReportEvents',
  });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

/** Milliseconds of script evaluation and callbacks attributed to the compose content script. */
function contentScriptMs(events: TraceEvent[]): number {
  const ours = (event: TraceEvent) => {
    const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
    return url.includes('content-scripts/compose.js');
  };
  return (
    events
      .filter(
        (e) =>
          e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && ours(e),
      )
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000
  );
}

/** What the fresh-tab probe keeps in the page's world, as `window.__coldTab`. */
interface ColdTabState {
  focusAt: number;
  engineAt: number;
  underlineAt: number;
  keydowns: number[];
}

/** The performance mark the probe sets at the focus, to find it in the trace. */
const FOCUS_MARK = 'postguard-bench-focus';

/**
 * Runs in the page's world before the page's own scripts (an init script): the moment of the
 * first focus, of each keydown, of the engine being ready (the overlay's badge is added when
 * the first box session starts, which is when the background's engine has answered with the
 * packs it compiled) and of the first underline of the term; and a performance mark at the
 * focus, for the trace. (The Long Tasks API would be cheaper than a trace, but it does not
 * report the tasks of the extension's isolated world.)
 */
export function installColdTabProbe(): void {
  const state: ColdTabState = {
    focusAt: 0,
    engineAt: 0,
    underlineAt: 0,
    keydowns: [],
  };
  (window as unknown as { __coldTab: ColdTabState }).__coldTab = state;
  window.addEventListener(
    'focusin',
    () => {
      if (state.focusAt) return;
      state.focusAt = performance.now();
      performance.mark('postguard-bench-focus');
    },
    true,
  );
  window.addEventListener('keydown', () => state.keydowns.push(performance.now()), true);
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  let root: ShadowRoot | undefined;
  const observer = new MutationObserver(() => {
    if (!root) {
      // The overlay's host is added by the content script; its shadow root is open.
      root = document.querySelector('postguard-overlay')?.shadowRoot ?? undefined;
      if (!root) return;
      observer.observe(root, { subtree: true, childList: true, attributes: true });
    }
    const now = performance.now();
    if (!state.engineAt && root.querySelector('.badge')) state.engineAt = now;
    if (
      !state.underlineAt &&
      root.querySelector('.underline[data-rule-id="confidential.codenames"]:not([hidden])')
    )
      state.underlineAt = now;
  });
  observer.observe(document, { subtree: true, childList: true });
}

export interface ColdTabFigures {
  label: string;
  background: BackgroundState;
  /** Each tab's figures, in the order the tabs were opened (the first is the browser's first). */
  engineMs: number[];
  underlineMs: number[];
  /** From the focus to the first key's keydown: how long typing was held. */
  firstKeyMs: number[];
  /**
   * From the keydown that completes the term to its underline: what Postguard adds to the
   * typing (focus → underline includes typing the term, a key at a time, into the site's editor).
   */
  lastKeyMs: number[];
  longestTaskMs: number[];
  /** Postguard's calls within that task, and its longest call in the first second. */
  oursInLongestMs: number[];
  oursLongestCallMs: number[];
  /** The script the longest task evaluated, if it evaluated one. */
  longestTaskIs: string[];
  /**
   * Where a worker started for the tab spent its time, from the focus (ms): its start, the end
   * of the bundle's evaluation, the packs read and compiled, the first check answered (the
   * background's User Timing marks). Only for tabs whose focus started the worker.
   */
  workerStages: WorkerStages[];
}

export interface WorkerStages {
  started: number;
  /** The bundle's first module runs: the worker has fetched and compiled the script. */
  bundleStarted: number;
  evaluated: number;
  packsRead: number;
  packsCompiled: number;
  firstCheck: number;
}

/** The background's marks, from the page's focus: undefined if the worker started before it. */
async function workerStagesSince(
  session: ExtensionSession,
  page: Page,
  focusAt: number,
): Promise<WorkerStages | undefined> {
  const focusEpoch = (await page.evaluate(() => performance.timeOrigin)) + focusAt;
  const worker = session.context
    .serviceWorkers()
    .find((candidate) => candidate.url().includes(session.extensionId));
  if (!worker) return undefined;
  const { origin, marks } = await worker.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: Object.fromEntries(
      performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]),
    ),
  }));
  if (origin < focusEpoch - 1) return undefined;
  const at = (name: string) => origin + (marks[`postguard:${name}`] ?? NaN) - focusEpoch;
  return {
    started: origin - focusEpoch,
    bundleStarted: at('bundle-started'),
    evaluated: at('background-evaluated'),
    packsRead: at('packs-read'),
    packsCompiled: at('packs-compiled'),
    firstCheck: at('first-check'),
  };
}

/**
 * The longest top-level task on the tab's main thread (the thread that set the focus mark)
 * that ran during the first second after the focus, even if it began just before; and the
 * script it evaluated, if any (the file's name).
 */
function longestTaskAfterFocus(events: TraceEvent[]): {
  ms: number;
  evaluated: string;
  oursMs: number;
  oursInLongestMs: number;
} {
  const mark = events.find((e) => e.name === FOCUS_MARK);
  if (!mark) throw new Error('the trace has no focus mark');
  const onMain = (e: TraceEvent) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X';
  const until = mark.ts + COLD_WINDOW_MS * 1000;
  const tasks = events.filter(
    (e) =>
      onMain(e) &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ts + (e.dur ?? 0) > mark.ts &&
      e.ts < until,
  );
  const longest = tasks.reduce<TraceEvent | undefined>(
    (best, e) => ((e.dur ?? 0) > (best?.dur ?? -1) ? e : best),
    undefined,
  );
  // Postguard's own calls (the content script's listeners and callbacks) in the window: the
  // longest task is often the site's editor handling the click or the first key.
  const ours = events.filter(
    (e) =>
      onMain(e) &&
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
      (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').includes(
        'content-scripts/compose.js',
      ) &&
      e.ts + (e.dur ?? 0) > mark.ts &&
      e.ts < until,
  );
  const oursMs = Math.max(0, ...ours.map((e) => (e.dur ?? 0) / 1000));
  if (!longest) return { ms: 0, evaluated: '', oursMs, oursInLongestMs: 0 };
  const end = longest.ts + (longest.dur ?? 0);
  // Calls do not nest here (a content script's listener is called by the page's event loop).
  const oursInLongestMs =
    ours.filter((e) => e.ts >= longest.ts && e.ts < end).reduce((sum, e) => sum + (e.dur ?? 0), 0) /
    1000;
  const script = events.find(
    (e) =>
      onMain(e) &&
      e.name === 'EvaluateScript' &&
      e.ts >= longest.ts &&
      e.ts < end &&
      (e.dur ?? 0) > (longest.dur ?? 0) / 2,
  );
  const url = script?.args?.data?.url ?? '';
  return {
    ms: (longest.dur ?? 0) / 1000,
    evaluated: url.slice(url.lastIndexOf('/') + 1),
    oursMs,
    oursInLongestMs,
  };
}

const COLD_TABS = 5;
const COLD_WINDOW_MS = 1_000;

/**
 * The background's state when a fresh tab is focused. `awake`: it has run recently (a person
 * browsing). `asleep at load`: Chrome had stopped its service worker (idle 30 s, or the browser
 * just started) before the page loaded; the content script wakes it as the tab is shown.
 * `asleep at focus`: stopped after the page loaded, just before the click, so the focus itself
 * must wake it, start it and compile the packs (the worst case, rare).
 */
type BackgroundState = 'awake' | 'asleep at load' | 'asleep at focus';

/**
 * A fresh tab each time (a new page, the previous one closed): the X fixture loads, its box is
 * revealed, then one click focuses it and the term is typed at once (Playwright's key presses,
 * a few milliseconds apart). Times are from the focus, in the page.
 */
async function coldTabs(
  session: ExtensionSession,
  label: string,
  term: string,
  tabs: number,
  background: BackgroundState = 'awake',
): Promise<ColdTabFigures> {
  const figures: ColdTabFigures = {
    label,
    background,
    engineMs: [],
    underlineMs: [],
    firstKeyMs: [],
    lastKeyMs: [],
    longestTaskMs: [],
    oursInLongestMs: [],
    oursLongestCallMs: [],
    longestTaskIs: [],
    workerStages: [],
  };
  // Tracing slows the worker's start several times over (it traces every process): the
  // times come from tabs that are not traced, the longest task from as many that are, after.
  for (let i = 0; i < tabs * 2; i += 1) {
    const tracedTab = i >= tabs;
    const page = await session.context.newPage();
    try {
      await page.addInitScript(installColdTabProbe);
      if (background === 'asleep at load') await stopServiceWorker(page, session.extensionId);
      const box = await openBox(page, X_HOME);
      await page.waitForTimeout(500);
      if (background === 'asleep at focus') {
        await stopServiceWorker(page, session.extensionId);
        await page.waitForTimeout(200);
      }
      const typeTheTerm = async () => {
        await box.click();
        await page.keyboard.type(` ${term} `);
        await page.waitForFunction(
          (windowMs) => {
            const state = (window as unknown as { __coldTab: ColdTabState }).__coldTab;
            return (
              state.underlineAt > 0 &&
              state.focusAt > 0 &&
              performance.now() > state.focusAt + windowMs
            );
          },
          COLD_WINDOW_MS,
          { timeout: 20_000 },
        );
      };
      if (tracedTab) {
        // Top-level tasks and script evaluations only: a light trace.
        const events = await traced(
          page,
          typeTheTerm,
          'toplevel,devtools.timeline,blink.user_timing',
        );
        const longest = longestTaskAfterFocus(events);
        figures.longestTaskMs.push(longest.ms);
        figures.oursInLongestMs.push(longest.oursInLongestMs);
        figures.oursLongestCallMs.push(longest.oursMs);
        figures.longestTaskIs.push(longest.evaluated);
        continue;
      }
      await typeTheTerm();
      const state = await page.evaluate(
        () => (window as unknown as { __coldTab: ColdTabState }).__coldTab,
      );
      const stages = await workerStagesSince(session, page, state.focusAt);
      if (stages) figures.workerStages.push(stages);
      // The page's engine handle (the badge) is ready at once when the worker was woken at
      // load and stopped since; the engine is ready only once the worker the focus started
      // has compiled the packs.
      const handleReady = state.engineAt - state.focusAt;
      figures.engineMs.push(stages ? Math.max(handleReady, stages.packsCompiled) : handleReady);
      figures.underlineMs.push(state.underlineAt - state.focusAt);
      figures.firstKeyMs.push((state.keydowns[0] ?? NaN) - state.focusAt);
      // A space, then the term: its last letter is key number term.length.
      figures.lastKeyMs.push(state.underlineAt - (state.keydowns[term.length] ?? NaN));
    } finally {
      await page.close();
    }
  }
  return figures;
}

function printColdTabs(figures: ColdTabFigures): void {
  const line = (what: string, values: number[]) =>
    console.log(
      `    ${what.padEnd(50)} median ${formatMs(summarise(values).median).padStart(7)}   each: ${values
        .map((v) => v.toFixed(0))
        .join(', ')} ms`,
    );
  console.log(
    `  a fresh tab, ${figures.label}, background ${figures.background} (${figures.engineMs.length} tabs one after another, then as many traced for the longest task)`,
  );
  line('focus → engine ready (its packs compiled)', figures.engineMs);
  line('focus → first underline of the typed term', figures.underlineMs);
  line('focus → the first typed key reaches the page', figures.firstKeyMs);
  line("the term's last key → its underline", figures.lastKeyMs);
  line('longest main-thread task in the first second', figures.longestTaskMs);
  line("  Postguard's calls within it", figures.oursInLongestMs);
  line("Postguard's longest call in the first second", figures.oursLongestCallMs);
  const named = [...new Set(figures.longestTaskIs.filter(Boolean))];
  if (named.length > 0) console.log(`      (the longest task evaluated ${named.join(', ')})`);
  if (figures.workerStages.length > 0) {
    const median = (pick: (stages: WorkerStages) => number) =>
      formatMs(summarise(figures.workerStages.map(pick)).median);
    console.log(
      `    the worker, from the focus (median): started ${median((w) => w.started)}, bundle compiled ${median((w) => w.bundleStarted)}, evaluated ${median((w) => w.evaluated)}, packs read ${median((w) => w.packsRead)}, compiled ${median((w) => w.packsCompiled)}, first check answered ${median((w) => w.firstCheck)}`,
    );
  }
}

function recordColdTabTargets(figures: ColdTabFigures): void {
  const engine = summarise(figures.engineMs).median;
  const underline = summarise(figures.underlineMs).median;
  const longest = summarise(figures.longestTaskMs).median;
  const which = `fresh tab, ${figures.label}, background ${figures.background}`;
  recordTarget({
    issue: 13,
    target: `${which}: focus → engine ready ≤ 100 ms`,
    measured: `median ${formatMs(engine)}`,
    met: engine <= 100,
  });
  recordTarget({
    issue: 13,
    target: `${which}: focus → first underline ≤ 150 ms`,
    measured: `median ${formatMs(underline)}`,
    met: underline <= 150,
  });
  recordTarget({
    issue: 13,
    target: `${which}: no task over 50 ms in the first second`,
    measured: `longest: median ${formatMs(longest)}, worst ${formatMs(Math.max(...figures.longestTaskMs))}`,
    met: Math.max(...figures.longestTaskMs) <= 50,
  });
  const oursWorst = Math.max(...figures.oursLongestCallMs);
  recordTarget({
    issue: 13,
    target: `${which}: none of Postguard's calls over 50 ms in the first second`,
    measured: `longest call: worst ${formatMs(oursWorst)}; within the longest task: worst ${formatMs(Math.max(...figures.oursInLongestMs))}`,
    met: oursWorst <= 50,
  });
}

/**
 * A 30,000-character paste into X's Draft.js box with the 5,000-term pack in force (the
 * background checks it; the page draws what comes back), then a word typed at the end and one
 * character in the middle: the longest task on the page's main thread from the paste until
 * everything is drawn, and the time from the paste to its findings.
 */
async function bigPaste(
  session: ExtensionSession,
): Promise<{ longestMs: number; oursMs: number; drawnMs: number }> {
  const page = await session.context.newPage();
  try {
    const box = await openBox(page, X_HOME);
    await box.click();
    await page.waitForTimeout(500);
    const post = syntheticPost(30_000, syntheticTerms(5_000), 7);
    let drawnMs = 0;
    const events = await traced(
      page,
      async () => {
        const started = Date.now();
        await typeInto(page, X_HOME, box, post, 'paste');
        // The badge counts every finding (the underlines are drawn only where the box shows).
        await page.waitForFunction(
          () =>
            Number(
              document
                .querySelector('postguard-overlay')
                ?.shadowRoot?.querySelector<HTMLElement>('.badge')?.dataset.count ?? 0,
            ) > 50,
          undefined,
          { timeout: 20_000 },
        );
        drawnMs = Date.now() - started;
        await page.keyboard.type(' more');
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('A');
        await page.waitForTimeout(1_000);
      },
      'toplevel,devtools.timeline',
    );
    const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
    // The renderer's main thread: the one that ran the page's scripts.
    const scriptThread = events.find(
      (e) => e.name === 'EvaluateScript' || e.name === 'FunctionCall',
    );
    const onMain = tasks.filter(
      (e) => scriptThread && e.pid === scriptThread.pid && e.tid === scriptThread.tid,
    );
    const longestMs = Math.max(0, ...onMain.map((e) => (e.dur ?? 0) / 1000));
    // The content script's own longest call (its listeners and callbacks), apart from the
    // site's editor, which renders 30,000 characters in its own long task.
    const ours = events.filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'FunctionCall' &&
        (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').includes(
          'content-scripts/compose.js',
        ),
    );
    const oursMs = Math.max(0, ...ours.map((e) => (e.dur ?? 0) / 1000));
    return { longestMs, oursMs, drawnMs };
  } finally {
    await page.close();
  }
}

/** Prints a keystroke row (after its warm-up rounds, shown apart) and records its target. */
function reportKeystrokes(allSamples: number[], label: string, browser: string): void {
  const warmUp = allSamples.slice(0, WARM_UP_ROUNDS);
  const samples = allSamples.slice(WARM_UP_ROUNDS).sort((a, b) => a - b);
  console.log(
    `  keystroke → finding drawn, 3,000-char post, ${label}: median ${percentile(samples, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(samples, 95).toFixed(2)} ms, max ${samples[samples.length - 1]!.toFixed(2)} ms ` +
      `(${samples.length} samples after ${WARM_UP_ROUNDS} warm-up rounds; target p95 ≤ 16.7 ms)`,
  );
  console.log(
    `    the ${WARM_UP_ROUNDS} warm-up rounds, in order: ${warmUp.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  );
  recordTarget({
    issue: 13,
    target: `keystroke → underline, 3,000-char post, ${label}, ${browser}: p95 ≤ 16.7 ms`,
    measured: `p95 ${formatMs(percentile(samples, 95))} (after ${WARM_UP_ROUNDS} warm-up rounds)`,
    met: percentile(samples, 95) <= 16.7,
  });
}

export async function runBrowserBenchmarks(): Promise<void> {
  ensureExtensionBuilt();
  ensureFixturesBuilt();
  const session = await launchWithExtension();
  try {
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
    // First, before anything here has loaded the engine: fresh tabs, cold.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const coldDemo = await coldTabs(session, 'acme-demo pack', 'Nightjar', COLD_TABS);
    const synthetic = syntheticPack(5_000);
    await setPacksInForce(session.serviceWorker, [synthetic as unknown as Record<string, unknown>]);
    const coldSynthetic = await coldTabs(
      session,
      '5,000-term pack with person',
      syntheticTerms(5_000)[0]!,
      3,
    );
    const paste = await bigPaste(session);
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
    const page = await session.tab();

    const startSamples: number[] = [];
    let mutationMs = 0;
    for (let i = 0; i < 5; i += 1) {
      const events = await traced(page, async () => {
        await openFixture(page, SITE_URLS.x);
        await page.waitForTimeout(300);
      });
      startSamples.push(contentScriptMs(events));
    }
    const feedEvents = await traced(page, async () => {
      // A busy feed: 2,000 posts arrive in 200 batches, and nobody writes.
      await page.evaluate(async () => {
        const feed = document.createElement('div');
        document.body.append(feed);
        for (let batch = 0; batch < 200; batch += 1) {
          for (let i = 0; i < 10; i += 1) {
            const article = document.createElement('article');
            article.textContent = `Post ${batch}-${i}: Nightjar and ACME and more words here`;
            feed.append(article);
          }
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      });
    });
    mutationMs = contentScriptMs(feedEvents);

    const startSorted = startSamples.sort((a, b) => a - b);
    console.log('\nIn Chromium (headless), acme-demo pack unless said');
    for (const cold of [coldDemo, coldSynthetic]) {
      printColdTabs(cold);
      recordColdTabTargets(cold);
    }
    console.log(
      `  a 30,000-character paste, 5,000-term pack: findings drawn ${formatMs(paste.drawnMs)} after the paste; ` +
        `longest main-thread task from the paste through two more edits: ${formatMs(paste.longestMs)} ` +
        `(the site's editor included); Postguard's longest call in it: ${formatMs(paste.oursMs)}`,
    );
    recordTarget({
      issue: 13,
      target: "30,000-character paste: none of Postguard's work on the page over 50 ms",
      measured: `longest call ${formatMs(paste.oursMs)} (longest task, editor included, ${formatMs(paste.longestMs)})`,
      met: paste.oursMs <= 50,
    });
    for (const { label, fixture, fill } of LATENCY_BOXES) {
      const allSamples = await keystrokeToFinding(page, fixture, fill);
      reportKeystrokes(allSamples, label, 'Chromium');
    }
    console.log(
      `  content script at page start, no box focused: median ${percentile(startSorted, 50).toFixed(2)} ms ` +
        `(max ${startSorted[startSorted.length - 1]!.toFixed(2)} ms over ${startSorted.length} loads; target < 5 ms)`,
    );
    console.log(
      `  content script work during 2,000 feed insertions: ${mutationMs.toFixed(2)} ms (target: ~0)`,
    );
    recordTarget({
      issue: 4,
      target: 'content script at page start, nobody writes: < 5 ms',
      measured: `median ${formatMs(percentile(startSorted, 50))}`,
      met: percentile(startSorted, 50) < 5,
    });
    // Last: each of these stops the service worker, which this session's handle then loses.
    for (const background of ['asleep at load', 'asleep at focus'] as const) {
      const asleep = await coldTabs(session, 'acme-demo pack', 'Nightjar', 3, background);
      printColdTabs(asleep);
      recordColdTabTargets(asleep);
    }
  } finally {
    await session.close();
  }
}

/** The Firefox rows: X's Draft.js box takes a paste; LinkedIn's Quill 1 is typed into. */
const FIREFOX_LATENCY_BOXES = [
  { label: 'X, Draft.js', box: 'x-home', fill: 'paste' },
  { label: "LinkedIn's shadow-root share box, Quill 1", box: 'linkedin-post', fill: 'keys' },
] as const;

/**
 * The same keystroke-to-underline measure in Firefox, over the driver interface (Puppeteer and
 * WebDriver BiDi): the time is taken in the page, from the keydown to the underline, so the
 * automation's own latency is not in it.
 */
async function keystrokeToFindingIn(
  page: DriverPage,
  boxName: string,
  fill: 'paste' | 'keys',
): Promise<number[]> {
  const box = DRIVER_BOXES.find((candidate) => candidate.name === boxName)!;
  const selector = await openDriverBox(page, box);
  const filler =
    'We spent the quarter listening to customers and rebuilding the onboarding flow from scratch. ';
  const post = filler.repeat(Math.ceil(3_000 / filler.length)).slice(0, 3_000 - 20);
  if (fill === 'keys') await typeIntoBox(page, box, selector, post);
  else
    await page.evaluate(
      ({ wanted, text }) => {
        const element = document.querySelector<HTMLElement>(wanted)!;
        element.focus();
        const data = new DataTransfer();
        data.setData('text/plain', text);
        // Chromium reads clipboardData; Gecko's init takes dataType and data instead.
        const init = { clipboardData: data, dataType: 'text/plain', data: text };
        element.dispatchEvent(
          new ClipboardEvent('paste', { ...init, bubbles: true, cancelable: true }),
        );
      },
      { wanted: selector, text: post },
    );
  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.press('Control+End');
  await page.evaluate(installLatencyProbe, undefined);
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    // A new word each round, left in place: no check sees a text it has seen before.
    await page.type(` w${round} Nightja`);
    await page.evaluate(
      () => ((window as unknown as { __latency: { armed: number } }).__latency.armed = 0),
      undefined,
    );
    await page.press('r');
    await waitForCondition(
      page,
      (n) =>
        (window as unknown as { __latency: { samples: number[] } }).__latency.samples.length > n,
      round,
      'the underline',
    );
    for (let i = 0; i < ' Nightjar'.length; i += 1) await page.press('Backspace');
    await waitForCondition(
      page,
      () =>
        !document
          .querySelector('postguard-overlay')
          ?.shadowRoot?.querySelector(
            '.underline[data-rule-id="confidential.codenames"]:not([hidden])',
          ),
      undefined,
      'the underline gone',
    );
  }
  return page.evaluate(
    () => (window as unknown as { __latency: { samples: number[] } }).__latency.samples,
    undefined,
  );
}

export async function runFirefoxBenchmarks(): Promise<void> {
  ensureFirefoxBuilt();
  ensureFixturesBuilt();
  const browser = await launchFirefoxDriver();
  try {
    await browser.setPacksInForce([bundledPack('acme-demo')]);
    const page = await browser.tab();
    console.log('\nIn Firefox ESR (headless, WebDriver BiDi), acme-demo pack');
    for (const { label, box, fill } of FIREFOX_LATENCY_BOXES) {
      const allSamples = await keystrokeToFindingIn(page, box, fill);
      reportKeystrokes(allSamples, label, 'Firefox');
    }
  } finally {
    await browser.close();
  }
}

/** `npx tsx bench/browser.ts --cold`: only the fresh tabs (quick to try). */
export async function runColdTabsOnly(): Promise<void> {
  ensureExtensionBuilt();
  ensureFixturesBuilt();
  const session = await launchWithExtension();
  try {
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    printColdTabs(await coldTabs(session, 'acme-demo pack', 'Nightjar', COLD_TABS));
    for (const background of ['asleep at load', 'asleep at focus'] as const)
      printColdTabs(await coldTabs(session, 'acme-demo pack', 'Nightjar', 3, background));
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (process.argv.includes('--cold') ? runColdTabsOnly() : runBrowserBenchmarks()).catch(
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
