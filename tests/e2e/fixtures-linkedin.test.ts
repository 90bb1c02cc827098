// The LinkedIn fixture reproduces what the extension must cope with on LinkedIn today, on both
// front ends: Quill 1.3.7 (which ignores a synthetic paste's data) in the newer front end's
// shadow-root share box and in the Ember pages' boxes, and TipTap 3 (ProseMirror) in the newer
// front end's comments. Every assertion reads the editor's own state, never the DOM's text.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchWithExtension,
  openBox,
  openFixture,
  readState,
  submitAndRead,
  typeInto,
} from './harness';
import type { ComposeBoxFixture, ExtensionSession } from './harness';
import {
  LINKEDIN_BOXES,
  LINKEDIN_EMBER_COMMENT,
  LINKEDIN_EMBER_POST,
  LINKEDIN_EMBER_REPLY,
  LINKEDIN_SHARE_SHADOW,
  LINKEDIN_TIPTAP_COMMENT,
  LINKEDIN_TIPTAP_REPLY,
} from './support/boxes-linkedin';

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

/** Quill 1's and ProseMirror's history start a new undo step after this long without a change. */
const UNDO_GROUP_PAUSE_MS = 1100;

/**
 * Selects `word` in the box's text the way the extension's drivers do: a DOM range set through
 * `document.getSelection().setBaseAndExtent()`, which in Chromium also works on nodes inside an
 * open shadow root. Returns what the selection reads as.
 */
function selectWord(box: Locator, word: string): Promise<string> {
  return box.evaluate((element, target) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const at = text.data.indexOf(target);
      if (at < 0) continue;
      document.getSelection()?.setBaseAndExtent(text, at, text, at + target.length);
      return document.getSelection()?.toString() ?? '';
    }
    throw new Error(`"${target}" is not in the box`);
  }, word);
}

/** Dispatches a synthetic paste carrying text/plain on the editor element itself. */
function dispatchPaste(box: Locator, text: string): Promise<boolean> {
  return box.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    element.dispatchEvent(event);
    return event.defaultPrevented;
  }, text);
}

/** `document.execCommand('insertText')` over the current selection, as the drivers insert text. */
function execInsertText(box: Locator, text: string): Promise<boolean> {
  return box.evaluate(
    (_element, inserted) => document.execCommand('insertText', false, inserted),
    text,
  );
}

async function typeHelloWorld(page: Page, box: ComposeBoxFixture, element: Locator): Promise<void> {
  await typeInto(page, box, element, 'hello world');
  await expect.poll(() => readState(page, box)).toBe('hello world');
}

function testTypesAndPosts(box: ComposeBoxFixture): void {
  test('typed text is in the editor state and is what the site posts', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeInto(page, box, element, 'Proud of the team this quarter');
    await expect.poll(() => readState(page, box)).toBe('Proud of the team this quarter');
    const posted = await submitAndRead(page, box, element);
    expect(posted).toMatchObject({ box: box.name, text: 'Proud of the team this quarter' });
  });

  test('Enter and Shift+Enter start new lines that read back as "\\n"', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await element.click();
    await page.keyboard.type('one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('three');
    await expect.poll(() => readState(page, box)).toBe('one\ntwo\nthree');
    expect((await submitAndRead(page, box, element)).text).toBe('one\ntwo\nthree');
  });
}

