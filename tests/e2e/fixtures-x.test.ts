// The X fixture as x.com is served today: the mobile layout's React-controlled textareas, a
// post's page with its inline reply box, and the hooks that tell a reply dialog from a quote.
// These tests pin down what each box's editor holds and posts, and how the textarea answers the
// ways an extension can put text into it.
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  SITE_URLS,
  X_HOME,
  X_QUOTE,
  X_REPLY,
  openBox,
  openFixture,
  readPosts,
  readState,
  submitAndRead,
  typeInto,
} from './harness';
import type { FixtureWindow } from '../fixtures/src/shared/recorder';
import {
  testLongPost,
  testMultilinePost,
  testTypesAndPosts,
  useExtensionSession,
} from './generators';
import {
  DESKTOP_VIEWPORT,
  NARROW_VIEWPORT,
  X_BOXES,
  X_INLINE_REPLY,
  X_NARROW_BOXES,
  X_NARROW_HOME,
  X_NARROW_QUOTE,
  X_NARROW_REPLY,
  X_STATUS_URL,
  restoreViewport,
} from './support/boxes-x';
import type { XBoxFixture } from './support/boxes-x';

const session = useExtensionSession();

// Narrow boxes leave the shared tab at 400 px; every test starts from the desktop size.
afterEach(async () => {
  await restoreViewport(await session().tab());
});

/** The first timeline post: what the Reply and Quote buttons the boxes click act on. */
const FIRST_POST = {
  author: 'ACME Corp',
  text: 'Our quarterly update is out. Thanks to everyone who made it happen!',
};

async function boxNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__postguardFixture.boxes());
}

function testCtrlEnterPosts(box: XBoxFixture): void {
  test(`${box.name}: Ctrl+Enter posts what the editor holds`, async () => {
    const page = await session().tab();
    const element = await openBox(page, box);
    await typeInto(page, box, element, 'Posted from the keyboard');
    await expect.poll(() => readState(page, box)).toBe('Posted from the keyboard');
    // A dialog's composer closes with its dialog after posting; inline ones stay, emptied.
    const inDialog = await element.evaluate((node) => node.closest('[role="dialog"]') !== null);
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => readPosts(page))
      .toEqual([expect.objectContaining({ box: box.name, text: 'Posted from the keyboard' })]);
    if (inDialog) {
      await expect.poll(() => boxNames(page)).not.toContain(box.name);
    } else {
      expect(await readState(page, box)).toBe('');
      expect(await element.evaluate((node) => node.textContent ?? '')).not.toContain('keyboard');
    }
  });
}

for (const box of X_BOXES) {
  describe(box.name, () => {
    testTypesAndPosts(session, box);
    testMultilinePost(session, box);
    testLongPost(session, box);
    testCtrlEnterPosts(box);
  });
}

function textareaValue(element: Locator): Promise<string> {
  return element.evaluate((node) => (node as HTMLTextAreaElement).value);
}

/** Selects `word` in the textarea (focused), as a driver would before replacing it. */
async function selectWord(element: Locator, word: string): Promise<void> {
  await element.evaluate((node, selected) => {
    const textarea = node as HTMLTextAreaElement;
    textarea.focus();
    const start = textarea.value.indexOf(selected);
    if (start < 0) throw new Error(`"${selected}" is not in the textarea`);
    textarea.setSelectionRange(start, start + selected.length);
  }, word);
}

/** Lets React handle whatever events are pending, then a little more. */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(300);
}

