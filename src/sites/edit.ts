import type { Edit } from '@/src/core/findings';
import type { ComposeBox } from './types';
import { TextModel } from './text-model';

/** Resolves after the browser has told the editor about the new selection. */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', onChange);
      // Editors read the selection in their own selectionchange handlers (Quill defers
      // to a timeout); one more task lets those run before the paste arrives.
      setTimeout(resolve, 0);
    };
    const onChange = () => finish();
    doc.addEventListener('selectionchange', onChange);
    setTimeout(finish, 50);
  });
}

function pasteText(target: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
}

/** Puts the caret or selection on `[start, end)` of the box's text. */
export async function selectRange(box: ComposeBox, start: number, end: number): Promise<boolean> {
  const doc = box.element.ownerDocument;
  const model = TextModel.read(box.element, box.driver);
  const range = model.rangeOf(start, end);
  const selection = doc.getSelection();
  if (!range || !selection) return false;
  if (doc.activeElement !== box.element) box.element.focus({ preventScroll: true });
  const settled = selectionSettled(doc);
  selection.removeAllRanges();
  selection.addRange(range);
  await settled;
  return true;
}

/**
 * Replaces `[start, end)` with `text` the way a person's paste would arrive, so the editor's
 * own state takes the change, the site's Post button sends it, and Ctrl+Z undoes it.
 */
export async function replaceRange(
  box: ComposeBox,
  start: number,
  end: number,
  text: string,
): Promise<boolean> {
  if (!(await selectRange(box, start, end))) return false;
  if (text.length > 0) pasteText(box.element, text);
  else if (end > start) box.driver.deleteSelection(box.element);
  return true;
}

/** Applies a suggestion's edits, last first, so earlier offsets stay valid. */
export async function applyEdits(box: ComposeBox, edits: readonly Edit[]): Promise<boolean> {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of ordered) {
    if (!(await replaceRange(box, edit.start, edit.end, edit.text))) return false;
  }
  return true;
}

/** Inserts text at the caret (or at the end when the box has no caret). */
export async function insertText(box: ComposeBox, text: string): Promise<boolean> {
  const doc = box.element.ownerDocument;
  const model = TextModel.read(box.element, box.driver);
  const selection = doc.getSelection();
  let at = model.text.length;
  if (selection && selection.rangeCount > 0 && box.element.contains(selection.anchorNode)) {
    at = model.offsetOf(selection.anchorNode!, selection.anchorOffset) ?? at;
  }
  const needsSpace = at > 0 && !/\s$/.test(model.text.slice(0, at)) && !/^\s/.test(text);
  return replaceRange(box, at, at, needsSpace ? ` ${text}` : text);
}
