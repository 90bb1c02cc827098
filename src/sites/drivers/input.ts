// The ways text reaches an editor as a person's input would, shared by the drivers. Each editor
// takes some of them into its state and not others (see sites.md and the README's driver table):
// the driver picks.
import { TextModel, type BlockLayout } from '../text-model';
import { deepActiveElement, selectionFor } from '../dom';

/** Resolves after the browser has told the editor about the new selection. */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', onChange);
      // Editors read the selection in their own selectionchange handlers (Quill defers to a
      // timeout); one more task lets those run before the input arrives.
      setTimeout(resolve, 0);
    };
    const onChange = () => finish();
    doc.addEventListener('selectionchange', onChange);
    setTimeout(finish, 50);
  });
}

/** Puts the caret or selection on `[start, end)` of a contenteditable box's text. */
export async function selectText(
  box: HTMLElement,
  layout: BlockLayout,
  start: number,
  end: number,
): Promise<boolean> {
  const doc = box.ownerDocument;
  const range = TextModel.read(box, layout).rangeOf(start, end);
  const selection = selectionFor(box);
  if (!range || !selection) return false;
  if (deepActiveElement(doc) !== box) box.focus({ preventScroll: true });
  const settled = selectionSettled(doc);
  // setBaseAndExtent, not addRange: Chromium takes nodes inside a shadow root this way.
  selection.setBaseAndExtent(
    range.startContainer,
    range.startOffset,
    range.endContainer,
    range.endOffset,
  );
  await settled;
  return true;
}

/** Firefox's view of the page's own objects from a content script (absent in Chromium). */
type PageWindow = Window & typeof globalThis;
type FirefoxContentWindow = Window & { wrappedJSObject?: PageWindow };
declare const cloneInto:
  | (<T>(value: T, target: object, options?: { wrapReflectors?: boolean }) => T)
  | undefined;

/**
 * A synthetic paste: Draft.js and Lexical take its `text/plain` into their state, blank lines
 * included. Quill 1 does not (it waits for the browser's own paste into `.ql-clipboard`).
 *
 * In Firefox the same event reaches the page's handlers with no text: Gecko's ClipboardEventInit
 * has no `clipboardData`, and data the content script sets is not the page's to read. There the
 * event is made by the page's own constructor from `dataType` and `data`. Chromium's isolated
 * worlds share DOM objects with the page, so the standard event works as it is.
 */
export function pasteText(target: HTMLElement, text: string): void {
  const view = target.ownerDocument.defaultView as FirefoxContentWindow | null;
  const pageWindow = view?.wrappedJSObject;
  if (pageWindow && typeof cloneInto === 'function') {
    // Gecko's ClipboardEventInit takes `dataType` and `data` (it ignores `clipboardData`).
    const args = cloneInto(
      ['paste', { dataType: 'text/plain', data: text, bubbles: true, cancelable: true }],
      pageWindow,
    );
    // Constructed by the page's own Reflect, so the data belongs to the page and its handlers
    // may read it; called from here, the data would carry the extension's principal and read
    // as empty there.
    target.dispatchEvent(pageWindow.Reflect.construct(pageWindow.ClipboardEvent, args));
    return;
  }
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
}

/**
 * The browser's own editing commands: they fire trusted `beforeinput` and `input` events, change
 * the DOM as typing would, and land on the undo stack. Editors that reconcile from the DOM (Quill,
 * ProseMirror) read the change back; a line break is a new paragraph, as Enter makes.
 */
export function typeByCommand(doc: Document, text: string): void {
  if (text === '') {
    doc.execCommand('delete', false);
    return;
  }
  text.split('\n').forEach((line, index) => {
    if (index > 0) doc.execCommand('insertParagraph', false);
    if (line !== '') doc.execCommand('insertText', false, line);
  });
}

export function deleteByCommand(doc: Document): void {
  doc.execCommand('delete', false);
}
