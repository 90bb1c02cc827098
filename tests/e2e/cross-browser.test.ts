// The behaviours that must hold in every browser Postguard ships for, written once over the
// driver interface (support/driver.ts) and run in Chromium (Playwright) and Firefox (Puppeteer
// over WebDriver BiDi) on the same fixture pages at the sites' real URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OVERLAY_BADGE,
  OVERLAY_CARD,
  click,
  query,
  underlineOf,
  waitForSelector,
  type DriverBrowser,
  type DriverPage,
} from './support/driver';
import { launchChromiumDriver } from './support/driver-chromium';
import { launchFirefoxDriver } from './support/driver-firefox';
import {
  DRIVER_BOXES,
  boxPosts,
  boxState,
  openDriverBox,
  pressSubmit,
  typeIntoBox,
} from './support/driver-boxes';
import { bundledPack } from './support/policy';

const BROWSERS = [
  { name: 'chromium', launch: launchChromiumDriver },
  { name: 'firefox', launch: launchFirefoxDriver },
];

async function poll<T>(read: () => Promise<T>, expected: T, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      expect(last, what).toEqual(expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe.each(BROWSERS)('in $name', ({ launch }) => {
  let browser: DriverBrowser;
  let page: DriverPage;

  beforeAll(async () => {
    browser = await launch();
    await browser.setPacksInForce([bundledPack('acme-demo')]);
    page = await browser.tab();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function clickFix(ruleId: string, label: string): Promise<void> {
    await click(page, OVERLAY_BADGE);
    await waitForSelector(page, OVERLAY_CARD, 'visible');
    await click(page, `${OVERLAY_CARD} [data-rule-id="${ruleId}"] button[data-fix='${label}']`);
  }

  describe.each(DRIVER_BOXES)('$name ($editor)', (box) => {
    it('flags a confidential term as it is typed, under the term', async () => {
      const selector = await openDriverBox(page, box);
      await typeIntoBox(page, box, selector, 'Nightjar ships soon');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const line = (await query(page, underlineOf('confidential.codenames'))).rect!;
      const editor = (await query(page, selector)).rect!;
      expect(line.x).toBeGreaterThanOrEqual(editor.x - 1);
      expect(line.x + line.width).toBeLessThanOrEqual(editor.x + editor.width + 1);
      expect(line.y).toBeGreaterThan(editor.y);
      expect(line.y).toBeLessThan(editor.y + editor.height);
    });

    it('removes a term through the editor: the state takes it, Ctrl+Z undoes it, Post sends it', async () => {
      const selector = await openDriverBox(page, box);
      await typeIntoBox(page, box, selector, 'We tested Nightjar today');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      // Editors fold edits within a moment into one undo step (Quill: one second).
      await sleep(1_100);
      await clickFix('confidential.codenames', 'Remove');
      await poll(() => boxState(page, box), 'We tested today', 'the editor state after Remove');
      await click(page, selector);
      await page.press('Control+z');
      await poll(() => boxState(page, box), 'We tested Nightjar today', 'after Ctrl+Z');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      await clickFix('confidential.codenames', 'Remove');
      await poll(() => boxState(page, box), 'We tested today', 'after Remove again');
      const before = (await boxPosts(page)).length;
      await pressSubmit(page, box, selector);
      await poll(async () => (await boxPosts(page)).length, before + 1, 'posts');
      expect((await boxPosts(page))[before]!.text).toBe('We tested today');
    });

    it('adds the disclosure through the editor, whole', async () => {
      const selector = await openDriverBox(page, box);
      const text = 'Proud of what ACME shipped this week';
      await typeIntoBox(page, box, selector, text);
      await waitForSelector(page, underlineOf('disclosure.affiliation'), 'attached');
      await clickFix('disclosure.affiliation', 'Add " #ACMEemployee"');
      await poll(
        () => boxState(page, box),
        `${text} #ACMEemployee`,
        'the editor state after the fix',
      );
    });

    it('holds a post with an error until "Post anyway", then lets that post through', async () => {
      const selector = await openDriverBox(page, box);
      await typeIntoBox(page, box, selector, 'Nightjar is nearly here');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const before = (await boxPosts(page)).length;
      await pressSubmit(page, box, selector);
      await waitForSelector(page, `${OVERLAY_CARD}[data-mode="confirm"]`, 'visible');
      await sleep(200);
      expect((await boxPosts(page)).length).toBe(before);
      await click(page, `${OVERLAY_CARD} button[data-action="post-anyway"]`);
      await poll(async () => (await boxPosts(page)).length, before + 1, 'posts');
      expect((await boxPosts(page))[before]!.text).toBe('Nightjar is nearly here');
    });
  });
});
