// One interface over the two browser automation libraries, so that a behaviour is written once
// and runs in Chromium (Playwright over CDP) and in Firefox (Puppeteer over WebDriver BiDi).
//
// Selectors are CSS, with `>>>` where the path enters an open shadow root (LinkedIn's share
// box, Postguard's overlay). Elements are found by the same in-page code in both browsers, and
// clicked by real pointer input at their centre, so neither library's own heuristics decide.

export type BrowserName = 'chromium' | 'firefox';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ElementState = 'attached' | 'visible' | 'hidden';

export interface DriverPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's own JavaScript world and returns its (serialisable) result. */
  evaluate<Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** Real key presses; `key` as `Enter`, `Shift+Enter`, `Control+End`. */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Turns the mouse wheel where the pointer is. */
  mouseWheel(deltaX: number, deltaY: number): Promise<void>;
  /** Starts recording the URLs the page requests; the returned function stops and gives them. */
  recordRequests(): () => string[];
  /** Chooses a file in a file input, as the file dialog would. */
  setInputFile(selector: string, file: { name: string; contents: string }): Promise<void>;
  bringToFront(): Promise<void>;
  /** Loads the page again, as the reload button does. */
  reload(): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

export interface DriverBrowser {
  readonly name: BrowserName;
  /** One site tab kept for the whole session. */
  tab(): Promise<DriverPage>;
  /** A new tab showing one of the extension's pages (`/options.html`, `/popup.html?tab=1`). */
  extensionPage(pathAndQuery: string): Promise<DriverPage>;
  /** Makes these packs the ones in force, as if the person had imported them. */
  setPacksInForce(packs: Record<string, unknown>[]): Promise<void>;
  /**
   * Runs `fn` where the extension's APIs are (Chromium: its service worker; Firefox: one of its
   * pages, as Firefox's background is an event page no tool attaches to). `chrome.*` is there in
   * both.
   */
  extensionEvaluate<Result, Arg>(
    fn: (arg: Arg) => Result | Promise<Result>,
    arg: Arg,
  ): Promise<Result>;
  /** An item of the extension's `storage.local` (undefined when absent). */
  storageGet(key: string): Promise<unknown>;
  storageRemove(key: string): Promise<void>;
  /** The browser's id for the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  /** The addresses of the open tabs, whoever opened them. */
  openTabUrls(): Promise<string[]>;
  /** A tab the browser or the extension opened, found by its address, waited for. */
  tabShowing(matches: (url: string) => boolean, timeoutMs?: number): Promise<DriverPage>;
  close(): Promise<void>;
}

const POLL_MS = 50;
const DEFAULT_TIMEOUT_MS = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** In the page: the elements a `>>>` selector names (self-contained: it is serialised). */
function resolveInPage(selector: string): { found: number; rect: Rect | null; visible: boolean } {
  const steps = selector.split('>>>').map((step) => step.trim());
  let scopes: (Document | ShadowRoot)[] = [document];
  let matches: Element[] = [];
  steps.forEach((step, index) => {
    matches = scopes.flatMap((scope) => [...scope.querySelectorAll(step)]);
    if (index < steps.length - 1) {
      scopes = matches.map((match) => match.shadowRoot).filter((root) => root !== null);
    }
  });
  const first = matches[0];
  if (!first) return { found: 0, rect: null, visible: false };
  const box = first.getBoundingClientRect();
  const style = getComputedStyle(first);
  const visible =
    box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  return {
    found: matches.length,
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    visible,
  };
}

/** What a selector matches now: how many, and the first one's box. */
export function query(page: DriverPage, selector: string) {
  return page.evaluate(resolveInPage, selector);
}

export async function waitForSelector(
  page: DriverPage,
  selector: string,
  state: ElementState = 'visible',
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await query(page, selector).catch(() => undefined);
    if (now) {
      if (state === 'attached' && now.found > 0) return;
      if (state === 'visible' && now.visible) return;
      if (state === 'hidden' && !now.visible) return;
    }
    if (Date.now() > deadline) throw new Error(`${selector} was not ${state} in ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

export async function waitForCondition<Arg>(
  page: DriverPage,
  condition: (arg: Arg) => unknown,
  arg: Arg,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(condition, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await sleep(POLL_MS);
  }
}

/** Clicks the centre of the first visible match, scrolled into view, with the real pointer. */
export async function click(page: DriverPage, selector: string): Promise<void> {
  await waitForSelector(page, selector, 'visible');
  await page.evaluate((wanted) => {
    const steps = wanted.split('>>>').map((step) => step.trim());
    let scope: Document | ShadowRoot = document;
    let element: Element | null = null;
    for (const step of steps) {
      element = scope.querySelector(step);
      if (!element) return;
      if (element.shadowRoot) scope = element.shadowRoot;
    }
    element?.scrollIntoView({ block: 'center', inline: 'center' });
  }, selector);
  const { rect } = await query(page, selector);
  if (!rect) throw new Error(`${selector} went away before the click`);
  await page.mouseClick(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** Clicks the first element matching `selector` whose trimmed text is (or, loosely, contains) `text`. */
export async function clickByText(
  page: DriverPage,
  selector: string,
  text: string,
  match: 'exact' | 'contains' = 'contains',
): Promise<void> {
  const marker = 'data-postguard-test-target';
  await waitForCondition(
    page,
    ({ wanted, words, attribute, exact }) => {
      const target = [...document.querySelectorAll(wanted)].find((element) => {
        const own = element.textContent?.trim() ?? '';
        return exact ? own === words : own.includes(words);
      });
      target?.setAttribute(attribute, '');
      return target !== undefined;
    },
    { wanted: selector, words: text, attribute: marker, exact: match === 'exact' },
    `${selector} with the text "${text}"`,
  );
  await click(page, `[${marker}]`);
  await page.evaluate((attribute) => {
    document.querySelector(`[${attribute}]`)?.removeAttribute(attribute);
  }, marker);
}

/** Waits until the page's text contains `text`. */
export function waitForText(page: DriverPage, text: string, timeoutMs?: number): Promise<void> {
  return waitForCondition(
    page,
    (words) => document.body.innerText.includes(words),
    text,
    `the page says "${text}"`,
    timeoutMs,
  );
}

/** Overlay selectors, through its open shadow root. */
export const OVERLAY = 'postguard-overlay';
export const underlineOf = (ruleId: string) =>
  `${OVERLAY} >>> .underline[data-rule-id="${ruleId}"]:not([hidden])`;
export const OVERLAY_BADGE = `${OVERLAY} >>> .badge:not([hidden])`;
export const OVERLAY_CARD = `${OVERLAY} >>> .card:not([hidden])`;