function testQuill1(box: ComposeBoxFixture): void {
  test('Quill 1 put its instance on the container and a hidden .ql-clipboard beside the editor', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    const found = await element.evaluate((editor) => {
      const container = editor.parentElement as (HTMLElement & { __quill?: unknown }) | null;
      return {
        instance: container?.__quill !== undefined,
        clipboard:
          container?.querySelector(':scope > .ql-clipboard[contenteditable="true"]') != null,
      };
    });
    expect(found).toEqual({ instance: true, clipboard: true });
  });

  test('a synthetic paste over a selected word deletes the word and inserts nothing', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    expect(await selectWord(element, 'world')).toBe('world');
    // Quill 1 does not cancel the event: it moves focus to .ql-clipboard for the browser's
    // native paste to fill, and a millisecond later turns that (empty) clipboard into a delta
    // that replaces the selection.
    expect(await dispatchPaste(element, 'there')).toBe(false);
    await expect.poll(() => readState(page, box)).toBe('hello ');
    await page.waitForTimeout(100);
    expect(await readState(page, box)).toBe('hello ');
  });

  test("execCommand('insertText') over a selection reaches Quill's model, and Ctrl+Z undoes it", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    await page.waitForTimeout(UNDO_GROUP_PAUSE_MS);
    await selectWord(element, 'world');
    expect(await execInsertText(element, 'there')).toBe(true);
    // Quill reads DOM changes back through a MutationObserver: its model follows a moment later.
    await expect.poll(() => readState(page, box)).toBe('hello there');
    await page.keyboard.press('Control+z');
    await expect.poll(() => readState(page, box)).toBe('hello world');
  });
}

function testTipTap(box: ComposeBoxFixture): void {
  test("setting a text node's data reaches ProseMirror's state only after its DOM observer runs", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    const readInSameTask = await element.evaluate((editor, name) => {
      const text = editor.querySelector('p')?.firstChild;
      if (!(text instanceof Text)) throw new Error('no text node in the first paragraph');
      text.data = 'hello DOM';
      const fixture = (window as unknown as { __postguardFixture: { state(box: string): string } })
        .__postguardFixture;
      return fixture.state(name);
    }, box.name);
    expect(readInSameTask).toBe('hello world');
    // ProseMirror's MutationObserver then parses the changed text back into the document.
    await expect.poll(() => readState(page, box)).toBe('hello DOM');
  });

  test("execCommand('insertText') over a selection reaches the state, and Ctrl+Z undoes it", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    await page.waitForTimeout(UNDO_GROUP_PAUSE_MS);
    await selectWord(element, 'world');
    expect(await execInsertText(element, 'there')).toBe(true);
    await expect.poll(() => readState(page, box)).toBe('hello there');
    await page.keyboard.press('Control+z');
    await expect.poll(() => readState(page, box)).toBe('hello world');
  });

  test("a synthetic paste uses ProseMirror's selection, which follows the DOM's on selectionchange", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    // Dispatched in the same task as the selection: ProseMirror still has the caret at the end.
    await element.evaluate((editor) => {
      const text = editor.querySelector('p')?.firstChild as Text;
      document.getSelection()?.setBaseAndExtent(text, 6, text, 11);
      const data = new DataTransfer();
      data.setData('text/plain', 'there');
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => readState(page, box)).toBe('hello worldthere');
    // After selectionchange has run, the same paste replaces the selected word.
    await selectWord(element, 'worldthere');
    await page.waitForTimeout(50);
    expect(await dispatchPaste(element, 'there')).toBe(true);
    await expect.poll(() => readState(page, box)).toBe('hello there');
  });
}

describe('every LinkedIn box', () => {
  for (const box of LINKEDIN_BOXES) {
    describe(box.name, () => {
      testTypesAndPosts(box);
      if (box.editor === 'quill') testQuill1(box);
      if (box.editor === 'tiptap') testTipTap(box);
    });
  }
});

/** A selection's ends as each API reports them: a text node by its data and offset, a place
 * retargeted out of the shadow root by where it is relative to the host. */
interface SelectionView {
  document: string;
  documentText: string;
  shadowRoot: string;
  composedWithShadowRoot: string;
  composedWithoutShadowRoots: string;
  quill: { index: number; length: number } | null;
}

type SelectBy = 'already selected' | 'document.getSelection()' | 'shadowRoot.getSelection()';

