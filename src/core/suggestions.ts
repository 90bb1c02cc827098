import type { Suggestion } from './findings';

const SPACE = /[ \t\u00a0]/;

/**
 * Removes `text[start, end)` and one space beside it, so that "we ship Falcon today" becomes
 * "we ship today" rather than "we ship  today". The space after the match goes when there
 * is one; otherwise the space before it (so "about Falcon." becomes "about.").
 */
export function removeSuggestion(text: string, start: number, end: number): Suggestion {
  let from = start;
  let to = end;
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (SPACE.test(after) && (start === 0 || SPACE.test(before) || /[\s([{"'“‘]/.test(before))) {
    to += 1;
  } else if (SPACE.test(before) && (end === text.length || !/[\p{L}\p{N}]/u.test(after))) {
    from -= 1;
  }
  return {
    label: 'Remove',
    action: { verb: 'remove' },
    edits: [{ start: from, end: to, text: '' }],
  };
}

/** Replaces `text[start, end)` with `replacement`. */
export function replaceSuggestion(start: number, end: number, replacement: string): Suggestion {
  return {
    label: `Replace with "${replacement}"`,
    action: { verb: 'replace', text: replacement },
    edits: [{ start, end, text: replacement }],
  };
}
