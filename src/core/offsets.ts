/**
 * UTF-16 offset helpers. Findings and edits index JavaScript strings, and an offset between
 * the two halves of a surrogate pair would cut an emoji (or any character outside the
 * Basic Multilingual Plane) in two when the UI highlights or replaces the range.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

/** Clamps `offset` into the text and moves it back to the start of the character it is in. */
export function floorToCodePoint(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(text.length, Math.trunc(offset) || 0));
  return splitsSurrogatePair(text, clamped) ? clamped - 1 : clamped;
}

/** Clamps `offset` into the text and moves it forward past the character it is in. */
export function ceilToCodePoint(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(text.length, Math.trunc(offset) || 0));
  return splitsSurrogatePair(text, clamped) ? clamped + 1 : clamped;
}

/**
 * The smallest range of whole characters that covers `[start, end)`, inside the text and
 * never reversed.
 */
export function clampRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const s = floorToCodePoint(text, start);
  const e = ceilToCodePoint(text, end);
  return e < s ? { start: s, end: s } : { start: s, end: e };
}

/** The UTF-16 offset just after the first `count` code points of `text` (or its length). */
export function offsetAfterCodePoints(text: string, count: number): number {
  let offset = 0;
  for (let seen = 0; seen < count && offset < text.length; seen++) {
    offset +=
      isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1))
        ? 2
        : 1;
  }
  return offset;
}

/** Number of code points in `text` (what people count as characters, near enough). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))))
      count++;
  }
  return count;
}
