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
} from '../tests/e2e/harness';
import { bundledPack, setPacksInForce } from '../tests/e2e/support/policy';
import { LINKEDIN_SHARE_SHADOW } from '../tests/e2e/support/boxes-linkedin';
import { waitForCondition, type DriverPage } from '../tests/e2e/support/driver';
import { DRIVER_BOXES, openDriverBox } from '../tests/e2e/support/driver-boxes';
import { launchFirefoxDriver } from '../tests/e2e/support/driver-firefox';
import { ensureFirefoxBuilt } from '../tests/e2e/support/build';

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
 *   post in the Draft.js fixture (target: p95 within one frame, 16 ms);
 * - the content script's main-thread work when a page loads with no compose box focused
 *   (target: under 5 ms), and its work per feed mutation (target: none beyond a cheap filter).
 */

const ROUNDS = 60;
/**
 * Rounds before the measured ones, reported apart: the first checks of a 3,000-character post
 * run before the JIT has optimised the engine, and may wait for a pause in typing.
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
  dur?: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

async function traced(page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
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

export async function runBrowserBenchmarks(): Promise<void> {
  ensureExtensionBuilt();
  ensureFixturesBuilt();
  const session = await launchWithExtension();
  try {
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
    console.log('\nIn Chromium (headless), acme-demo pack');
    for (const { label, fixture, fill } of LATENCY_BOXES) {
      const allSamples = await keystrokeToFinding(page, fixture, fill);
      const warmUp = allSamples.slice(0, WARM_UP_ROUNDS);
      const samples = allSamples.slice(WARM_UP_ROUNDS).sort((a, b) => a - b);
      console.log(
        `  keystroke → finding drawn, 3,000-char post, ${label}: median ${percentile(samples, 50).toFixed(2)} ms, ` +
          `p95 ${percentile(samples, 95).toFixed(2)} ms, max ${samples[samples.length - 1]!.toFixed(2)} ms ` +
          `(${samples.length} samples after ${WARM_UP_ROUNDS} warm-up rounds; target p95 ≤ 16 ms)`,
      );
      console.log(
        `    the ${WARM_UP_ROUNDS} warm-up rounds, in order: ${warmUp.map((ms) => ms.toFixed(1)).join(', ')} ms ` +
          `(a round over 150 ms waited for a pause in typing: a check was slower than 8 ms)`,
      );
    }
    console.log(
      `  content script at page start, no box focused: median ${percentile(startSorted, 50).toFixed(2)} ms ` +
        `(max ${startSorted[startSorted.length - 1]!.toFixed(2)} ms over ${startSorted.length} loads; target < 5 ms)`,
    );
    console.log(
      `  content script work during 2,000 feed insertions: ${mutationMs.toFixed(2)} ms (target: ~0)`,
    );
  } finally {
    await session.close();
  }
}

/**
 * The same keystroke-to-underline measure in Firefox, over the driver interface (Puppeteer and
 * WebDriver BiDi), on X's Draft.js box: the time is taken in the page, from the keydown to the
 * underline, so the automation's own latency is not in it.
 */
async function keystrokeToFindingIn(page: DriverPage): Promise<number[]> {
  const box = DRIVER_BOXES.find((candidate) => candidate.name === 'x-home')!;
  const selector = await openDriverBox(page, box);
  const filler =
    'We spent the quarter listening to customers and rebuilding the onboarding flow from scratch. ';
  const post = filler.repeat(Math.ceil(3_000 / filler.length)).slice(0, 3_000 - 20);
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
    const allSamples = await keystrokeToFindingIn(page);
    const warmUp = allSamples.slice(0, WARM_UP_ROUNDS);
    const samples = allSamples.slice(WARM_UP_ROUNDS).sort((a, b) => a - b);
    console.log('\nIn Firefox ESR (headless, WebDriver BiDi), acme-demo pack');
    console.log(
      `  keystroke → finding drawn, 3,000-char post, X, Draft.js: median ${percentile(samples, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(samples, 95).toFixed(2)} ms, max ${samples[samples.length - 1]!.toFixed(2)} ms ` +
        `(${samples.length} samples after ${WARM_UP_ROUNDS} warm-up rounds; target p95 ≤ 16 ms)`,
    );
    console.log(
      `    the ${WARM_UP_ROUNDS} warm-up rounds, in order: ${warmUp.map((ms) => ms.toFixed(1)).join(', ')} ms`,
    );
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBrowserBenchmarks().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
