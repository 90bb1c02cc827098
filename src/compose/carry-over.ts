import type { Edit, Finding, Suggestion } from '@/src/core/findings';

/** Where `before` became `after`: one replaced range, as typing, pasting or deleting makes it. */
export interface TextChange {
  start: number;
  /** The end of the replaced range in `before`. */
  oldEnd: number;
  /** How much later everything after the range sits in `after`. */
  shift: number;
}

/** The one range that differs: the longest common prefix and suffix left out. */
export function changeBetween(before: string, after: string): TextChange {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let suffix = 0;
  while (
    suffix < shortest - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix += 1;
  // Never split a surrogate pair: an emoji typed or deleted is one change.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before.charAt(start - 1))) start -= 1;
  return { start, oldEnd: before.length - suffix, shift: after.length - before.length };
}

/**
 * Where a point at the end of the text (where a missing disclosure would go) sits after a change
 * that edited the end: at the new end, trailing spaces or not. Typing on at the end is not a
 * reason to drop it for a moment. Undefined for any other range or change.
 */
export function pointAtEnd(
  start: number,
  end: number,
  change: TextChange,
  before: string,
  after: string,
): number | undefined {
  if (start !== end || start !== before.trimEnd().length || change.oldEnd < start) return undefined;
  return after.trimEnd().length;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * A range of `before` moved into `after`, or undefined when the change reaches it. At its edges
 * the change reaches it when it changes a letter or digit there: "Bob" typed on into "Bobby"
 * is not the name that was found, "Bob" followed by a new ", hi" still is.
 */
function moved(
  start: number,
  end: number,
  change: TextChange,
  before: string,
  after: string,
): [number, number] | undefined {
  const atEnd = pointAtEnd(start, end, change, before, after);
  if (atEnd !== undefined) return [atEnd, atEnd];
  const newEnd = change.oldEnd + change.shift;
  const wordAt = (text: string, at: number) => WORD_CHARACTER.test(text.charAt(at));
  if (
    end < change.start ||
    (end === change.start && start < end && !wordAt(before, end) && !wordAt(after, end))
  )
    return [start, end];
  if (
    start > change.oldEnd ||
    (start === change.oldEnd &&
      start < end &&
      !wordAt(before, start - 1) &&
      !wordAt(after, newEnd - 1))
  )
    return [start + change.shift, end + change.shift];
  return undefined;
}

function movedSuggestion(
  suggestion: Suggestion,
  change: TextChange,
  before: string,
  after: string,
): Suggestion | undefined {
  const edits: Edit[] = [];
  for (const edit of suggestion.edits) {
    const range = moved(edit.start, edit.end, change, before, after);
    if (!range) return undefined;
    edits.push({ start: range[0], end: range[1], text: edit.text });
  }
  return { ...suggestion, edits };
}

/**
 * The findings of a check of `before`, as they stand in `after`: those the change did not
 * touch, moved with the text around them (a finding or fix the change reaches is dropped: the
 * next check of the whole text says what it is now). The slow tier's findings stay on screen
 * this way while typing goes on, until that tier checks again.
 */
export function carryOver(findings: readonly Finding[], before: string, after: string): Finding[] {
  if (before === after) return [...findings];
  const change = changeBetween(before, after);
  const carried: Finding[] = [];
  for (const finding of findings) {
    const range = moved(finding.start, finding.end, change, before, after);
    if (!range) continue;
    const suggestions = finding.suggestions
      .map((suggestion) => movedSuggestion(suggestion, change, before, after))
      .filter((suggestion): suggestion is Suggestion => suggestion !== undefined);
    carried.push({ ...finding, start: range[0], end: range[1], suggestions });
  }
  return carried;
}