/** Optionally selects "world" in the shadow box's first line, then reads every selection API. */
function viewSelection(box: Locator, selectBy: SelectBy): Promise<SelectionView> {
  return box.evaluate((editor, how) => {
    const root = editor.getRootNode() as ShadowRoot & { getSelection(): Selection | null };
    const text = editor.querySelector('p')?.firstChild as Text;
    if (how === 'document.getSelection()')
      document.getSelection()?.setBaseAndExtent(text, 6, text, 11);
    if (how === 'shadowRoot.getSelection()')
      root.getSelection()?.setBaseAndExtent(text, 6, text, 11);
    const host = root.host;
    // A retargeted end is a place in the host's parent: say where it is relative to the host.
    const end = (node: Node | null, offset: number) => {
      if (node instanceof Text) return `"${node.data}":${offset}`;
      if (node?.childNodes[offset] === host) return 'before host';
      if (node?.childNodes[offset - 1] === host) return 'after host';
      return `${node?.nodeName ?? 'null'}:${offset}`;
    };
    const ends = (a: Node | null, aOffset: number, b: Node | null, bOffset: number) =>
      `${end(a, aOffset)}-${end(b, bOffset)}`;
    const ofSelection = (selection: Selection | null) =>
      selection
        ? ends(
            selection.anchorNode,
            selection.anchorOffset,
            selection.focusNode,
            selection.focusOffset,
          )
        : 'null';
    const ofRange = (range: StaticRange | undefined) =>
      range
        ? ends(range.startContainer, range.startOffset, range.endContainer, range.endOffset)
        : 'none';
    const selection = document.getSelection();
    const container = editor.parentElement as HTMLElement & {
      __quill: { getSelection(): { index: number; length: number } | null };
    };
    return {
      document: ofSelection(selection),
      documentText: selection?.toString() ?? '',
      shadowRoot: ofSelection(root.getSelection()),
      composedWithShadowRoot: ofRange(selection?.getComposedRanges({ shadowRoots: [root] })[0]),
      composedWithoutShadowRoots: ofRange(selection?.getComposedRanges()[0]),
      quill: container.__quill.getSelection(),
    };
  }, selectBy);
}

/** Records the ranges of Quill's `selection-change` events from now on. */
function watchSelectionChanges(box: Locator): Promise<void> {
  return box.evaluate((editor) => {
    const seen: unknown[] = [];
    (window as unknown as { __selectionChanges: unknown[] }).__selectionChanges = seen;
    const quill = (
      editor.parentElement as HTMLElement & {
        __quill: { on(event: string, handler: (range: unknown) => void): void };
      }
    ).__quill;
    quill.on('selection-change', (range) => seen.push(range));
  });
}

function readSelectionChanges(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () => (window as unknown as { __selectionChanges: unknown[] }).__selectionChanges,
  );
}

