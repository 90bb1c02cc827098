import {
  composed,
  eachParagraph,
  tokenize,
  wordIndexAt,
  type TextAnalysis,
  type WordToken,
} from './analysis';

/**
 * Finds many phrases at once in a text: one trie over normalised word tokens, built once per
 * pack, walked once per word of the checked text. Matching whole tokens gives Unicode word
 * boundaries for free ("classy" is one word, so it never contains "ass"), and the cost of a
 * check grows with the length of the text, not with the number of phrases.
 *
 * Between two words of a phrase, the text may have any mix of spaces, hyphens, dashes,
 * underscores and `#` (so "Project Falcon" also finds "project-falcon", "project_falcon",
 * "#Project #Falcon"); any other punctuation there must be the same as in the phrase
 * ("AT&T", "acme.com"). Punctuation before the first word or after the last one must be
 * right next to it in the text ("$ACME", "C++"). A `#` or `@` right before a match is part
 * of it, so removing `#ProjectFalcon` removes the hash too.
 *
 * A phrase's first word is also found behind a French elided article or pronoun, which the
 * tokenizer keeps in the word ("l'Umbrella", "d'ACME", "qu'ACME", "jusqu'à"): the hit
 * starts after the apostrophe, so its `match` is the phrase's own words. A phrase written
 * with the elision ("d'ACME") is found as written first.
 */

export interface PhraseHit<T> {
  start: number;
  end: number;
  value: T;
}

/** A phrase cut into trie keys. `keys` is empty for a phrase without any word in it. */
export interface ParsedPhrase {
  /** Word keys, with `PUNCT`-prefixed keys for punctuation between words. */
  keys: string[];
  /** The words as written, so callers can build variants (inflections, joined forms). */
  words: string[];
  prefix: string;
  suffix: string;
  /** The phrase itself when it has no words (an emoji, "!!!"): found by plain search. */
  literal: string;
}

interface Hit<T> {
  value: T;
  prefix: string;
  suffix: string;
}

interface Node<T> {
  next: Map<string, Node<T>> | undefined;
  hits: Hit<T>[] | undefined;
}

