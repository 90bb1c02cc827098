import { detached, LruCache } from '../nlp/lru';

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
  /**
   * `false`: finders read this text whole, keeping nothing by paragraph (eachParagraph), as
   * they did before they kept anything: what the tests of what they keep compare with, and
   * how the checker reads the paragraph windows whose findings it keeps itself.
   */
  readonly byParagraph?: boolean;
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

/**
 * Where a text may be cut for tokenizing it piece by piece: after the white space that
 * follows a sentence's end, and after any white space with a line break in it. No word holds
 * white space and WORD looks at nothing before a word, so the words of the pieces are the
 * words of the whole.
 */
const TOKEN_CUT = /[.!?…]\s+|\n\s*/g;

/**
 * Each piece's words, offsets within the piece. Typing changes one sentence of a post: the
 * others' words are found once, then copied with their offsets moved. Room for a pasted page
 * (30,000 characters are about 340 pieces) and the versions of the sentence being typed; a
 * piece's words take about twenty times its characters in memory.
 */
const wordsOfPiece = new LruCache<WordToken[]>(2_048, 100_000);

function cachedTokens(piece: string): WordToken[] {
  let words = wordsOfPiece.get(piece);
  if (!words) {
    // Its words' strings then point into a copy of the piece, not into the whole post.
    words = tokenize(detached(piece));
    wordsOfPiece.set(piece, words);
  }
  return words;
}

/** The same as tokenize(text), from the words of its sentences found before. */
function tokenizeBySentence(text: string): WordToken[] {
  const words: WordToken[] = [];
  const addPiece = (from: number, to: number) => {
    for (const word of cachedTokens(text.slice(from, to))) {
      words.push({
        text: word.text,
        lower: word.lower,
        start: word.start + from,
        end: word.end + from,
      });
    }
  };
  let from = 0;
  TOKEN_CUT.lastIndex = 0;
  for (let m = TOKEN_CUT.exec(text); m !== null; m = TOKEN_CUT.exec(text)) {
    const to = m.index + m[0].length;
    if (to >= text.length) break;
    addPiece(from, to);
    from = to;
  }
  // A text in one piece is one no check has seen before (typing changes it): not kept.
  if (from === 0) return tokenize(text);
  addPiece(from, text.length);
  return words;
}

export function analyseText(text: string, options: { byParagraph?: boolean } = {}): TextAnalysis {
  let words: WordToken[] | undefined;
  return {
    text,
    ...(options.byParagraph === false ? { byParagraph: false } : {}),
    words() {
      words ??= tokenizeBySentence(text);
      return words;
    },
  };
}

/** A paragraph of a text: from its first character to the end of the blank line after it. */
export interface Paragraph {
  start: number;
  end: number;
}

/** A line break, then a line of nothing but spaces, then a line break. */
const BLANK_LINE = /\n[^\S\n]*\n/g;
const SPACE = /\s/;

/**
 * The text cut into paragraphs at blank lines, each with the white space after it: they
 * follow one another and cover the whole text (one paragraph for a text without blank lines).
 * Every paragraph but the first starts with a character that is not white space.
 */
export function paragraphs(text: string): Paragraph[] {
  const found: Paragraph[] = [];
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m !== null; m = BLANK_LINE.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && SPACE.test(text.charAt(end))) end++;
    BLANK_LINE.lastIndex = end;
    if (end >= text.length) break;
    found.push({ start, end });
    start = end;
  }
  found.push({ start, end: text.length });
  return found;
}

/** One paragraph of an analysed text, and what was found in its text before, by finder. */
interface KnownParagraph {
  start: number;
  text: string;
  /** Its own analysis, made on its first miss: a finder that knows its answer reads no words. */
  analysis: TextAnalysis | undefined;
  known: WeakMap<object, unknown>;
}

/**
 * What finders found in a paragraph, by the paragraph's text: typing changes one paragraph of
 * a post, and a finder that runs on the whole post but whose answer in a paragraph depends on
 * that paragraph alone (a phrase matcher, see PhraseMatcher.match) then reads that one. Room
 * for a pasted page's paragraphs and the versions of the one being typed, as the checker's own
 * cache of paragraphs (checker.ts).
 */
const foundInParagraph = new LruCache<WeakMap<object, unknown>>(1_024, 300_000);
const PARAGRAPHS_OF = new WeakMap<TextAnalysis, readonly KnownParagraph[] | null>();

function knownParagraphs(analysis: TextAnalysis): readonly KnownParagraph[] | null {
  const known = PARAGRAPHS_OF.get(analysis);
  if (known !== undefined) return known;
  const { text } = analysis;
  const pieces = paragraphs(text);
  let found: KnownParagraph[] | null = null;
  if (pieces.length > 1) {
    found = pieces.map(({ start, end }) => {
      const piece = text.slice(start, end);
      let values = foundInParagraph.get(piece);
      if (!values) {
        values = new WeakMap();
        foundInParagraph.set(piece, values);
      }
      return { start, text: piece, analysis: undefined, known: values };
    });
  }
  PARAGRAPHS_OF.set(analysis, found);
  return found;
}

/**
 * `find` of each paragraph of the analysed text (offsets from the paragraph's start), in
 * order, each kept by the paragraph's text for `finder` (any object that stands for `find`:
 * the same finder must always find the same in the same text); undefined for a text of one
 * paragraph, which the caller reads whole. For finders whose answer in a paragraph depends on
 * nothing outside it: what they find in the whole text is then each paragraph's, moved.
 */
export function eachParagraph<T>(
  analysis: TextAnalysis,
  finder: object,
  find: (paragraph: TextAnalysis) => T,
): { start: number; value: T }[] | undefined {
  if (analysis.byParagraph === false) return undefined;
  const pieces = knownParagraphs(analysis);
  if (!pieces) return undefined;
  return pieces.map((piece) => {
    let value = piece.known.get(finder) as T | undefined;
    if (value === undefined) {
      piece.analysis ??= analyseText(piece.text);
      value = find(piece.analysis);
      piece.known.set(finder, value);
    }
    return { start: piece.start, value };
  });
}

/** Index of the first word that ends after `offset` (`words.length` when none does). */
export function wordIndexAt(words: readonly WordToken[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as WordToken).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
