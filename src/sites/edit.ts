// Changing a compose box's text on the person's behalf (a fix, approved content) through its
// editor's driver, and making sure no character is lost: the result is read back, and when the
// editor did not take the change as asked, the text as it was is put back.
import type { Edit } from '@/src/core/findings';
import { applyTextEdits } from '@/src/core/edits';
import type { ComposeBox } from './types';

/** How an edit went. `restored` says whether the person's text is as it was before. */
export type EditOutcome =
  | { ok: true; text: string }
  | { ok: false; reason: 'not-taken' | 'no-box'; restored: boolean; text: string };

/** Editors apply some input asynchronously (Quill through a MutationObserver): wait this long. */
const SETTLE_TIMEOUT_MS = 600;
const SETTLE_POLL_MS = 20;

/** Editors keep non-breaking spaces where a space would collapse; they are the same text. */
const comparable = (text: string) => text.replace(/\u00a0/g, ' ');

function readText(box: ComposeBox): string {
  return box.driver.read(box.element).text;
}

/** Waits until the box reads `expected`, or the editor had its time; returns what it reads. */
async function settledText(box: ComposeBox, expected: string): Promise<string> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let text = readText(box);
  while (comparable(text) !== comparable(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    text = readText(box);
  }
  return text;
}

/**
 * Makes `edits` (offsets into the box's current text) through the box's driver, last first, and
 * checks the result. If the editor holds anything but the expected text, the original text is put
 * back whole, so a fix never loses a character.
 */
export async function applyEdits(box: ComposeBox, edits: readonly Edit[]): Promise<EditOutcome> {
  if (!box.element.isConnected) return { ok: false, reason: 'no-box', restored: true, text: '' };
  const before = readText(box);
  const expected = applyTextEdits(before, edits);
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    await box.driver.replace(box.element, edit.start, edit.end, edit.text);
  const after = await settledText(box, expected);
  if (comparable(after) === comparable(expected)) return { ok: true, text: after };
  if (comparable(after) === comparable(before))
    return { ok: false, reason: 'not-taken', restored: true, text: after };
  await box.driver.replace(box.element, 0, after.length, before);
  const restored = await settledText(box, before);
  return {
    ok: false,
    reason: 'not-taken',
    restored: comparable(restored) === comparable(before),
    text: restored,
  };
}

/** Inserts text at the caret (or at the end when the box has no caret), spaced from a word. */
export async function insertText(box: ComposeBox, text: string): Promise<EditOutcome> {
  const model = box.driver.read(box.element);
  const at = model.caretOffset() ?? model.text.length;
  const needsSpace = at > 0 && !/\s$/.test(model.text.slice(0, at)) && !/^\s/.test(text);
  return applyEdits(box, [{ start: at, end: at, text: needsSpace ? ` ${text}` : text }]);
}
