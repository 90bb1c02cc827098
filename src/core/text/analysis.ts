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
  /**
   * Words: runs of letters, digits, apostrophes and joining marks (Unicode-aware). Han,
   * Hiragana and Katakana characters are one word each: those scripts put no spaces
   * between words, so a run of them is not one word, and each character is a boundary.
   */
  words(): readonly WordToken[];
}

/**
 * Letters, digits and marks, without the scripts written without spaces; those are matched
 * one character at a time by the second alternative (with any marks that follow).
 */
const WORD = new RegExp(
  String.raw`[[\p{L}\p{N}\p{M}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]]+` +
    String.raw`(?:['’][[\p{L}\p{N}\p{M}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]]+)*` +
    String.raw`|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]\p{M}*`,
  'gv',
);

/** Splits `text` into word tokens; used for checked texts and for phrases in packs alike. */
/** Anything but printable ASCII: only such words can have another Unicode form. */
const MAY_DECOMPOSE = /[^\t\n\r\u0020-\u007e]/;

/** A word in NFC: one key however its accents are encoded (macOS pastes NFD). */
export function composed(word: string): string {
  return MAY_DECOMPOSE.test(word) ? word.normalize('NFC') : word;
}

export function tokenize(text: string): WordToken[] {
  const words: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const word = m[0];
    // Keys in NFC: "café" pasted from macOS (e + combining accent) is the word "café". The
    // token's offsets stay those of the text as written.
    const lower = word.toLowerCase();
    words.push({
      text: word,
      lower: composed(lower),
      start,
      end: start + word.length,
    });
  }
  return words;
}

export function analyseText(text: string): TextAnalysis {
  let words: WordToken[] | undefined;
  return {
    text,
    words() {
      words ??= tokenize(text);
      return words;
    },
  };
}
