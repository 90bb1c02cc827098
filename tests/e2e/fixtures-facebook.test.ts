// The Facebook fixture behaves as facebook.com does today (see /work/shared/sites.md): what a
// person types is Lexical's own state and is what gets posted, through every way each box posts,
// in English, Spanish and Thai. Runs with the extension loaded, as every e2e test does.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  COMMENTER,
  FACEBOOK_LABELS,
  PAGE,
  SIGNED_IN_USER,
  fill,
} from '../fixtures/src/facebook/labels';
import type { FacebookLabels, FacebookLocale } from '../fixtures/src/facebook/labels';
import type { FixtureWindow } from '../fixtures/src/shared/recorder';
import {
  launchWithExtension,
  openBox,
  openFixture,
  readPosts,
  readState,
  submitAndRead,
  typeInto,
} from './harness';
import type { ExtensionSession } from './harness';
import {
  COMMENT_SUBMIT_CONTAINER,
  FACEBOOK_BOXES,
  FB_COMMENT,
  FB_PAGE_POST,
  FB_POST,
  FB_REPLY,
  LEXICAL_BOX,
  bySubmitKey,
  commentArticle,
  postSettingsDialog,
  replyBoxTo,
  replyButtonOf,
} from './support/boxes-facebook';
import type { FacebookBoxFixture } from './support/boxes-facebook';

let session: ExtensionSession | undefined;
beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});
async function tab(): Promise<Page> {
  if (!session) throw new Error('The extension session is not running (beforeAll failed?)');
  return session.tab();
}

const title = (box: FacebookBoxFixture) => `${box.name} (${box.locale})`;

/** Types two lines with an explicit Shift+Enter between them, whatever the box's new-line key. */
async function typeTwoLinesWithShiftEnter(page: Page, box: Locator): Promise<void> {
  await box.click();
  await page.keyboard.type('First line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Second line');
}

const ariaDisabled = (control: Locator) => control.getAttribute('aria-disabled');
/** The site's dialogs: Playwright's CSS would also pierce the extension's overlay card. */
const siteDialogs = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[role="dialog"]').length);
const mountedBoxes = (page: Page) =>
  page.evaluate(() => (window as unknown as FixtureWindow).__postguardFixture.boxes().sort());

for (const fixture of FACEBOOK_BOXES) {
  describe(title(fixture), () => {
    test(`${title(fixture)}: typed text is Lexical's state and is what its button posts`, async () => {
      const page = await tab();
      const box = await openBox(page, fixture);
      const text = 'Typed by a person, one key at a time.';
      await typeInto(page, fixture, box, text);
      await expect.poll(() => readState(page, fixture)).toBe(text);
      expect(await submitAndRead(page, fixture, box)).toMatchObject({ box: fixture.name, text });
      expect(await readPosts(page)).toHaveLength(1);
    });

    test(`${title(fixture)}: Shift+Enter keeps a new line and posts nothing`, async () => {
      const page = await tab();
      const box = await openBox(page, fixture);
      await typeTwoLinesWithShiftEnter(page, box);
      await expect.poll(() => readState(page, fixture)).toBe('First line\nSecond line');
      expect(await readPosts(page)).toEqual([]);
      expect((await submitAndRead(page, fixture, box)).text).toBe('First line\nSecond line');
    });

    test(`${title(fixture)}: the submit control is aria-disabled while the box is empty`, async () => {
      const page = await tab();
      const box = await openBox(page, fixture);
      const control = fixture.submitControl(page, box);
      expect(await ariaDisabled(control)).toBe('true');
      // Playwright waits for an aria-disabled control to become enabled: force the click.
      await control.click({ force: true });
      await typeInto(page, fixture, box, 'x');
      await expect.poll(() => ariaDisabled(control)).toBe('false');
      await page.keyboard.press('Backspace');
      await expect.poll(() => readState(page, fixture)).toBe('');
      await expect.poll(() => ariaDisabled(control)).toBe('true');
      // The click on the disabled control earlier posted nothing, nor did Next open settings.
      expect(await readPosts(page)).toEqual([]);
      expect(await siteDialogs(page)).toBeLessThanOrEqual(1);
    });

    if (fixture.submitByKey) {
      const byKey = bySubmitKey(fixture);
      test(`${title(fixture)}: Enter posts Lexical's text and clears the box`, async () => {
        const page = await tab();
        const box = await openBox(page, byKey);
        await typeInto(page, byKey, box, 'One line\nand another');
        await expect.poll(() => readState(page, byKey)).toBe('One line\nand another');
        expect(await submitAndRead(page, byKey, box)).toMatchObject({
          box: fixture.name,
          text: 'One line\nand another',
        });
        await expect.poll(() => readState(page, byKey)).toBe('');
        await expect.poll(() => ariaDisabled(fixture.submitControl(page, box))).toBe('true');
      });

      test(`${title(fixture)}: Enter in the empty box posts nothing`, async () => {
        const page = await tab();
        const box = await openBox(page, byKey);
        await box.press('Enter');
        await box.press('Enter');
        expect(await readState(page, byKey)).toBe('');
        expect(await readPosts(page)).toEqual([]);
      });
    }
  });
}

