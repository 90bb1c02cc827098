// Every compose surface the fixtures reproduce of the sites as they are served today
// (../shared/sites.md): LinkedIn's shadow-root share box, its TipTap and Ember comments and
// replies; Facebook's comments, replies and a Page's two-step post, in English, Spanish and Thai;
// X's timeline, dialogs, inline reply and the narrow layout's textarea. On each: a finding is
// drawn on the box and knows what kind of box it is; the card's fixes land in the editor's own
// state (Post sends the fixed text, Ctrl+Z undoes the fix); an error holds every way of
// submitting until "Post anyway".
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  X_HOME,
  X_QUOTE,
  X_REPLY,
  launchWithExtension,
  openBox,
  readPosts,
  readState,
  submitAndRead,
  typeInto,
  type ComposeBoxFixture,
  type ExtensionSession,
} from './harness';
import { LINKEDIN_BOXES } from './support/boxes-linkedin';
import {
  FACEBOOK_BOXES,
  bySubmitKey,
  postSettingsDialog,
  type FacebookBoxFixture,
} from './support/boxes-facebook';
import { X_BOXES, restoreViewport } from './support/boxes-x';
import { bundledPack, setPacksInForce } from './support/policy';
import {
  badge,
  card,
  clickFix,
  drawnRuleIds,
  openAllFindings,
  waitForFinding,
} from './support/overlay';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
  page = await session.tab();
});

afterAll(async () => {
  await session?.close();
});

// The narrow-layout boxes resize the tab; every other box expects the desktop layout.
afterEach(async () => {
  if (page) await restoreViewport(page);
});

const SURFACES: ComposeBoxFixture[] = [
  ...LINKEDIN_BOXES,
  ...FACEBOOK_BOXES,
  ...X_BOXES,
  X_HOME,
  X_REPLY,
  X_QUOTE,
];

function isFacebook(fixture: ComposeBoxFixture): fixture is FacebookBoxFixture {
  return 'submitControl' in fixture;
}

/** A Page's post goes out in two steps; Postguard holds the first (Next). */
function isTwoStep(fixture: ComposeBoxFixture): boolean {
  return fixture.name === 'facebook-page-post';
}

interface SubmitPath {
  name: string;
  /** The person's first action: what Postguard must hold. */
  attempt(page: Page, box: Locator): Promise<void>;
  /** What the person still does after "Post anyway" lets the first action through. */
  finish?(page: Page): Promise<void>;
}

/** Every way a person submits this box. */
function submitPaths(fixture: ComposeBoxFixture): SubmitPath[] {
  const paths: SubmitPath[] = [];
  if (isFacebook(fixture)) {
    paths.push({
      name: isTwoStep(fixture) ? 'its Next button' : 'its button',
      attempt: (p, box) => fixture.submitControl(p, box).click(),
      finish: isTwoStep(fixture)
        ? (p) =>
            postSettingsDialog(p, fixture.labels)
              .locator(`[role="button"][aria-label="${fixture.labels.post}"]`)
              .click()
        : undefined,
    });
    if (fixture.submitByKey)
      paths.push({
        name: fixture.submitByKey,
        attempt: (p, box) => bySubmitKey(fixture).submit(p, box),
      });
    return paths;
  }
  paths.push({ name: 'its button', attempt: (p, box) => fixture.submit(p, box) });
  if (fixture.site === 'x')
    paths.push({ name: 'Ctrl+Enter', attempt: (_p, box) => box.press('Control+Enter') });
  return paths;
}

/** Posts the box after a fix, whichever steps its site takes. */
async function postFixed(fixture: ComposeBoxFixture, box: Locator): Promise<string> {
  const post = await submitAndRead(page, fixture, box);
  return post.text;
}