describe("linkedin-post: the share box inside #interop-outlet's open shadow root", () => {
  const box = LINKEDIN_SHARE_SHADOW;

  test('Post stays disabled until Quill holds text', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    const postButton = page.locator(
      '[data-test-modal-id="sharebox"] button.share-actions__primary-action',
    );
    expect(await postButton.isDisabled()).toBe(true);
    await typeInto(page, box, element, 'x');
    await expect.poll(() => postButton.isDisabled()).toBe(false);
    await page.keyboard.press('Backspace');
    await expect.poll(() => postButton.isDisabled()).toBe(true);
  });

  test('document.querySelectorAll does not see the editor; the shadow root does', async () => {
    const page = await tab();
    await openBox(page, box);
    const counts = await page.evaluate(() => ({
      document: document.querySelectorAll('.ql-editor').length,
      shadowRoot:
        document.querySelector('#interop-outlet')?.shadowRoot?.querySelectorAll('.ql-editor')
          .length ?? 0,
      dialogInDocument: document.querySelectorAll('[data-test-modal-id="sharebox"]').length,
    }));
    expect(counts).toEqual({ document: 0, shadowRoot: 1, dialogInDocument: 0 });
  });

  test('a focused editor is the host to the document and the editor to its shadow root', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await element.click();
    const focus = await element.evaluate((editor) => {
      const host = document.querySelector('#interop-outlet');
      return {
        documentActiveIsHost: document.activeElement === host,
        shadowActiveIsEditor: host?.shadowRoot?.activeElement === editor,
      };
    });
    expect(focus).toEqual({ documentActiveIsHost: true, shadowActiveIsEditor: true });
  });

  test('a word selected with the keyboard: document.getSelection() is retargeted to <body>', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    expect(await viewSelection(element, 'already selected')).toEqual({
      document: 'before host-before host',
      documentText: 'world',
      shadowRoot: '"hello world":11-"hello world":6',
      composedWithShadowRoot: '"hello world":6-"hello world":11',
      composedWithoutShadowRoots: 'before host-after host',
      quill: { index: 6, length: 5 },
    });
  });

  test('document.getSelection().setBaseAndExtent() with nodes inside selects the word', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    expect(await viewSelection(element, 'document.getSelection()')).toEqual({
      document: '"hello world":6-"hello world":11',
      documentText: 'world',
      shadowRoot: '"hello world":6-"hello world":11',
      composedWithShadowRoot: '"hello world":6-"hello world":11',
      composedWithoutShadowRoots: 'before host-after host',
      quill: { index: 6, length: 5 },
    });
  });

  test('shadowRoot.getSelection().setBaseAndExtent() selects the word too', async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    expect(await viewSelection(element, 'shadowRoot.getSelection()')).toEqual({
      document: 'before host-before host',
      documentText: 'world',
      shadowRoot: '"hello world":6-"hello world":11',
      composedWithShadowRoot: '"hello world":6-"hello world":11',
      composedWithoutShadowRoots: 'before host-after host',
      quill: { index: 6, length: 5 },
    });
  });

  test("Quill's stylesheet applies inside the shadow root", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    const styles = await element.evaluate((editor) => {
      const clipboard = editor.parentElement?.querySelector('.ql-clipboard');
      return {
        editorWhiteSpace: getComputedStyle(editor).whiteSpace,
        clipboardPosition: clipboard ? getComputedStyle(clipboard).position : 'missing',
        clipboardLeft: clipboard ? getComputedStyle(clipboard).left : 'missing',
      };
    });
    expect(styles).toEqual({
      editorWhiteSpace: 'pre-wrap',
      clipboardPosition: 'absolute',
      clipboardLeft: '-100000px',
    });
  });

  test('?composer=open opens the share box in the shadow root on load', async () => {
    const page = await tab();
    await openFixture(page, `${box.url}?composer=open`);
    await page
      .locator('#interop-outlet [data-test-modal-id="sharebox"] .ql-editor[role="textbox"]')
      .waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.querySelectorAll('[role="dialog"]').length)).toBe(0);
  });

  test("with the selection fix, moving the caret emits Quill's selection-change", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    await watchSelectionChanges(element);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => readSelectionChanges(page)).toContainEqual({ index: 10, length: 0 });
  });

  test("typeInto's 'paste' dispatches on document.activeElement, the host: Quill never sees it", async () => {
    const page = await tab();
    const element = await openBox(page, box);
    await typeHelloWorld(page, box, element);
    await typeInto(page, box, element, ' again', 'paste');
    await page.waitForTimeout(100);
    expect(await readState(page, box)).toBe('hello world');
  });

  test('left to itself (?shadow-selection-fix=off), Quill 1 never finds its selection', async () => {
    const page = await tab();
    await openFixture(page, `${box.url}?shadow-selection-fix=off`);
    const element = await box.open(page);
    await element.click();
    await page.keyboard.type('one');
    await watchSelectionChanges(element);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('End');
    // Quill's keyboard bindings need quill.getSelection(): Shift+Enter falls through to Chromium,
    // which puts a raw "\n" into the paragraph's text instead of starting a new line of Quill's.
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('two');
    const seen = await element.evaluate((editor) => {
      const quill = (
        editor.parentElement as HTMLElement & {
          __quill: { getSelection(): unknown; hasFocus(): boolean };
        }
      ).__quill;
      return {
        quillSelection: quill.getSelection(),
        quillHasFocus: quill.hasFocus(),
        shadowActiveIsEditor: (editor.getRootNode() as ShadowRoot).activeElement === editor,
        paragraphs: Array.from(editor.querySelectorAll('p'), (p) => p.textContent),
      };
    });
    expect(await readSelectionChanges(page)).toEqual([]);
    expect(seen).toEqual({
      quillSelection: null,
      quillHasFocus: false,
      shadowActiveIsEditor: true,
      paragraphs: ['one\ntwo'],
    });
  });
});