for (const box of X_NARROW_BOXES) {
  describe(`${box.name} (a React-controlled textarea)`, () => {
    test(`${box.name}: execCommand('insertText') over a selected word reaches React's state, and Ctrl+Z undoes it`, async () => {
      const page = await session().tab();
      const element = await openBox(page, box);
      await typeInto(page, box, element, 'The quick brown fox');
      await expect.poll(() => readState(page, box)).toBe('The quick brown fox');
      await selectWord(element, 'quick');
      const inserted = await element.evaluate(() => document.execCommand('insertText', false, 'x'));
      expect(inserted).toBe(true);
      await expect.poll(() => readState(page, box)).toBe('The x brown fox');
      expect(await textareaValue(element)).toBe('The x brown fox');
      // The insert is one undo step of its own in Chromium: the typing before it stays.
      await page.keyboard.press('Control+z');
      await expect.poll(() => readState(page, box)).toBe('The quick brown fox');
      expect(await textareaValue(element)).toBe('The quick brown fox');
      expect((await submitAndRead(page, box, element)).text).toBe('The quick brown fox');
    });

    test(`${box.name}: setting textarea.value does not reach React's state, even with an input event; the prototype's setter and an input event do`, async () => {
      const page = await session().tab();
      const element = await openBox(page, box);
      await typeInto(page, box, element, 'Typed first');
      await expect.poll(() => readState(page, box)).toBe('Typed first');

      // React's value tracker wraps the element's own `value` property: an assignment updates
      // the tracker too, so the input event that follows looks like no change and onChange never
      // runs. The DOM shows the new text; React still holds (and posts) the old.
      await element.evaluate((node) => {
        (node as HTMLTextAreaElement).value = 'Set through the DOM';
      });
      await settle(page);
      expect(await readState(page, box)).toBe('Typed first');
      await element.dispatchEvent('input', { bubbles: true });
      await settle(page);
      expect(await readState(page, box)).toBe('Typed first');
      expect(await textareaValue(element)).toBe('Set through the DOM');

      // HTMLTextAreaElement.prototype's setter goes around the tracker: then the input event
      // differs from what React last saw and onChange takes the new value.
      await element.evaluate((node) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
        if (!setter) throw new Error('No value setter on HTMLTextAreaElement.prototype');
        setter.call(node, 'Set past the tracker');
        node.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => readState(page, box)).toBe('Set past the tracker');
      expect((await submitAndRead(page, box, element)).text).toBe('Set past the tracker');
    });

    test(`${box.name}: after the prototype's value setter, Ctrl+Z does not bring the old text back`, async () => {
      const page = await session().tab();
      const element = await openBox(page, box);
      await typeInto(page, box, element, 'Typed by hand');
      await expect.poll(() => readState(page, box)).toBe('Typed by hand');
      await element.evaluate((node) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
        setter?.call(node, 'Replaced by a script');
        node.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => readState(page, box)).toBe('Replaced by a script');
      // A programmatic value is not an edit: Chromium keeps no undo step for it, so a fix made
      // this way cannot be undone by the user (execCommand's can, above).
      await element.focus();
      await page.keyboard.press('Control+z');
      await settle(page);
      expect(await readState(page, box)).toBe('Replaced by a script');
      expect(await textareaValue(element)).toBe('Replaced by a script');
    });

    test(`${box.name}: a direct value assignment is what Post does NOT send`, async () => {
      const page = await session().tab();
      const element = await openBox(page, box);
      await typeInto(page, box, element, 'What React holds');
      await expect.poll(() => readState(page, box)).toBe('What React holds');
      await element.evaluate((node) => {
        (node as HTMLTextAreaElement).value = 'What the DOM shows';
      });
      await settle(page);
      expect((await submitAndRead(page, box, element)).text).toBe('What React holds');
    });

    test(`${box.name}: a synthetic paste inserts nothing into a textarea`, async () => {
      const page = await session().tab();
      const element = await openBox(page, box);
      await typeInto(page, box, element, 'Before the paste. ');
      await expect.poll(() => readState(page, box)).toBe('Before the paste. ');
      // typeInto's 'paste': a ClipboardEvent built in the page with a DataTransfer. An untrusted
      // paste event has no default action, and React's textarea has no paste handler.
      await typeInto(page, box, element, 'Pasted text', 'paste');
      await settle(page);
      expect(await readState(page, box)).toBe('Before the paste. ');
      expect(await textareaValue(element)).toBe('Before the paste. ');
    });
  });
}

describe('telling a reply from a quote', () => {
  for (const [reply, layout] of [
    [X_REPLY, 'desktop'],
    [X_NARROW_REPLY, 'mobile'],
  ] as const) {
    test(`${reply.name}: the ${layout} reply dialog shows the post replied to (author above it) first, and no quoted post`, async () => {
      const page = await session().tab();
      const element = await openBox(page, reply);
      const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
      expect(await dialog.locator('#modal-header').textContent()).toBe('Reply');
      const firstText = dialog.locator('[data-testid="tweetText"]').first();
      expect(await firstText.textContent()).toBe(FIRST_POST.text);
      const author = dialog.locator('[data-testid="User-Name"]').first();
      expect(await author.textContent()).toContain(FIRST_POST.author);
      expect(await precedes(author, firstText)).toBe(true);
      expect(await precedes(firstText, element)).toBe(true);
      expect(await dialog.locator('[data-testid="quoteTweet"]').count()).toBe(0);
      expect(await dialog.locator('[data-testid="tweetText"]').count()).toBe(1);
    });
  }

  for (const [quote, layout] of [
    [X_QUOTE, 'desktop'],
    [X_NARROW_QUOTE, 'mobile'],
  ] as const) {
    test(`${quote.name}: the ${layout} quote dialog embeds the quoted post in the composer, between the box and Post`, async () => {
      const page = await session().tab();
      const element = await openBox(page, quote);
      const dialog = page.locator('[role="dialog"][aria-labelledby="modal-header"]');
      expect(await dialog.locator('#modal-header').textContent()).toBe('Quote');
      const card = dialog.locator('[data-testid="quoteTweet"]');
      expect(await card.count()).toBe(1);
      expect(await card.locator('[data-testid="tweetText"]').textContent()).toBe(FIRST_POST.text);
      // The dialog's first tweetText is the quoted one, inside the card: "first tweetText is the
      // post replied to" holds only where there is no quoteTweet.
      expect(
        await dialog
          .locator('[data-testid="tweetText"]')
          .first()
          .evaluate((node) => node.closest('[data-testid="quoteTweet"]') !== null),
      ).toBe(true);
      const postButton = dialog.locator('[data-testid="tweetButton"]');
      expect(await precedes(element, card)).toBe(true);
      expect(await precedes(card, postButton)).toBe(true);
    });
  }
});

