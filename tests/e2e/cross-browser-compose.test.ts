// The behaviours that must hold in every browser Postguard ships for, written once over the
// driver interface (support/driver.ts) and run in Chromium (Playwright) and Firefox (Puppeteer
// over WebDriver BiDi) on the same fixture pages at the sites' real URLs.
import { beforeAll, describe, expect, it } from 'vitest';
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
import { describeInEachBrowser, eventually, sleep } from './support/driver-session';
import {
  DRIVER_BOXES,
  boxPosts,
  boxState,
  openDriverBox,
  postAndRead,
  pressSubmit,
  typeIntoBox,
} from './support/driver-boxes';
import { bundledPack } from './support/policy';
import {
  badgeContext,
  clickFix as clickFixIn,
  drawnRuleIds as drawnRuleIdsIn,
} from './support/driver-overlay';

describeInEachBrowser(
  'compose boxes',
  () => [bundledPack('acme-demo')],
  (session) => {
    let page: DriverPage;
    let browser: DriverBrowser;
    beforeAll(() => {
      ({ page, browser } = session());
    });

    /** The acknowledgements in the activity log (IndexedDB), read from an extension page. */
    async function acknowledgements(): Promise<LoggedAcknowledgement[]> {
      const extensionPage = await browser.extensionPage('/options.html');
      try {
        return await extensionPage.evaluate(
          () =>
            new Promise<LoggedAcknowledgement[]>((resolve, reject) => {
              const open = indexedDB.open('postguard');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('acknowledgements')) return resolve([]);
                const all = db
                  .transaction('acknowledgements')
                  .objectStore('acknowledgements')
                  .getAll();
                all.onsuccess = () => resolve(all.result as LoggedAcknowledgement[]);
                all.onerror = () => reject(all.error);
              };
            }),
          undefined,
        );
      } finally {
        await extensionPage.close();
      }
    }

    const clickFix = (ruleId: string, label: string) => clickFixIn(page, ruleId, label);
    const drawnRuleIds = () => drawnRuleIdsIn(page);

    describe.each(DRIVER_BOXES)('$name ($editor)', (box) => {
      it('flags a confidential term as it is typed, on the term itself', async () => {
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, 'Nightjar ships soon');
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        const line = (await query(page, underlineOf('confidential.codenames'))).rect!;
        // The badge knows what kind of box this is.
        const badge = await badgeContext(page);
        expect(badge).toEqual({ network: box.site, context: box.context });
        if (box.editor === 'textarea') {
          // A textarea's text has no DOM nodes to measure: the underline is on its first line.
          const area = (await query(page, selector)).rect!;
          expect(line.y).toBeGreaterThan(area.y);
          expect(line.y).toBeLessThan(area.y + 40);
          expect(line.x).toBeGreaterThanOrEqual(area.x);
          expect(line.width).toBeGreaterThan(20);
          return;
        }
        const word = await wordRect(page, selector, 'Nightjar');
        expect(word).toBeDefined();
        expect(Math.abs(line.x - word!.left)).toBeLessThan(2);
        expect(Math.abs(line.x + line.width - word!.right)).toBeLessThan(2);
        expect(Math.abs(line.y - word!.bottom)).toBeLessThan(4);
      });

      it('shows nothing for a clean post', async () => {
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, 'Lovely weather for a walk by the river today.');
        await sleep(300);
        expect(await drawnRuleIds()).toEqual([]);
        expect((await query(page, OVERLAY_BADGE)).found).toBe(0);
      });

      it('adds the disclosure through the editor, so Post sends it and Ctrl+Z takes it back', async () => {
        const selector = await openDriverBox(page, box);
        const text = 'Proud of what ACME shipped this week';
        await typeIntoBox(page, box, selector, text);
        await waitForSelector(page, underlineOf('disclosure.affiliation'), 'attached');
        // Editors fold edits within a moment into one undo step (Quill: one second), as they do
        // for a person; a person reads the card first, so the fix is a step of its own.
        await sleep(1_100);
        await clickFix('disclosure.affiliation', 'Add " #ACMEemployee"');
        await eventually(
          () => boxState(page, box),
          `${text} #ACMEemployee`,
          'the state after the fix',
        );
        await eventually(
          async () => (await drawnRuleIds()).includes('disclosure.affiliation'),
          false,
          'the disclosure finding is gone',
        );
        await click(page, selector);
        await page.press('Control+z');
        await eventually(() => boxState(page, box), text, 'the state after Ctrl+Z');

        await waitForSelector(page, underlineOf('disclosure.affiliation'), 'attached');
        await clickFix('disclosure.affiliation', 'Add " #ACMEemployee"');
        await eventually(
          () => boxState(page, box),
          `${text} #ACMEemployee`,
          'the state after the fix',
        );
        expect(await postAndRead(page, box, selector)).toBe(`${text} #ACMEemployee`);
      });

      it('replaces only the term’s range with a suggested form', async () => {
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, 'Hi guys, the Roadrunner demo is up');
        await waitForSelector(page, underlineOf('style.product-names'), 'attached');
        await clickFix('style.product-names', 'Replace with "RoadRunner"');
        await eventually(
          () => boxState(page, box),
          'Hi guys, the RoadRunner demo is up',
          'the state after the replacement',
        );
      });

      it('removes a term through the editor (a deletion, not a paste): Post sends it, Ctrl+Z undoes it', async () => {
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, 'We tested Nightjar today');
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        await sleep(1_100);
        await clickFix('confidential.codenames', 'Remove');
        await eventually(() => boxState(page, box), 'We tested today', 'the state after Remove');
        await eventually(
          async () => (await drawnRuleIds()).includes('confidential.codenames'),
          false,
          'the finding is gone',
        );
        await click(page, selector);
        await page.press('Control+z');
        await eventually(() => boxState(page, box), 'We tested Nightjar today', 'after Ctrl+Z');
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        await clickFix('confidential.codenames', 'Remove');
        await eventually(() => boxState(page, box), 'We tested today', 'after Remove again');
        expect(await postAndRead(page, box, selector)).toBe('We tested today');
      });

      it('holds a post with an error until "Post anyway", then lets that post through and logs it', async () => {
        const selector = await openDriverBox(page, box);
        await typeIntoBox(page, box, selector, 'Nightjar is nearly here');
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        const before = (await boxPosts(page)).length;
        await pressSubmit(page, box, selector);
        const confirm = `${OVERLAY_CARD}[data-mode="confirm"]`;
        await waitForSelector(page, confirm, 'visible');
        expect(
          (await query(page, `${confirm} [data-rule-id="confidential.codenames"]`)).found,
        ).toBe(1);
        await sleep(200);
        expect((await boxPosts(page)).length).toBe(before);

        // "Review" returns to the text and posts nothing.
        await click(page, `${confirm} button[data-action="review"]`);
        expect((await boxPosts(page)).length).toBe(before);
        expect(await boxState(page, box)).toBe('Nightjar is nearly here');

        await pressSubmit(page, box, selector);
        await waitForSelector(page, confirm, 'visible');
        await click(page, `${confirm} button[data-action="post-anyway"]`);
        await eventually(async () => (await boxPosts(page)).length, before + 1, 'posts');
        expect((await boxPosts(page))[before]!.text).toBe('Nightjar is nearly here');

        // The acknowledgement is logged for the activity log: rules, network, packs; no text.
        const logged = async () => (await acknowledgements()).filter((a) => a.network === box.site);
        await eventually(async () => (await logged()).length > 0, true, 'an acknowledgement');
        const last = (await logged()).at(-1)!;
        expect(last.ruleIds).toContain('confidential.codenames');
        expect(last.packs.map((p) => p.id)).toContain('acme-social');
        expect(JSON.stringify(last)).not.toContain('Nightjar is nearly here');
      });
    });

    it("names a client's person, with compromise loaded in the background on that first call", async () => {
      // The extension's bundle evaluates compromise on its first call (scripts/compromise-lazily.ts):
      // a post without a client word never loads it; this one does, in the browser's background.
      const [box] = DRIVER_BOXES;
      const selector = await openDriverBox(page, box!);
      await typeIntoBox(page, box!, selector, 'Our client Dana Whitfield loved the launch');
      await waitForSelector(page, underlineOf('confidential.personal-data'), 'attached');
      const line = (await query(page, underlineOf('confidential.personal-data'))).rect!;
      const name = await wordRect(page, selector, 'Dana');
      expect(name).toBeDefined();
      expect(Math.abs(line.x - name!.left)).toBeLessThan(2);
    });
  },
);

interface LoggedAcknowledgement {
  ruleIds: string[];
  network: string;
  packs: { id: string; version: string }[];
  at: number;
}

/** Where a word is drawn in the editor (the first text node holding it). */
function wordRect(page: DriverPage, selector: string, word: string) {
  return page.evaluate(
    ({ wanted, text }) => {
      const steps = wanted.split('>>>').map((step) => step.trim());
      let scope: Document | ShadowRoot = document;
      let element: Element | null = null;
      for (const step of steps) {
        element = scope.querySelector(step);
        if (!element) return undefined;
        if (element.shadowRoot) scope = element.shadowRoot;
      }
      if (!element) return undefined;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const rect = range.getBoundingClientRect();
          return { left: rect.left, right: rect.right, bottom: rect.bottom };
        }
      }
      return undefined;
    },
    { wanted: selector, text: word },
  );
}