const PUNCT = '\u0000';
/** What may separate the words of a phrase in a post without changing the phrase. */
const LOOSE_GAP = /[\s\-‐‑‒–—_#\u200b\u200c]|\u200d|\ufe0f/gu;
const SOCIAL_SIGIL = /^[#@]/;

/**
 * French elisions written onto the next word: articles, pronouns and conjunctions ("l'",
 * "d'", "qu'", "jusqu'"), either apostrophe, any case ("L'ACME", "D’ACME").
 */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/i;
/** The longest elision's length: "lorsqu'", "puisqu'", "quoiqu'". */
const LONGEST_ELISION = 7;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/**
 * How many characters of `word` (a word token, as written or as keyed) are an elision
 * before the word proper: 2 for "l'ACME", 3 for "qu'ACME", 0 when there is none. Asked of
 * every word a matcher finds nothing at, so it looks only where an elision's apostrophe can
 * stand (after one letter, "qu", "jusqu" or "lorsqu") before trying the pattern.
 */
export function elisionLength(word: string): number {
  if (
    !isApostrophe(word.charCodeAt(1)) &&
    !isApostrophe(word.charCodeAt(2)) &&
    !isApostrophe(word.charCodeAt(5)) &&
    !isApostrophe(word.charCodeAt(6))
  )
    return 0;
  const elision = ELISION.exec(word);
  return elision && elision[0].length < word.length ? elision[0].length : 0;
}

const ELIDED_WORDS = new WeakMap<TextAnalysis, ReadonlyMap<number, number>>();
const NO_ELISIONS: ReadonlyMap<number, number> = new Map();

/**
 * The words of the analysed text that begin with an elision, by index, with the elision's
 * length. Found from the text's apostrophes, once per analysis for every matcher and check
 * that reads them: a look at every word would cost each matcher a tenth of its time on a
 * post with no elision at all, as English posts are.
 */
export function elidedWords(analysis: TextAnalysis): ReadonlyMap<number, number> {
  const known = ELIDED_WORDS.get(analysis);
  if (known) return known;
  const { text } = analysis;
  let found: Map<number, number> | undefined;
  for (const apostrophe of ["'", '’']) {
    for (let at = text.indexOf(apostrophe); at > 0; at = text.indexOf(apostrophe, at + 1)) {
      const words = analysis.words();
      const index = wordIndexAt(words, at);
      const word = words[index];
      if (!word || word.start >= at || at - word.start >= LONGEST_ELISION) continue;
      const length = elisionLength(word.text);
      if (length === at - word.start + 1) (found ??= new Map()).set(index, length);
    }
  }
  const elided = found ?? NO_ELISIONS;
  ELIDED_WORDS.set(analysis, elided);
  return elided;
}

/**
 * Where a removal of `text[start, …)` should start so that it leaves no elision dangling:
 * at the elision when one is written right before `start` at the start of a word ("On
 * travaille avec l'Umbrella" → "On travaille avec", not "avec l'"); else `start`.
 */
export function elidedStart(text: string, start: number): number {
  const apostrophe = text.charAt(start - 1);
  if (apostrophe !== "'" && apostrophe !== '’') return start;
  let from = start - 1;
  while (from > 0 && start - from < LONGEST_ELISION && /\p{L}/u.test(text.charAt(from - 1))) from--;
  if (from > 0 && /[\p{L}\p{N}\p{M}'’]/u.test(text.charAt(from - 1))) return start;
  return elisionLength(text.slice(from, start + 1)) === start - from ? from : start;
}

/** A blank line between two words: a paragraph ends there, and so does any phrase. */
const BLANK_LINE = /\n[^\S\n]*\n/;

/** The gap between two words, reduced to what must match exactly (`""` for a loose gap). */
function gapKey(gap: string): string {
  return gap.replace(LOOSE_GAP, '');
}

export function tokenKey(word: string, caseSensitive: boolean): string {
  const key = composed(caseSensitive ? word : word.toLowerCase());
  return key.includes('’') ? key.replaceAll('’', "'") : key;
}

export function parsePhrase(phrase: string, caseSensitive: boolean): ParsedPhrase {
  const text = phrase.trim();
  const tokens = tokenize(text);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return { keys: [], words: [], prefix: '', suffix: '', literal: text };
  const keys: string[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous) {
      const gap = gapKey(text.slice(previous.end, token.start));
      if (gap) keys.push(PUNCT + gap);
    }
    keys.push(tokenKey(token.text, caseSensitive));
  });
  return {
    keys,
    words: tokens.map((t) => t.text),
    // `#Falcon` and `@falcon` are already social forms of `falcon`: no need to require them.
    prefix: text.slice(0, first.start).replace(SOCIAL_SIGIL, ''),
    suffix: text.slice(last.end),
    literal: text,
  };
}

/** Keys of the words of a phrase joined without separators: "ProjectFalcon". */
export function joinedKey(words: readonly string[], caseSensitive: boolean): string {
  return tokenKey(words.join(''), caseSensitive);
}

/** A word of a checked text as the trie keys it. */
export function wordKeyOf(word: WordToken, caseSensitive: boolean): string {
  // `lower` is already lower-cased: lower-casing it again would cost a new string per word.
  const written = caseSensitive ? composed(word.text) : word.lower;
  return written.includes('’') ? written.replaceAll('’', "'") : written;
}

/**
 * Where a phrase starts that ends with `words[last]`, given the keys of its other words
 * (`parsePhrase(...).keys` without the last): the offset in `text` of its first word (after
 * an elision, as `PhraseMatcher` finds it: "l'ordinateur portable"), when the words right
 * before `last` are those, separated as `PhraseMatcher` allows; undefined otherwise. For
 * callers that find a phrase's last word some other way (by its stem).
 */
export function phraseStartBefore(
  text: string,
  words: readonly WordToken[],
  last: number,
  keys: readonly string[],
  caseSensitive: boolean,
): number | undefined {
  let k = keys.length - 1;
  let i = last;
  while (k >= 0) {
    const word = words[i - 1];
    const next = words[i];
    if (!word || !next) return undefined;
    const between = text.slice(word.end, next.start);
    if (BLANK_LINE.test(between)) return undefined;
    const gap = gapKey(between);
    if (gap) {
      if (keys[k] !== PUNCT + gap) return undefined;
      k--;
    }
    if (k < 0) return undefined;
    const key = wordKeyOf(word, caseSensitive);
    if (keys[k] !== key) {
      const elided = k === 0 ? elisionLength(key) : 0;
      return elided > 0 && keys[k] === key.slice(elided) ? word.start + elided : undefined;
    }
    k--;
    i--;
  }
  return (words[i] as WordToken).start;
}

/** White space anywhere: a prefix or suffix with some could reach across a paragraph's edge. */
const HAS_SPACE = /\s/;

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: undefined, hits: undefined };
  private readonly literals: { text: string; value: T }[] = [];
  private sorted = true;
  /**
   * Whether every hit lies within a paragraph with all it reads: no phrase has white space
   * before its first word or after its last (see `match`).
   */
  private paragraphLocal = true;
  /**
   * What the paragraphs' hits are kept under (eachParagraph): a new one after every phrase
   * added, so a phrase added after a match is never missing from kept hits.
   */
  private paragraphKey: object | undefined;

  constructor(readonly caseSensitive: boolean) {}

  /**
   * Whether every hit lies within a paragraph, with all it reads (see `match`): what a caller
   * reads of a hit's own paragraph may then be kept by that paragraph's text too.
   */
  get findsByParagraph(): boolean {
    return this.paragraphLocal && this.literals.length === 0;
  }

  /** Adds `phrase` as written. Returns the parsed phrase for building variants. */
  add(phrase: string, value: T): ParsedPhrase {
    const parsed = parsePhrase(phrase, this.caseSensitive);
    if (parsed.keys.length === 0) {
      if (parsed.literal) this.literals.push({ text: parsed.literal, value });
    } else {
      this.insert(parsed.keys, value, parsed.prefix, parsed.suffix);
    }
    return parsed;
  }

  /** Adds a key sequence (from `parsePhrase`, possibly with a word swapped for a variant). */
  insert(keys: readonly string[], value: T, prefix = '', suffix = ''): void {
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = { next: undefined, hits: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    node.hits ??= [];
    if (HAS_SPACE.test(prefix) || HAS_SPACE.test(suffix)) this.paragraphLocal = false;
    this.paragraphKey = undefined;
    // The first phrase added for a key sequence wins, unless they need different context.
    if (node.hits.some((h) => h.prefix === prefix && h.suffix === suffix)) return;
    node.hits.push({ value, prefix, suffix });
    if (node.hits.length > 1) this.sorted = false;
  }

  /**
   * Leftmost-longest, non-overlapping hits, in text order. A text of several paragraphs is
   * matched paragraph by paragraph, each paragraph's hits kept by its text: no hit crosses a
   * blank line (longestFrom stops there), the words of a paragraph are those of the text there
   * (a paragraph starts after white space and ends with it, and no word holds any), and what
   * a hit reads besides its words, its prefix and suffix, holds no white space, so it cannot
   * reach past a paragraph's edge either (the character before a paragraph is white space,
   * as is its last one, but the text's). The greedy scan then finds in each paragraph what it
   * finds there in the whole text. Phrases without words are searched in the whole text,
   * lower-cased whole (matchLiterals), so a matcher with any is matched whole.
   */
  match(analysis: TextAnalysis): PhraseHit<T>[] {
    if (!this.findsByParagraph) return this.matchWhole(analysis);
    this.paragraphKey ??= {};
    const pieces = eachParagraph(analysis, this.paragraphKey, (paragraph) =>
      this.matchWhole(paragraph),
    );
    if (!pieces) return this.matchWhole(analysis);
    const hits: PhraseHit<T>[] = [];
    for (const { start, value } of pieces) {
      for (const hit of value)
        hits.push({ start: hit.start + start, end: hit.end + start, value: hit.value });
    }
    return hits;
  }

  /** `match` in one pass over the whole text, with nothing kept. */
  matchWhole(analysis: TextAnalysis): PhraseHit<T>[] {
    if (!this.sorted) this.sortHits();
    const { text } = analysis;
    const words = analysis.words();
    const elided = elidedWords(analysis);
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < words.length; ) {
      const found = this.longestAt(text, words, i, elided.size > 0 ? elided.get(i) : undefined);
      if (found) {
        hits.push(found.hit);
        i = found.nextWord;
      } else {
        i++;
      }
    }
    if (this.literals.length > 0) this.matchLiterals(text, hits);
    return hits;
  }

  /** The longest hit from `words[first]`, or from after its elision of `elided` characters. */
  private longestAt(
    text: string,
    words: readonly WordToken[],
    first: number,
    elided: number | undefined,
  ): { hit: PhraseHit<T>; nextWord: number } | undefined {
    const firstWord = words[first];
    if (!firstWord) return undefined;
    const whole = this.step(this.root, firstWord);
    const found = whole && this.longestFrom(text, words, first, firstWord.start, whole);
    if (found || elided === undefined) return found;
    const after = this.step(this.root, firstWord, elided);
    return after && this.longestFrom(text, words, first, firstWord.start + elided, after);
  }

  /** The longest hit from `start`, in `words[first]`, whose first word took `firstStep`. */
  private longestFrom(
    text: string,
    words: readonly WordToken[],
    first: number,
    start: number,
    firstStep: { node: Node<T>; end: number; final: boolean },
  ): { hit: PhraseHit<T>; nextWord: number } | undefined {
    let step: { node: Node<T>; end: number; final: boolean } | undefined = firstStep;
    let best: { hit: PhraseHit<T>; nextWord: number } | undefined;
    for (let i = first; step; ) {
      const { node, end } = step;
      if (node.hits) {
        const hit = this.acceptedHit(text, node.hits, start, end);
        if (hit) best = { hit, nextWord: i + 1 };
      }
      const word = words[i + 1];
      if (step.final || !node.next || !word) break;
      let from: Node<T> | undefined = node;
      const between = text.slice(end, word.start);
      if (BLANK_LINE.test(between)) break;
      const gap = gapKey(between);
      if (gap) from = node.next.get(PUNCT + gap);
      if (!from) break;
      step = this.step(from, word);
      i++;
    }
    return best;
  }

  /**
   * Follows one word from `node`, without its first `skip` characters (an elision, which is
   * ASCII and so as long in every form of the word); a possessive ("Falcon's") ends the
   * phrase at the apostrophe.
   */
  private step(
    node: Node<T>,
    word: WordToken,
    skip = 0,
  ): { node: Node<T>; end: number; final: boolean } | undefined {
    if (!node.next) return undefined;
    // `lower` is already lower-cased: lower-casing it again would cost a new string per word.
    const whole = this.caseSensitive ? composed(word.text) : word.lower;
    const written = skip > 0 ? whole.slice(skip) : whole;
    const key = written.includes('’') ? written.replaceAll('’', "'") : written;
    const child = node.next.get(key);
    if (child) return { node: child, end: word.end, final: false };
    if (key.length < 3 || !key.endsWith("'s")) return undefined;
    const stem = node.next.get(key.slice(0, -2));
    return stem ? { node: stem, end: word.end - 2, final: true } : undefined;
  }

  private acceptedHit(
    text: string,
    hits: readonly Hit<T>[],
    start: number,
    end: number,
  ): PhraseHit<T> | undefined {
    for (const hit of hits) {
      if (
        hit.prefix &&
        (start < hit.prefix.length || !text.startsWith(hit.prefix, start - hit.prefix.length))
      ) {
        continue;
      }
      if (hit.suffix && !text.startsWith(hit.suffix, end)) continue;
      let from = start - hit.prefix.length;
      const before = text.charAt(from - 1);
      if (!hit.prefix && (before === '#' || before === '@')) from -= 1;
      return { start: from, end: end + hit.suffix.length, value: hit.value };
    }
    return undefined;
  }

  private matchLiterals(text: string, hits: PhraseHit<T>[]): void {
    const haystack = this.caseSensitive ? text : text.toLowerCase();
    // Lower-casing can change lengths (İ → i̇); offsets are only trusted when it does not.
    if (haystack.length !== text.length) return;
    for (const literal of this.literals) {
      const needle = this.caseSensitive ? literal.text : literal.text.toLowerCase();
      for (
        let at = haystack.indexOf(needle);
        at >= 0;
        at = haystack.indexOf(needle, at + needle.length)
      ) {
        const end = at + needle.length;
        if (!hits.some((h) => h.start < end && at < h.end))
          hits.push({ start: at, end, value: literal.value });
      }
    }
    hits.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Hits that need context go first, so "C++" wins over "C" when the "++" is there. */
  private sortHits(): void {
    const visit = (node: Node<T>): void => {
      node.hits?.sort(
        (a, b) => b.prefix.length + b.suffix.length - (a.prefix.length + a.suffix.length),
      );
      node.next?.forEach(visit);
    };
    visit(this.root);
    this.sorted = true;
  }
}
