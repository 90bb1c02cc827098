/**
 * One text, analysed once per check and shared by every rule: word tokens with their
 * UTF-16 offsets are computed on first use, so rules that don't need them cost nothing.
 */
export interface WordToken {
  /** The word as written. */
  text: string;
  /** Lower-cased for case-insensitive comparison. */
  lower: string;
  start: number;
  end: number;
}

export interface TextAnalysis {
  readonly text: string;
  /** Words: runs of letters, digits, apostrophes and joining marks (Unicode-aware). */
  words(): readonly WordToken[];
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

export function analyseText(text: string): TextAnalysis {
  let words: WordToken[] | undefined;
  return {
    text,
    words() {
      if (!words) {
        words = [];
        for (const m of text.matchAll(WORD)) {
          const start = m.index;
          words.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
        }
      }
      return words;
    },
  };
}