describe.each(SURFACES.map((fixture) => [fixture.name, fixture.url, fixture] as const))(
  '%s (%s)',
  (_name, _url, fixture) => {
    it('draws a finding on the term and knows what kind of box it is', async () => {
      const box = await openBox(page, fixture);
      await typeInto(page, fixture, box, 'Heard about Project Magpie?');
      const line = await waitForFinding(page, 'confidential.codenames');
      const shown = badge(page).first();
      expect(await shown.getAttribute('data-network')).toBe(fixture.site);
      expect(await shown.getAttribute('data-context')).toBe(fixture.context);
      // The underline is drawn on the box, where its text is.
      const drawn = await line.boundingBox();
      const area = await box.boundingBox();
      expect(drawn!.y).toBeGreaterThanOrEqual(area!.y);
      expect(drawn!.y).toBeLessThanOrEqual(area!.y + area!.height);
      expect(drawn!.x).toBeGreaterThanOrEqual(area!.x);
      expect(drawn!.width).toBeGreaterThan(20);
    });

    it('removes a term through the editor: Post sends the fix, and Ctrl+Z brings the text back', async () => {
      const box = await openBox(page, fixture);
      await typeInto(page, fixture, box, 'We tested Nightjar today');
      await waitForFinding(page, 'confidential.codenames');
      // Editors fold edits made within a moment into one undo step (Quill: one second).
      await page.waitForTimeout(1_100);
      await openAllFindings(page);
      await clickFix(page, 'confidential.codenames', 'Remove');
      await expect.poll(() => readState(page, fixture)).toBe('We tested today');
      await expect.poll(() => drawnRuleIds(page)).not.toContain('confidential.codenames');

      await box.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => readState(page, fixture)).toBe('We tested Nightjar today');
      await waitForFinding(page, 'confidential.codenames');

      await openAllFindings(page);
      await clickFix(page, 'confidential.codenames', 'Remove');
      await expect.poll(() => readState(page, fixture)).toBe('We tested today');
      if (isTwoStep(fixture)) {
        const next = (fixture as FacebookBoxFixture).submitControl(page, box);
        const before = (await readPosts(page)).length;
        await next.click();
        await submitPaths(fixture)[0]!.finish!(page);
        await expect.poll(async () => (await readPosts(page)).length).toBe(before + 1);
        expect((await readPosts(page))[before]!.text).toBe('We tested today');
      } else {
        expect(await postFixed(fixture, box)).toBe('We tested today');
      }
    });

    it('adds text through the editor (the disclosure fix): the editor’s state holds it', async () => {
      const box = await openBox(page, fixture);
      await typeInto(page, fixture, box, 'Proud of what ACME shipped this week');
      await waitForFinding(page, 'disclosure.affiliation');
      await page.waitForTimeout(1_100);
      await openAllFindings(page);
      await clickFix(page, 'disclosure.affiliation', 'Add " #ACMEemployee"');
      await expect
        .poll(() => readState(page, fixture))
        .toBe('Proud of what ACME shipped this week #ACMEemployee');
      await expect.poll(() => drawnRuleIds(page)).not.toContain('disclosure.affiliation');
      await box.focus();
      await page.keyboard.press('Control+z');
      await expect
        .poll(() => readState(page, fixture))
        .toBe('Proud of what ACME shipped this week');
    });

    for (const path of submitPaths(fixture)) {
      it(`holds a post with an error submitted by ${path.name} until "Post anyway"`, async () => {
        const box = await openBox(page, fixture);
        const text = 'Nightjar is nearly here';
        await typeInto(page, fixture, box, text);
        await waitForFinding(page, 'confidential.codenames');
        const before = (await readPosts(page)).length;
        await path.attempt(page, box);
        const confirm = card(page);
        await confirm.waitFor({ state: 'visible' });
        expect(await confirm.getAttribute('data-mode')).toBe('confirm');
        if (isTwoStep(fixture) && (fixture as FacebookBoxFixture).locale !== 'th_TH')
          expect(await confirm.locator('.hold-note').textContent()).toMatch(/Held at Next/);
        await page.waitForTimeout(200);
        expect((await readPosts(page)).length).toBe(before);
        expect(await readState(page, fixture)).toBe(text);

        await confirm.locator('button[data-action="post-anyway"]').click();
        await path.finish?.(page);
        await expect.poll(async () => (await readPosts(page)).length).toBe(before + 1);
        expect((await readPosts(page))[before]!.text).toBe(text);
      });
    }
  },
);