describe('facebook-comment', () => {
  test('a posted comment appears as a comment by the signed-in person, with a Reply button', async () => {
    const page = await tab();
    const box = await openBox(page, FB_COMMENT);
    await typeInto(page, FB_COMMENT, box, 'Great news\nCongrats');
    await submitAndRead(page, FB_COMMENT, box);
    const mine = commentArticle(page, FB_COMMENT.labels, SIGNED_IN_USER.name);
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('[dir="auto"]').innerText()).toBe('Great news\nCongrats');
    await expect.poll(() => readState(page, FB_COMMENT)).toBe('');
    // The new comment can be replied to: its reply box is addressed to its author.
    await replyButtonOf(mine, FB_COMMENT.labels).click();
    await replyBoxTo(page, FB_COMMENT.labels, SIGNED_IN_USER.name).waitFor();
    expect(await mountedBoxes(page)).toEqual(['facebook-comment', 'facebook-reply']);
  });

  test('only the comment box submit sits in #focused-state-composer-submit, once on the page', async () => {
    const page = await tab();
    await openBox(page, FB_REPLY);
    const container = page.locator(COMMENT_SUBMIT_CONTAINER);
    expect(await container.count()).toBe(1);
    const comment = await FB_COMMENT.open(page);
    expect(await container.locator('[role="button"][aria-label="Comment"]').count()).toBe(1);
    expect(await FB_COMMENT.submitControl(page, comment).count()).toBe(1);
  });
});

describe('facebook-reply', () => {
  test("a posted reply joins Dana Rivers's thread and the reply box stays open, empty", async () => {
    const page = await tab();
    const box = await openBox(page, FB_REPLY);
    await typeInto(page, FB_REPLY, box, 'Yes, remote too');
    expect(await submitAndRead(page, FB_REPLY, box)).toMatchObject({
      box: 'facebook-reply',
      text: 'Yes, remote too',
    });
    const reply = page.locator(
      `[role="article"][aria-label="${fill(FB_REPLY.labels.replyBy, { name: SIGNED_IN_USER.name, author: COMMENTER })}"]`,
    );
    await expect.poll(() => reply.count()).toBe(1);
    expect(await reply.locator('[dir="auto"]').innerText()).toBe('Yes, remote too');
    await expect.poll(() => readState(page, FB_REPLY)).toBe('');
    expect(await box.isVisible()).toBe(true);
  });
});

describe('facebook-post', () => {
  test('?composer=open opens "Create post" on load, and Post closes it', async () => {
    const page = await tab();
    await openFixture(page, `${FB_POST.url}?composer=open`);
    const box = page.locator(`[role="dialog"] ${LEXICAL_BOX}`);
    await box.waitFor();
    await typeInto(page, FB_POST, box, 'Opened by URL');
    expect((await submitAndRead(page, FB_POST, box)).text).toBe('Opened by URL');
    await expect.poll(() => siteDialogs(page)).toBe(0);
  });
});

describe('facebook-page-post', () => {
  const labels = FB_PAGE_POST.labels;
  const button = (scope: Locator, label: string) =>
    scope.locator(`[role="button"][aria-label="${label}"]`);

  test('Next alone posts nothing; Post settings holds Post, Back returns to the text as it was', async () => {
    const page = await tab();
    const box = await openBox(page, FB_PAGE_POST);
    const text = 'Widgets 3.0\nsoon';
    await typeInto(page, FB_PAGE_POST, box, text);
    const editorDialog = page.locator('[role="dialog"]', { has: page.locator(LEXICAL_BOX) });
    expect(await button(editorDialog, labels.post).count()).toBe(0);

    await button(editorDialog, labels.next).click();
    const settings = postSettingsDialog(page, labels);
    await settings.waitFor();
    expect(await readPosts(page)).toEqual([]);
    // The editor stays mounted, hidden, with its state.
    expect(await box.isHidden()).toBe(true);
    expect(await readState(page, FB_PAGE_POST)).toBe(text);

    await button(settings, labels.back).click();
    await box.waitFor({ state: 'visible' });
    expect(await settings.count()).toBe(0);
    expect(await readState(page, FB_PAGE_POST)).toBe(text);
    expect(await readPosts(page)).toEqual([]);

    await typeInto(page, FB_PAGE_POST, box, ' and more');
    const posted = await submitAndRead(page, FB_PAGE_POST, box);
    expect(posted).toMatchObject({ box: 'facebook-page-post', text: `${text} and more` });
    await expect.poll(() => siteDialogs(page)).toBe(0);
    expect(await mountedBoxes(page)).toEqual([]);
  });

  test('the Page is at /acmecorp, and the home composer posts in one step', async () => {
    const page = await tab();
    expect(new URL(FB_PAGE_POST.url).pathname).toBe(PAGE.path);
    await openBox(page, FB_POST);
    const dialog = page.locator('[role="dialog"]', { has: page.locator(LEXICAL_BOX) });
    expect(await button(dialog, FB_POST.labels.next).count()).toBe(0);
    expect(await button(dialog, FB_POST.labels.post).count()).toBe(1);
  });
});

