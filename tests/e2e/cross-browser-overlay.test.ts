// The overlay's details, in Chromium and in Firefox: where underlines sit (after emoji, on a
// wrapped term, after a scroll), how the card opens (keyboard, pointer rest, click) and where
// (clear of X's Post button on a narrow screen), what screen readers hear, several boxes on one
// page, a fix that moves text, a clean post going straight through, nothing sent anywhere, and a
// new pack taking effect in an open box.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OVERLAY,
  OVERLAY_CARD,
  click,
  query,
  underlineOf,
  waitForSelector,
  type DriverBrowser,
  type DriverPage,
  type Rect,
} from './support/driver';
import { describeInEachBrowser, eventually, sleep } from './support/driver-session';
import {
  DRIVER_BOXES,
  boxPosts,
  boxState,
  openDriverBox,
  postAndRead,
  typeIntoBox,
  type DriverBox,
} from './support/driver-boxes';
import { clickFix, drawnRuleIds } from './support/driver-overlay';
import { bundledPack } from './support/policy';
import { compilePacks, parsePack, type Network } from '@/src/core';
import { applyTextEdits } from '@/src/core/edits';

const boxNamed = (name: string): DriverBox => {
  const found = DRIVER_BOXES.find((box) => box.name === name);
  if (!found) throw new Error(`No driver box ${name}`);
  return found;
};
const X_HOME = boxNamed('x-home');
const X_REPLY = boxNamed('x-reply');
const X_NARROW_COMPOSE = boxNamed('x-narrow-compose');
const FACEBOOK_COMMENT = boxNamed('facebook-comment');

/** What the engine's own "Move … up" fix makes of `text` on `network`, with the demo packs. */
function movedUp(text: string, network: Network): string {
  const packs = [bundledPack('starter'), bundledPack('acme-demo')].map((json) => {
    const parsed = parsePack(json);
    if (!parsed.ok) throw new Error('a bundled pack does not parse');
    return parsed.value;
  });
  const checker = compilePacks(packs);
  if (!checker.ok) throw new Error('the bundled packs do not compile');
  const finding = checker.value
    .check(text, { network })
    .find((f) => f.ruleId === 'disclosure.affiliation');
  const move = finding?.suggestions.find((s) => s.label.startsWith('Move'));
  if (!move) throw new Error(`no "Move up" fix on ${network}`);
  return applyTextEdits(text, move.edits);
}

/** The rects of every drawn underline of a rule, in order. */
function underlineRects(page: DriverPage, ruleId: string): Promise<Rect[]> {
  return page.evaluate(
    ({ tag, rule }) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const lines = root
        ? [...root.querySelectorAll(`.underline[data-rule-id="${rule}"]:not([hidden])`)]
        : [];
      return lines.map((line) => {
        const { x, y, width, height } = line.getBoundingClientRect();
        return { x, y, width, height };
      });
    },
    { tag: OVERLAY, rule: ruleId },
  );
}

/** The text (or an attribute) of the first match of `selector` in the overlay's shadow root. */
function overlayRead(
  page: DriverPage,
  selector: string,
  attribute?: string,
): Promise<string | null | undefined> {
  return page.evaluate(
    ({ tag, wanted, name }) => {
      const found = document.querySelector(tag)?.shadowRoot?.querySelector(wanted);
      return name ? found?.getAttribute(name) : found?.textContent;
    },
    { tag: OVERLAY, wanted: selector, name: attribute },
  );
}

const cardShown = async (page: DriverPage) => (await query(page, OVERLAY_CARD)).visible;

