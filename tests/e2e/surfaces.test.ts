// Every compose surface the fixtures reproduce of the sites as they are served today
// (../shared/sites.md), in Chromium and in Firefox: beyond the ten main boxes of
// cross-browser-compose.test.ts, Facebook's replies and a Page's two-step post in English,
// Spanish and Thai, LinkedIn's replies on both front ends, X's inline reply, /compose/post and
// the narrow layout's other textareas. On each: a finding is drawn on the box and knows what kind
// of box it is; the card's fixes land in the editor's own state (Post sends the fixed text,
// Ctrl+Z undoes the fix). And on every box, main ones included: an error holds every way of
// submitting it (X's Ctrl+Enter, a Facebook comment's Enter and its button) until "Post anyway".
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OVERLAY_CARD,
  click,
  query,
  underlineOf,
  waitForSelector,
  type DriverPage,
} from './support/driver';
import { describeInEachBrowser, eventually, sleep } from './support/driver-session';
import {
  DRIVER_BOXES,
  boxPosts,
  boxState,
  describeWay,
  openDriverBox,
  postAndRead,
  submitBy,
  typeIntoBox,
  type DriverBox,
  type SubmitWay,
} from './support/driver-boxes';
import { SURFACE_BOXES, localeOf } from './support/driver-surfaces';
import { badgeContext, clickFix, drawnRuleIds } from './support/driver-overlay';
import { bundledPack } from './support/policy';

/** Every way a box posts, for the hold test: on the main boxes, the ways not tested already. */
function holdPaths(box: DriverBox, includeMain: boolean): SubmitWay[] {
  return [...(includeMain ? [box.submit] : []), ...(box.alsoSubmit ?? [])];
}

const HOLD_CASES = [
  ...SURFACE_BOXES.flatMap((box) => holdPaths(box, true).map((way) => ({ box, way }))),
  ...DRIVER_BOXES.flatMap((box) => holdPaths(box, false).map((way) => ({ box, way }))),
];

describeInEachBrowser(
  'every surface',
  () => [bundledPack('acme-demo')],
  (session) => {
    let page: DriverPage;
    beforeAll(() => {
      ({ page } = session());
    });

    describe.each(SURFACE_BOXES.map((box) => ({ ...box, locale: localeOf(box) })))(
      '$name ($editor, $locale)',
      (box) => {
        it('draws a finding on the box and knows what kind of box it is', async () => {
          const selector = await openDriverBox(page, box);
          await typeIntoBox(page, box, selector, 'Heard about Project Magpie?');
          await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
          expect(await badgeContext(page)).toEqual({ network: box.site, context: box.context });
          const line = (await query(page, underlineOf('confidential.codenames'))).rect!;
          const area = (await query(page, selector)).rect!;
          expect(line.y).toBeGreaterThanOrEqual(area.y);
          expect(line.y).toBeLessThanOrEqual(area.y + area.height);
          expect(line.x).toBeGreaterThanOrEqual(area.x);
          expect(line.width).toBeGreaterThan(20);
        });

        it('removes a term through the editor: Post sends the fix, and Ctrl+Z brings the text back', async () => {
          const selector = await openDriverBox(page, box);
          await typeIntoBox(page, box, selector, 'We tested Nightjar today');
          await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
          // Editors fold edits made within a moment into one undo step (Quill: one second).
          await sleep(1_100);
          await clickFix(page, 'confidential.codenames', 'Remove');
          await eventually(() => boxState(page, box), 'We tested today', 'after Remove');
          await eventually(
            async () => (await drawnRuleIds(page)).includes('confidential.codenames'),
            false,
            'the finding is gone',
          );
          await click(page, selector);
          await page.press('Control+z');
          await eventually(() => boxState(page, box), 'We tested Nightjar today', 'after Ctrl+Z');
          await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
          await clickFix(page, 'confidential.codenames', 'Remove');
          await eventually(() => boxState(page, box), 'We tested today', 'after Remove again');
          expect(await postAndRead(page, box, selector)).toBe('We tested today');
        });

        it('adds text through the editor (the disclosure fix): the editor’s state holds it', async () => {
          const selector = await openDriverBox(page, box);
          const text = 'Proud of what ACME shipped this week';
          await typeIntoBox(page, box, selector, text);
          await waitForSelector(page, underlineOf('disclosure.affiliation'), 'attached');
          await sleep(1_100);
          await clickFix(page, 'disclosure.affiliation', 'Add " #ACMEemployee"');
          await eventually(() => boxState(page, box), `${text} #ACMEemployee`, 'after the fix');
          await eventually(
            async () => (await drawnRuleIds(page)).includes('disclosure.affiliation'),
            false,
            'the disclosure finding is gone',
          );
          await click(page, selector);
          await page.press('Control+z');
          await eventually(() => boxState(page, box), text, 'after Ctrl+Z');
        });
      },
    );

    describe.each(
      HOLD_CASES.map(({ box, way }) => ({
        box,
        way,
        title: `${box.name} (${localeOf(box)}) by ${describeWay(way)}`,
      })),
    )('$title', ({ box, way }) => {
      it('holds a post with an error until "Post anyway", then posts it', async () => {
        const selector = await openDriverBox(page, box);
        const text = 'Nightjar is nearly here';
        await typeIntoBox(page, box, selector, text);
        await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
        const before = (await boxPosts(page)).length;
        await submitBy(page, way, selector);
        const confirm = `${OVERLAY_CARD}[data-mode="confirm"]`;
        await waitForSelector(page, confirm, 'visible');
        const note = box.secondStep?.holdNote;
        if (note) {
          const shown = await page.evaluate(
            () =>
              document
                .querySelector('postguard-overlay')
                ?.shadowRoot?.querySelector('.card:not([hidden]) .hold-note')?.textContent ?? '',
            undefined,
          );
          expect(shown).toMatch(note);
        }
        await sleep(200);
        expect((await boxPosts(page)).length).toBe(before);
        expect(await boxState(page, box)).toBe(text);

        await click(page, `${confirm} button[data-action="post-anyway"]`);
        if (box.secondStep) await click(page, box.secondStep.click);
        await eventually(async () => (await boxPosts(page)).length, before + 1, 'posts');
        expect((await boxPosts(page))[before]!.text).toBe(text);
      });
    });
  },
);
