import { composed, tokenize, type TextAnalysis, type WordToken } from './analysis';

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
 * (`parsePhrase(...).keys` without the last): the index of its first word, when the words
 * right before `last` are those, separated as `PhraseMatcher` allows; undefined otherwise.
 * For callers that find a phrase's last word some other way (by its stem).
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
    const gap = gapKey(text.slice(word.end, next.start));
    if (gap) {
      if (keys[k] !== PUNCT + gap) return undefined;
      k--;
    }
    if (k < 0 || keys[k] !== wordKeyOf(word, caseSensitive)) return undefined;
    k--;
    i--;
  }
  return i;
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: undefined, hits: undefined };
  private readonly literals: { text: string; value: T }[] = [];
  private sorted = true;

  constructor(readonly caseSensitive: boolean) {}

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
    // The first phrase added for a key sequence wins, unless they need different context.
    if (node.hits.some((h) => h.prefix === prefix && h.suffix === suffix)) return;
    node.hits.push({ value, prefix, suffix });
    if (node.hits.length > 1) this.sorted = false;
  }

  /** Leftmost-longest, non-overlapping hits, in text order. */
  match(analysis: TextAnalysis): PhraseHit<T>[] {
    if (!this.sorted) this.sortHits();
    const { text } = analysis;
    const words = analysis.words();
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < words.length; ) {
      const found = this.longestAt(text, words, i);
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

  private longestAt(
    text: string,
    words: readonly WordToken[],
    first: number,
  ): { hit: PhraseHit<T>; nextWord: number } | undefined {
    const firstWord = words[first];
    if (!firstWord) return undefined;
    let step = this.step(this.root, firstWord);
    let best: { hit: PhraseHit<T>; nextWord: number } | undefined;
    for (let i = first; step; ) {
      const { node, end } = step;
      if (node.hits) {
        const hit = this.acceptedHit(text, node.hits, firstWord.start, end);
        if (hit) best = { hit, nextWord: i + 1 };
      }
      const word = words[i + 1];
      if (step.final || !node.next || !word) break;
      let from: Node<T> | undefined = node;
      const gap = gapKey(text.slice(end, word.start));
      if (gap) from = node.next.get(PUNCT + gap);
      if (!from) break;
      step = this.step(from, word);
      i++;
    }
    return best;
  }

  /** Follows one word from `node`; a possessive ("Falcon's") ends the phrase at the apostrophe. */
  private step(
    node: Node<T>,
    word: WordToken,
  ): { node: Node<T>; end: number; final: boolean } | undefined {
    if (!node.next) return undefined;
    // `lower` is already lower-cased: lower-casing it again would cost a new string per word.
    const written = this.caseSensitive ? composed(word.text) : word.lower;
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
