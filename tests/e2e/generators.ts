// Shared end-to-end tests, each a function that registers one test for one compose box or site:
// a behaviour is written once here and applied to every editor (Draft.js, Lexical, Quill), so a
// new box in support/boxes.ts, or a new site, is covered by all of them at once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  OVERLAY_HOST_TAG,
  SITE_URLS,
  evaluateInExtensionWorld,
  extensionWorldIds,
  launchWithExtension,
  openBox,
  openFixture,
  readPosts,
  readState,
  submitAndRead,
  typeInto,
  waitForOverlay,
} from './harness';
import type { ComposeBoxFixture, ExtensionSession, LaunchOptions, SiteName } from './harness';

/**
 * One browser with the extension for the whole test file: launched before the file's first
 * test, closed after its last. Returns the getter tests call.
 */
export function useExtensionSession(options: LaunchOptions = {}): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The extension session is not running (beforeAll failed?)');
    return session;
  };
}

/** A post of exactly `length` characters, in words, so editors wrap it as they would prose. */
export function longPost(length: number): string {
  const sentence = 'Postguard reads every word of a long post before it goes out. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

export function testContentScriptInjected(session: () => ExtensionSession, site: SiteName): void {
  test(`${site}: the extension's content script runs at ${SITE_URLS[site]}`, async () => {
    const { extensionId } = session();
    const page = await session().tab();
    await openFixture(page, SITE_URLS[site]);
    await waitForOverlay(page);
    // The page runs one isolated world of the extension's: its content script, which sees the
    // overlay host and its own extension id.
    expect(await extensionWorldIds(page, extensionId)).toHaveLength(1);
    const seen = await evaluateInExtensionWorld<{ id: string; host: boolean }>(
      page,
      extensionId,
      `({ id: chrome.runtime.id, host: document.querySelector('${OVERLAY_HOST_TAG}')?.shadowRoot != null })`,
    );
    expect(seen).toEqual({ id: extensionId, host: true });
  });
}

export function testTypesAndPosts(session: () => ExtensionSession, box: ComposeBoxFixture): void {
  test(`${box.name}: typed text is in the ${box.editor} editor's state and is what gets posted`, async () => {
    const page = await session().tab();
    const element = await openBox(page, box);
    const text = 'Typed by a person, one key at a time.';
    await typeInto(page, box, element, text);
    await expect.poll(() => readState(page, box)).toBe(text);
    const post = await submitAndRead(page, box, element);
    expect(post).toMatchObject({ box: box.name, text });
  });
}

export function testMultilinePost(session: () => ExtensionSession, box: ComposeBoxFixture): void {
  test(`${box.name}: ${box.newLineKey} starts a new line without posting`, async () => {
    const page = await session().tab();
    const element = await openBox(page, box);
    const text = 'First line\nSecond line';
    await typeInto(page, box, element, text);
    await expect.poll(() => readState(page, box)).toBe(text);
    expect(await readPosts(page)).toEqual([]);
    expect((await submitAndRead(page, box, element)).text).toBe(text);
  });
}

export function testLongPost(session: () => ExtensionSession, box: ComposeBoxFixture): void {
  test(`${box.name}: a 3,000-character post goes through whole`, async () => {
    const page = await session().tab();
    const element = await openBox(page, box);
    const text = longPost(3000);
    await typeInto(page, box, element, text, 'insert');
    await expect.poll(() => readState(page, box)).toBe(text);
    expect((await submitAndRead(page, box, element)).text).toBe(text);
  });
}

export function testPastedText(session: () => ExtensionSession, box: ComposeBoxFixture): void {
  test(`${box.name}: a synthetic paste lands in the editor's state`, async () => {
    const page = await session().tab();
    const element = await openBox(page, box);
    const text = 'Pasted, not typed.\nWith a second line.';
    await typeInto(page, box, element, text, 'paste');
    await expect.poll(() => readState(page, box)).toBe(text);
    expect((await submitAndRead(page, box, element)).text).toBe(text);
  });
}