describe('the comment boxes as each front end builds them', () => {
  test('newer front end: a TipTap box with no <form>, its submit disabled while empty', async () => {
    const page = await tab();
    const element = await openBox(page, LINKEDIN_TIPTAP_COMMENT);
    const submit = page.locator('button[data-view-name="comment-post"]');
    expect(await element.evaluate((editor) => editor.closest('form') === null)).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await typeInto(page, LINKEDIN_TIPTAP_COMMENT, element, 'Congratulations');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submitAndRead(page, LINKEDIN_TIPTAP_COMMENT, element);
    // Posted: the comment is listed with its Reply, and the box is empty again.
    await page
      .locator('[data-view-name="comment-container"]', { hasText: 'Congratulations' })
      .locator('button[data-view-name="comment-reply"]')
      .waitFor();
    expect(await readState(page, LINKEDIN_TIPTAP_COMMENT)).toBe('');
    expect(await submit.isDisabled()).toBe(true);
  });

  test('newer front end: the reply box is inside the comment replied to', async () => {
    const page = await tab();
    const element = await openBox(page, LINKEDIN_TIPTAP_REPLY);
    const inside = await element.evaluate(
      (editor) =>
        editor
          .closest('[data-view-name="comment-container"]')
          ?.querySelector('button[data-view-name="comment-reply-post"]') != null,
    );
    expect(inside).toBe(true);
  });

  test('Ember pages: a form whose submit carries only the --cr class, disabled while empty', async () => {
    const page = await tab();
    const element = await openBox(page, LINKEDIN_EMBER_COMMENT);
    const submit = await element.evaluate((editor) => {
      const form = editor.closest('form.comments-comment-box__form');
      const button = form?.querySelector('button[type="submit"]');
      return {
        inWrapper: form?.parentElement?.classList.contains('comments-comment-box--cr') ?? false,
        hasCrClass: button?.classList.contains('comments-comment-box__submit-button--cr') ?? false,
        hasBareClass: button?.classList.contains('comments-comment-box__submit-button') ?? true,
        disabled: (button as HTMLButtonElement | null)?.disabled ?? false,
      };
    });
    expect(submit).toEqual({
      inWrapper: true,
      hasCrClass: true,
      hasBareClass: false,
      disabled: true,
    });
  });

  test('Ember pages: the reply box is inside the comment article replied to', async () => {
    const page = await tab();
    const element = await openBox(page, LINKEDIN_EMBER_REPLY);
    const inside = await element.evaluate(
      (editor) =>
        editor
          .closest('article.comments-comment-entity')
          ?.querySelector(
            'form.comments-comment-box__form .comments-comment-box__submit-button--cr',
          ) != null,
    );
    expect(inside).toBe(true);
  });

  test('Ember pages: ?composer=open opens the artdeco share modal, not in a shadow root', async () => {
    const page = await tab();
    await openFixture(page, `${LINKEDIN_EMBER_POST.url}&composer=open`);
    await page
      .locator(
        '#artdeco-modal-outlet [role="dialog"] .share-creation-state__text-editor .ql-editor',
      )
      .waitFor({ state: 'visible' });
    const found = await page.evaluate(() => ({
      inDocument: document.querySelectorAll('#artdeco-modal-outlet .ql-editor').length,
      interopOutlet: document.querySelector('#interop-outlet') !== null,
    }));
    expect(found).toEqual({ inDocument: 1, interopOutlet: false });
  });
});