describeInEachBrowser(
  'the overlay',
  () => [bundledPack('acme-demo')],
  (session) => {
    let page: DriverPage;
    let browser: DriverBrowser;
    beforeAll(() => {
      ({ page, browser } = session());
    });

    // Where the network folds a long post behind "see more" (X does not).
    describe.each([boxNamed('facebook-post'), boxNamed('linkedin-post')])('$name', (box) => {
      it('moves a disclosure hidden behind "see more" up: an insertion and a deletion in one fix', async () => {
        const text =
          'Proud of what ACME shipped this week. ' +
          'We spent months on it and the whole team is thrilled with how it turned out. '.repeat(
            7,
          ) +
          '#ACMEemployee';
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, text);
        await waitForSelector(page, underlineOf('disclosure.affiliation'), 'attached');
        await sleep(1_100);
        await clickFix(page, 'disclosure.affiliation', 'Move "#ACMEemployee" up');
        const expected = movedUp(text, box.site);
        expect(expected.indexOf('#ACMEemployee')).toBeLessThan(210);
        await eventually(() => boxState(page, box), expected, 'the state after the move');
        await eventually(
          async () => (await drawnRuleIds(page)).includes('disclosure.affiliation'),
          false,
          'the disclosure finding is gone',
        );
        expect(await postAndRead(page, box, selector)).toBe(expected);
      });
    });

    it('Facebook comment: Shift+Enter makes a new line, and Enter with an error is held', async () => {
      const selector = await openDriverBox(page, FACEBOOK_COMMENT);
      await typeIntoBox(page, FACEBOOK_COMMENT, selector, 'About Nightjar\nsecond line');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      expect(await boxState(page, FACEBOOK_COMMENT)).toBe('About Nightjar\nsecond line');
      const before = (await boxPosts(page)).length;
      await page.press('Enter');
      await waitForSelector(page, `${OVERLAY_CARD}[data-mode="confirm"]`, 'visible');
      expect((await boxPosts(page)).length).toBe(before);
      await click(page, `${OVERLAY_CARD} button[data-action="post-anyway"]`);
      await eventually(async () => (await boxPosts(page)).length, before + 1, 'posts');
      expect((await boxPosts(page))[before]!.text).toBe('About Nightjar\nsecond line');
    });

    it('lets a clean post straight through', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'Nice day');
      expect(await postAndRead(page, X_HOME, selector)).toBe('Nice day');
      expect((await query(page, OVERLAY_CARD)).found).toBe(0);
    });

    it('keeps the underline on the term when emoji come before it', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, '👩🏽‍💻🚀🇬🇧 Nightjar');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const expected = await page.evaluate((wanted) => {
        const element = document.querySelector(wanted)!;
        const text = [...element.querySelectorAll('[data-text="true"]')].find((n) =>
          n.textContent?.includes('Nightjar'),
        )!.firstChild as Text;
        const range = document.createRange();
        const at = text.data.indexOf('Nightjar');
        range.setStart(text, at);
        range.setEnd(text, at + 8);
        return range.getBoundingClientRect().left;
      }, selector);
      const [line] = await underlineRects(page, 'confidential.codenames');
      expect(Math.abs(line!.x - expected)).toBeLessThan(2);
    });

    it('moves the underline with the page when it scrolls', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await page.evaluate(() => {
        document.body.style.paddingBottom = '3000px';
      }, undefined);
      await typeIntoBox(page, X_HOME, selector, 'Nightjar');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const before = (await underlineRects(page, 'confidential.codenames'))[0]!.y;
      await page.mouseWheel(0, 150);
      await eventually(
        async () => before - (await underlineRects(page, 'confidential.codenames'))[0]!.y > 100,
        true,
        'the underline moved up with the page',
      );
      const scrolled = await page.evaluate(() => window.scrollY, undefined);
      await eventually(
        async () =>
          Math.abs(
            before - (await underlineRects(page, 'confidential.codenames'))[0]!.y - scrolled,
          ) < 2,
        true,
        'the underline moved as far as the page',
      );
    });

    it('opens the card from the keyboard (Alt+Enter) and closes it with Escape', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'About Nightjar');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      await page.press('ArrowLeft');
      await page.press('Alt+Enter');
      await waitForSelector(page, OVERLAY_CARD, 'visible');
      const focused = await page.evaluate(
        (tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.textContent,
        OVERLAY,
      );
      expect(focused).toBe('Remove');
      await page.press('Escape');
      await waitForSelector(page, OVERLAY_CARD, 'hidden');
      expect(await boxState(page, X_HOME)).toBe('About Nightjar');
    });

    it('opens the card when the pointer rests on a finding, and when the term is clicked', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'The Nightjar roadmap');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const at = (await underlineRects(page, 'confidential.codenames'))[0]!;
      await page.mouseMove(at.x + at.width / 2, at.y - 4);
      await waitForSelector(page, OVERLAY_CARD, 'visible');
      expect(
        (await query(page, `${OVERLAY_CARD} [data-rule-id="confidential.codenames"]`)).found,
      ).toBe(1);
      await page.mouseMove(5, 5);
      await waitForSelector(page, OVERLAY_CARD, 'hidden');

      await page.mouseClick(at.x + at.width / 2, at.y - 6);
      await waitForSelector(page, OVERLAY_CARD, 'visible');
      const href = await overlayRead(page, '.card:not([hidden]) a.policy-link', 'href');
      expect(href).toMatch(/^https:\/\//);
    });

    it("leaves X's Post button clear on a narrow screen, and opens no card under a resting pointer", async () => {
      const selector = await openDriverBox(page, X_NARROW_COMPOSE);
      // The pointer rests where the text will be: the underline drawn under it opens nothing.
      const boxAt = (await query(page, selector)).rect!;
      await page.mouseMove(boxAt.x + 40, boxAt.y + 10);
      await typeIntoBox(page, X_NARROW_COMPOSE, selector, 'The Nightjar roadmap');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      // typeIntoBox clicked the box; the pointer rests there again.
      await page.mouseMove(boxAt.x + 40, boxAt.y + 10);
      await sleep(300);
      expect(await cardShown(page)).toBe(false);

      const at = (await underlineRects(page, 'confidential.codenames'))[0]!;
      await page.mouseMove(at.x + at.width / 2, at.y - 4);
      await waitForSelector(page, OVERLAY_CARD, 'visible');
      const post = '[role="dialog"] [data-testid="tweetButton"]';
      const postAt = (await query(page, post)).rect!;
      const cardAt = (await query(page, OVERLAY_CARD)).rect!;
      const overlapsPost =
        cardAt.x < postAt.x + postAt.width &&
        postAt.x < cardAt.x + cardAt.width &&
        cardAt.y < postAt.y + postAt.height &&
        postAt.y < cardAt.y + cardAt.height;
      expect(overlapsPost).toBe(false);
      // What a click at the button's centre would hit is the button itself.
      const hit = await page.evaluate(
        ({ wanted, x, y }) => document.elementFromPoint(x, y)?.closest(wanted) !== null,
        { wanted: post, x: postAt.x + postAt.width / 2, y: postAt.y + postAt.height / 2 },
      );
      expect(hit).toBe(true);
    });

    it('tells screen readers, politely, what is new', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'Nightjar');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      await eventually(
        async () =>
          /Postguard: 1 new finding\. error: /.test(
            (await overlayRead(page, '[role="status"][aria-live="polite"]')) ?? '',
          ),
        true,
        'the polite announcement',
      );
      const label = await overlayRead(page, '.badge:not([hidden])', 'aria-label');
      expect(label).toMatch(/1 finding, the worst is an error/);
    });

    it('draws one underline per line when a term wraps, and follows the box when it resizes', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'Project Magpie');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const count = async () => (await underlineRects(page, 'confidential.codenames')).length;
      await eventually(count, 1, 'one underline');
      // Narrow the box so that the two words of the term sit on two lines (wide enough for
      // either word: Draft breaks a word that does not fit a line).
      await page.evaluate((wanted) => {
        const element = document.querySelector<HTMLElement>(wanted)!;
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!;
        const range = document.createRange();
        range.selectNodeContents(text);
        const oneLine = range.getBoundingClientRect().width;
        element.style.width = `${Math.ceil(oneLine * 0.75)}px`;
      }, selector);
      await eventually(count, 2, 'two underlines');
      const [first, second] = await underlineRects(page, 'confidential.codenames');
      expect(second!.y).toBeGreaterThan(first!.y + 5);
    });

    it('watches several boxes on one page, each with its own findings', async () => {
      const home = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, home, 'Nightjar soon');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const reply = await X_REPLY.open(page);
      await typeIntoBox(page, X_REPLY, reply, 'Thanks guys');
      await waitForSelector(page, underlineOf('style.inclusive-language'), 'attached');
      const badges = () =>
        page.evaluate((tag) => {
          const root = document.querySelector(tag)?.shadowRoot;
          return [...(root?.querySelectorAll('.badge:not([hidden])') ?? [])]
            .map((b) => `${b.getAttribute('data-context')}:${b.getAttribute('data-severity')}`)
            .sort();
        }, OVERLAY);
      await eventually(badges, ['post:error', 'reply:info'], 'two badges');
      // Closing the dialog removes its box, and its overlay goes with it.
      await page.press('Escape');
      await click(page, '[role="dialog"] [data-testid="app-bar-close"]');
      await eventually(async () => (await badges()).length, 1, 'one badge');
    });

    it('sends nothing anywhere while a person writes and fixes', async () => {
      const selector = await openDriverBox(page, X_HOME);
      const stop = page.recordRequests();
      let requests: string[];
      try {
        await typeIntoBox(
          page,
          X_HOME,
          selector,
          'Proud of ACME and Nightjar, email me at jo@example.com',
        );
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        await clickFix(page, 'disclosure.affiliation', 'Add " #ACMEemployee"');
        await eventually(
          async () => (await boxState(page, X_HOME)).includes('#ACMEemployee'),
          true,
          'the fix landed',
        );
      } finally {
        requests = stop();
      }
      expect(requests).toEqual([]);
    });

    it('applies a new pack without reloading the page', async () => {
      const selector = await openDriverBox(page, X_HOME);
      await typeIntoBox(page, X_HOME, selector, 'Our Bluebird launch is close');
      await sleep(300);
      expect((await query(page, underlineOf('test.new-term'))).found).toBe(0);
      const extra = {
        format: 'postguard/pack@1',
        id: 'test-extra',
        name: 'Extra terms',
        version: '1.0.0',
        rules: [
          {
            id: 'test.new-term',
            kind: 'terms',
            severity: 'warning',
            message: 'New term',
            terms: ['Bluebird'],
          },
        ],
      };
      await browser.setPacksInForce([bundledPack('acme-demo'), extra]);
      await waitForSelector(page, underlineOf('test.new-term'), 'attached');
      await browser.setPacksInForce([bundledPack('acme-demo')]);
      await eventually(
        async () => (await query(page, underlineOf('test.new-term'))).found,
        0,
        'the new term is no longer flagged',
      );
    });
  },
);