/** The words of the English labels, without the names they are filled with. */
function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const label of Object.values(FACEBOOK_LABELS.en_US)) {
    for (const word of label.replace(/\{\w+\}/g, ' ').split(/[^A-Za-z']+/)) {
      const bare = word.replace(/^'+|'+$/g, '').toLowerCase();
      if (bare.length >= 2) words.add(bare);
    }
  }
  return words;
}

/**
 * The aria-labels, placeholders and visible words of every button, switch and text box in the
 * page's own DOM (not the extension's overlay, which lives in a shadow root).
 */
async function controlLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>(
      '[role="button"], [role="textbox"], [role="switch"]',
    )) {
      const role = control.getAttribute('role');
      for (const label of [
        control.getAttribute('aria-label'),
        control.getAttribute('aria-placeholder'),
        role === 'textbox' ? null : control.innerText,
      ]) {
        if (label?.trim()) found.push(label);
      }
    }
    return found;
  });
}

/** The labels holding an English label word, once the people's and the Page's names are out. */
function englishIn(labels: string[]): string[] {
  const english = englishWords();
  const names = [SIGNED_IN_USER.name, COMMENTER, PAGE.name];
  return labels.filter((label) =>
    names
      .reduce((text, name) => text.split(name).join(' '), label)
      .toLowerCase()
      .split(/[^a-z']+/)
      .some((word) => english.has(word.replace(/^'+|'+$/g, ''))),
  );
}

/** Loads the home feed and opens what it can show: a reply box, and "Create post" over it. */
async function revealHome(page: Page, locale: FacebookLocale): Promise<void> {
  const labels = FACEBOOK_LABELS[locale];
  await openFixture(page, locale === 'en_US' ? FB_REPLY.url : `${FB_REPLY.url}?locale=${locale}`);
  await replyButtonOf(commentArticle(page, labels, COMMENTER), labels).click();
  await replyBoxTo(page, labels, COMMENTER).waitFor();
  const prompt = fill(labels.whatsOnYourMind, { name: SIGNED_IN_USER.firstName });
  await page.locator('[role="main"] [role="button"]', { hasText: prompt }).click();
  await page.locator(`[role="dialog"] ${LEXICAL_BOX}`).waitFor();
}

async function revealPageSettings(page: Page, labels: FacebookLabels, url: string): Promise<void> {
  await openFixture(page, url);
  await page
    .locator('[role="main"] [role="button"]', { hasText: labels.whatsOnYourMindPage })
    .click();
  const box = page.locator(`[role="dialog"] ${LEXICAL_BOX}`);
  await box.waitFor();
  await box.click();
  await page.keyboard.type('x');
  await page.locator(`[role="dialog"] [role="button"][aria-label="${labels.next}"]`).click();
  await postSettingsDialog(page, labels).waitFor();
}

describe('localised interface', () => {
  test('the English page fails the check: it finds English words on the controls', async () => {
    const page = await tab();
    await revealHome(page, 'en_US');
    const labels = await controlLabels(page);
    expect(englishIn(labels)).toEqual(expect.arrayContaining(['Post', 'Comment', 'Reply']));
  });

  for (const locale of ['es_LA', 'th_TH'] as const) {
    const labels = FACEBOOK_LABELS[locale];

    test(`${locale}: <html lang="${labels.lang}">, and no English word on any button or text box`, async () => {
      const page = await tab();
      await revealHome(page, locale);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(labels.lang);
      const home = await controlLabels(page);
      expect(home).toEqual(
        expect.arrayContaining([
          labels.post,
          labels.comment,
          labels.reply,
          fill(labels.whatsOnYourMind, { name: SIGNED_IN_USER.firstName }),
          fill(labels.commentAs, { name: SIGNED_IN_USER.name }),
          fill(labels.replyTo, { name: COMMENTER }),
        ]),
      );
      expect(englishIn(home)).toEqual([]);

      await revealPageSettings(
        page,
        labels,
        `https://www.facebook.com${PAGE.path}?locale=${locale}`,
      );
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(labels.lang);
      const settings = await controlLabels(page);
      expect(settings).toEqual(expect.arrayContaining([labels.post, labels.back, labels.close]));
      expect(englishIn(settings)).toEqual([]);
      // The first dialog's Next is still in the page, hidden, and also in the page's language.
      expect(settings).toContain(labels.next);
    });
  }
});
