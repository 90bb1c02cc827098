// Driving a fixture's compose box as a user does (real key presses by default) and reading back
// what its editor holds, through the page's `window.__postguardFixture` (the editor's own API).
import type { Locator, Page } from 'playwright-core';
import type { FixturePost, FixtureWindow } from '../../fixtures/src/shared/recorder';
import type { ComposeBoxFixture } from './boxes';

export type { FixturePost };

/**
 * How text gets into a box:
 * - `keys`: one key press per character, as a person types (the default, and the slowest);
 * - `insert`: each line inserted at once, as an IME or dictation commits text (long texts);
 * - `paste`: one synthetic `paste` event carrying the text, as Postguard's own fixes insert text.
 */
export type TypingMethod = 'keys' | 'insert' | 'paste';

/** Loads a fixture page at its real URL and waits until its fixture API is there. */
export async function openFixture(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => '__postguardFixture' in window);
}

/** Loads the box's page afresh and reveals the box. */
export async function openBox(page: Page, fixture: ComposeBoxFixture): Promise<Locator> {
  await openFixture(page, fixture.url);
  return fixture.open(page);
}

async function paste(box: Locator, text: string): Promise<void> {
  await box.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    // The focused element, followed into open shadow roots (LinkedIn's share box).
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    (target ?? element).dispatchEvent(event);
  }, text);
}

/**
 * Types text at the end of the box. A "\n" becomes the box's new-line key (Shift+Enter in a
 * Facebook comment, where Enter would post), except with `paste`, which carries it as text.
 */
export async function typeInto(
  page: Page,
  fixture: ComposeBoxFixture,
  box: Locator,
  text: string,
  method: TypingMethod = 'keys',
): Promise<void> {
  await box.click();
  await page.keyboard.press('Control+End');
  if (method === 'paste') return paste(box, text);
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press(fixture.newLineKey);
    if (line === '') continue;
    if (method === 'keys') await page.keyboard.type(line);
    else await page.keyboard.insertText(line);
  }
}

/** The text the box's editor holds now, read through the editor's own API. */
export async function readState(page: Page, fixture: ComposeBoxFixture): Promise<string> {
  return page.evaluate(
    (name) => (window as unknown as FixtureWindow).__postguardFixture.state(name),
    fixture.name,
  );
}

/** Everything posted on this page since it loaded, oldest first. */
export async function readPosts(page: Page): Promise<FixturePost[]> {
  return page.evaluate(() => (window as unknown as FixtureWindow).__postguardFixture.posts);
}

/** Posts the box as a user would and returns what the site recorded. */
export async function submitAndRead(
  page: Page,
  fixture: ComposeBoxFixture,
  box: Locator,
): Promise<FixturePost> {
  const before = (await readPosts(page)).length;
  await fixture.submit(page, box);
  await page.waitForFunction(
    (count) => (window as unknown as FixtureWindow).__postguardFixture.posts.length > count,
    before,
  );
  const post = (await readPosts(page))[before];
  if (!post) throw new Error(`No post recorded after submitting ${fixture.name}`);
  return post;
}