async function precedes(first: Locator, second: Locator): Promise<boolean> {
  const handle = await second.elementHandle();
  return first.evaluate(
    (node, other) =>
      other !== null &&
      (node.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    handle,
  );
}

describe("a post's own page", () => {
  test(`${X_STATUS_URL} shows the post, then the inline reply box in inline_reply_offscreen`, async () => {
    const page = await session().tab();
    const element = await openBox(page, X_INLINE_REPLY);
    const post = page.locator('[data-testid="primaryColumn"] article[data-testid="tweet"]');
    expect(await post.count()).toBe(1);
    expect(await post.locator('[data-testid="tweetText"]').textContent()).toBe(FIRST_POST.text);
    // The selector other tools use for the post a status page is about.
    const focal = page.locator('article:has(+ [data-testid="inline_reply_offscreen"])');
    expect(await focal.locator('[data-testid="tweetText"]').textContent()).toBe(FIRST_POST.text);
    const inline = page.locator('[data-testid="inline_reply_offscreen"]');
    expect(await inline.locator('[data-testid="tweetButtonInline"]').count()).toBe(1);
    expect(await element.evaluate((node) => node.closest('[role="dialog"]'))).toBeNull();
    expect(await boxNames(page)).toEqual(['x-inline-reply']);
  });

  test("a post's time link opens its page by client-side navigation, with the inline reply box", async () => {
    const page = await session().tab();
    await openFixture(page, SITE_URLS.x);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.locator('[data-testid="tweet"] a:has(time)').first().click();
    await page.waitForURL(X_STATUS_URL);
    await X_INLINE_REPLY.open(page);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    expect(await boxNames(page)).toEqual(['x-inline-reply']);
  });

  test('an unknown post shows an error, and no compose box', async () => {
    const page = await session().tab();
    await openFixture(page, 'https://x.com/acme/status/999');
    await page.locator('[data-testid="error-detail"]').waitFor();
    expect(await boxNames(page)).toEqual([]);
  });
});

describe('crossing the 500 px breakpoint', () => {
  test('x-home: a resize swaps Draft.js for the textarea and back, and the draft goes along', async () => {
    const page = await session().tab();
    const draftBox = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, draftBox, 'Started on a wide window');
    await expect.poll(() => readState(page, X_HOME)).toBe('Started on a wide window');

    await page.setViewportSize(NARROW_VIEWPORT);
    const textarea = page.locator(
      '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"] textarea',
    );
    await textarea.waitFor();
    expect(await boxNames(page)).toEqual(['x-narrow-home']);
    expect(await page.locator('.DraftEditor-root').count()).toBe(0);
    expect(await readState(page, X_NARROW_HOME)).toBe('Started on a wide window');
    expect(await textareaValue(textarea)).toBe('Started on a wide window');

    await typeInto(page, X_NARROW_HOME, textarea, ', finished on a phone');
    const whole = 'Started on a wide window, finished on a phone';
    await expect.poll(() => readState(page, X_NARROW_HOME)).toBe(whole);

    await page.setViewportSize(DESKTOP_VIEWPORT);
    await draftBox.waitFor();
    expect(await boxNames(page)).toEqual(['x-home']);
    expect(await textarea.count()).toBe(0);
    expect(await readState(page, X_HOME)).toBe(whole);
    expect((await submitAndRead(page, X_HOME, draftBox)).text).toBe(whole);
  });

  test('x-reply: the dialog stays open across a resize and its box changes editor', async () => {
    const page = await session().tab();
    const draftBox = await openBox(page, X_REPLY);
    await typeInto(page, X_REPLY, draftBox, 'A reply');
    await page.setViewportSize(NARROW_VIEWPORT);
    const textarea = page.locator('[role="dialog"] [data-testid="tweetTextarea_0"] textarea');
    await textarea.waitFor();
    expect(await readState(page, X_NARROW_REPLY)).toBe('A reply');
    // Every composer on the page switches: the timeline's under the dialog too.
    expect((await boxNames(page)).sort()).toEqual(['x-narrow-home', 'x-narrow-reply']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type(' from a phone');
    await expect.poll(() => readState(page, X_NARROW_REPLY)).toBe('A reply from a phone');
    expect((await submitAndRead(page, X_NARROW_REPLY, textarea)).text).toBe('A reply from a phone');
  });
});
