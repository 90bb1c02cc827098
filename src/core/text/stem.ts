import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as portugueseStemmer } from '@orama/stemmers/portuguese';
import type { TextAnalysis, WordToken } from './analysis';
import { languageAt } from './language';
import type { PostLanguage } from './post-languages';
import { elisionLength, phraseStartBefore, wordKeyOf, type PhraseHit } from './phrases';

/**
 * Inflected forms of terms in Spanish, French, German and Portuguese, found by stem: a word
 * of the post is a form of a term's word when Snowball's stemmer for the language gives both
 * the same stem ("fugas" and "fuga" → "fug", "confidentielles" → "confidentiel", "des
 * Prototypen" → "prototyp"). English keeps its generated inflections (inflect.ts), which are
 * more precise than an English stemmer would be.
 *
 * The stemmers are @orama/stemmers (Apache-2.0): the Snowball project's own algorithms as
 * compiled by its JavaScript generator, one ES module per language (6 to 11 kB minified
 * each), no eval or `new Function`, about 0.6 µs a word.
 *
 * A check never stems every word of the post: a word is stemmed only in the languages whose
 * term stems share its first three letters (accents folded), and each word's stem is kept
 * between checks, since typing changes one word at a time. The sentence's language is asked
 * only for a word whose stem is a term's, and the hit counts only when the sentence is in
 * the stemmer's language or its language cannot be told: the Spanish "fuga" stems like the
 * French "fugue" does in Spanish, but a French sentence is read with the French stemmer only.
 */

export const STEM_LANGUAGES = ['es', 'fr', 'de', 'pt'] as const satisfies readonly PostLanguage[];
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

const STEMMERS: Record<StemLanguage, (word: string) => string> = {
  es: spanishStemmer,
  fr: frenchStemmer,
  de: germanStemmer,
  pt: portugueseStemmer,
};

/** Words remembered per language; cleared when full, since a post has a few hundred. */
const CACHE_LIMIT = 20_000;
/** Words remembered per matcher with the targets they may be forms of. */
const KNOWN_LIMIT = 10_000;
const caches: Record<StemLanguage, Map<string, string>> = {
  es: new Map(),
  fr: new Map(),
  de: new Map(),
  pt: new Map(),
};

/** The Snowball stem of a lower-case word in `language`. */
export function stemOf(language: StemLanguage, word: string): string {
  const cache = caches[language];
  let stem = cache.get(word);
  if (stem === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stem = STEMMERS[language](word);
    cache.set(word, stem);
  }
  return stem;
}

/**
 * German stems of a lower-case word: Snowball's, and for a word ending in -s that Snowball
 * keeps (it drops -s only after b, d, f, g, h, k, l, m, n, r, t, to spare "Haus"), the stem
 * without it, so the genitive and plural in -s are found too: "des Prototyps", "Autos".
 */
function germanStems(word: string): readonly string[] {
  const stem = stemOf('de', word);
  if (!stem.endsWith('s') || !word.endsWith('s') || word.length <= MIN_S_STEM + 1) return [stem];
  const shorter = stemOf('de', word.slice(0, -1));
  return shorter.length >= MIN_S_STEM && shorter !== stem ? [stem, shorter] : [stem];
}

// ---------------------------------------------------------------------------------------
// The prefilter: a word's first letters as numbers (a = 1 ... z = 26, accents folded, ß as
// s, anything else 0), three to six of them, looked up in tables of the term stems' own.
// Snowball's German stems have no umlauts (Häuser → haus) and its Spanish ones no acute
// accents, so both sides are folded alike. A stem is indexed by all its letters but the last,
// which Snowball sometimes rewrites (French "joyeuse" → "joyeux", "essayer" → "essai"). No
// string is made for a word that is no candidate.

const LETTER_INDEX = new Uint8Array(0x250);
for (let code = 0; code < LETTER_INDEX.length; code++) {
  const base = String.fromCharCode(code === 0xdf ? 0x73 : code)
    .normalize('NFD')
    .charAt(0)
    .toLowerCase()
    .charCodeAt(0);
  LETTER_INDEX[code] = base >= 0x61 && base <= 0x7a ? base - 0x60 : 0;
}

function letterIndex(word: string, at: number): number {
  const code = word.charCodeAt(at);
  return code < LETTER_INDEX.length ? (LETTER_INDEX[code] as number) : 0;
}

const SHORTEST_PREFIX = 3;
const LONGEST_PREFIX = 6;

/** How many letters of a stem the prefilter looks at. */
function indexedLength(stem: string): number {
  return Math.min(Math.max(stem.length - 1, SHORTEST_PREFIX), LONGEST_PREFIX);
}

const UMLAUTS = /[äöüß]/g;
const UMLAUT_BASE: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/** A lower-case German word spelled as Snowball's German stems are. */
function germanSpelling(word: string): string {
  return word.replace(UMLAUTS, (letter) => UMLAUT_BASE[letter] ?? letter);
}

// ---------------------------------------------------------------------------------------

/** No stem shorter than this is looked for: "fug" (fuga) is the shortest worth having. */
const MIN_STEM = 3;
/** Words of the post shorter than this are never stemmed. */
const MIN_WORD = 4;
/** The German -s retry needs this much stem: "Kurs" is not a form of "Kur". */
const MIN_S_STEM = 4;
/** German compounds: the term's stem as the head ("Datenleck") or as the first part. */
const MIN_HEAD_STEM = 4;
const MIN_MODIFIER = 3;
const MIN_FIRST_STEM = 5;
const MIN_REST = 3;
/**
 * Consonants that begin a German syllable together: before a head starting with the second
 * one, the first more likely belongs to it ("Blutfleck" is Blut + Fleck, not Blutf + Leck).
 * `s` is not among them, being the usual joint (Sicherheitstest).
 */
const ONSETS = new Set([
  'bl',
  'br',
  'dr',
  'fl',
  'fr',
  'gl',
  'gr',
  'kl',
  'kn',
  'kr',
  'pf',
  'pl',
  'pr',
  'tr',
  'wr',
  'zw',
]);
const SCH_ONSET = /sch[lmnrw]$/;

const UPPER_FIRST = /^\p{Lu}/u;

type Kind = 'word' | 'head' | 'first';
const KIND_ORDER: Record<Kind, number> = { word: 0, head: 1, first: 2 };

interface Target<T> {
  value: T;
  language: StemLanguage;
  kind: Kind;
  /** Keys of the words before the stemmed one, matched as written. */
  before: readonly string[];
  /** A German noun: only a capitalised word of the post is its form. */
  noun: boolean;
  /** For a case-sensitive rule, the case the word must have: its first letter, the rest. */
  shape: { firstUpper: boolean; restLower: boolean } | undefined;
  /** Order of adding, so the first term added wins a tie as in `PhraseMatcher`. */
  order: number;
}

export interface StemTerm<T> {
  /** The word to stem (a term's last word), as written. */
  word: string;
  /** Keys of the words before it (`parsePhrase(...).keys` without the last one). */
  before: readonly string[];
  value: T;
  languages: readonly StemLanguage[];
  /** A capitalised German noun: found only capitalised, as German writes nouns. */
  noun: boolean;
  /** Whether a single German word is also found in compounds ("Datenleck", "Prototypentest"). */
  compounds: boolean;
}

interface Candidate<T> {
  target: Target<T>;
  start: number;
}

const LANGUAGE_BIT: Record<StemLanguage, number> = { es: 1, fr: 2, de: 4, pt: 8 };
/** Bit of German stems that may begin a compound ("Prototyp" + "entest"). */
const FIRST_BIT = 16;
/** Bit in the three-letter table: stems of four letters or more begin so (ask the other). */
const LONGER_BIT = 32;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sentence ends, as the language detector reads sentences. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x0a;
}

/**
 * The language of each sentence that has a candidate, asked once per sentence: a post full of
 * words that stem like a term's (English words under the Spanish stemmer) would otherwise
 * cost a look at the sentence for each.
 */
class SentenceLanguages {
  private from = -1;
  private to = -1;
  private language: PostLanguage | undefined;

  constructor(private readonly analysis: TextAnalysis) {}

  at(offset: number): PostLanguage | undefined {
    if (offset >= this.from && offset < this.to) return this.language;
    const { text } = this.analysis;
    let from = offset;
    while (from > 0 && !isSentenceEnd(text.charCodeAt(from - 1))) from--;
    let to = offset;
    while (to < text.length && !isSentenceEnd(text.charCodeAt(to))) to++;
    this.from = from;
    this.to = to;
    this.language = languageAt(this.analysis, offset);
    return this.language;
  }
}

/**
 * Finds the forms of many terms' last words by stem, in the languages each term is read
 * in. The counterpart of `PhraseMatcher` for what inflects beyond its exact keys.
 */
export class StemMatcher<T> {
  private readonly byStem: Record<StemLanguage, Map<string, Target<T>[]>> = {
    es: new Map(),
    fr: new Map(),
    de: new Map(),
    pt: new Map(),
  };
  private readonly heads = new Map<string, Target<T>[]>();
  private readonly firsts = new Map<string, Target<T>[]>();
  /**
   * By a stem's first three letters, the bits of the languages (and FIRST_BIT) of the stems
   * indexed by those three, and LONGER_BIT when some are indexed by more letters: those are
   * in `byLongerPrefix`, by four, five and six letters alike.
   */
  private readonly byPrefix3 = new Uint8Array(27 ** SHORTEST_PREFIX);
  private readonly byLongerPrefix = [
    new Map<number, number>(),
    new Map<number, number>(),
    new Map<number, number>(),
  ];
  /** What `targetsOf` found for each word seen; null for none. */
  private readonly known = new Map<string, Target<T>[] | null>();
  private headLengths = { min: Infinity, max: 0 };
  private firstLengths = { min: Infinity, max: 0 };
  private count = 0;

  constructor(readonly caseSensitive: boolean) {}

  /** How many stems were added, over all languages and kinds. */
  get size(): number {
    return this.count;
  }

  add(term: StemTerm<T>): void {
    this.known.clear();
    const lower = term.word.toLowerCase();
    const shape = this.caseSensitive
      ? {
          firstUpper: UPPER_FIRST.test(term.word),
          restLower: term.word.slice(1) === lower.slice(1),
        }
      : undefined;
    const compounds = term.compounds && term.before.length === 0;
    for (const language of term.languages) {
      // Not through the cache: that is for the words of posts, and a pack has thousands.
      const stem = STEMMERS[language](lower);
      if (stem.length < MIN_STEM) continue;
      const target = (kind: Kind): Target<T> => ({
        value: term.value,
        language,
        kind,
        before: term.before,
        noun: term.noun || kind !== 'word',
        shape,
        order: this.count++,
      });
      push(this.byStem[language], stem, target('word'));
      this.mark(stem, LANGUAGE_BIT[language]);
      if (language !== 'de' || !compounds) continue;
      if (stem.length >= MIN_HEAD_STEM) {
        push(this.heads, stem, target('head'));
        this.headLengths = widened(this.headLengths, stem.length);
      }
      if (stem.length >= MIN_FIRST_STEM) {
        push(this.firsts, stem, target('first'));
        this.mark(stem, FIRST_BIT);
        this.firstLengths = widened(this.firstLengths, stem.length);
      }
    }
  }

  private mark(stem: string, bit: number): void {
    const length = indexedLength(stem);
    let code = 0;
    for (let at = 0; at < length; at++) {
      code = code * 27 + letterIndex(stem, at);
      if (at < SHORTEST_PREFIX - 1) continue;
      const flag = at === length - 1 ? bit : LONGER_BIT;
      if (at === SHORTEST_PREFIX - 1) {
        this.byPrefix3[code] = (this.byPrefix3[code] as number) | flag;
      } else {
        const table = this.byLongerPrefix[at - SHORTEST_PREFIX] as Map<number, number>;
        table.set(code, (table.get(code) ?? 0) | flag);
      }
    }
  }

  /** The language and FIRST bits of stems that `key` may be a form of, by its first letters. */
  private bitsFor(key: string): number {
    const word = key.includes('ß') ? key.replaceAll('ß', 'ss') : key;
    let code = 0;
    for (let at = 0; at < SHORTEST_PREFIX; at++) code = code * 27 + letterIndex(word, at);
    let flags = this.byPrefix3[code] as number;
    let bits = flags & ~LONGER_BIT;
    const longest = Math.min(word.length, LONGEST_PREFIX);
    for (let at = SHORTEST_PREFIX; at < longest && flags & LONGER_BIT; at++) {
      code = code * 27 + letterIndex(word, at);
      flags = (this.byLongerPrefix[at - SHORTEST_PREFIX] as Map<number, number>).get(code) ?? 0;
      bits |= flags & ~LONGER_BIT;
    }
    return bits;
  }

  /**
   * Leftmost hits in text order, none overlapping `taken` (the exact matcher's hits, in text
   * order) or each other. A hit's sentence is in the stemmer's language, or of no language
   * the detector can tell.
   */
  match(analysis: TextAnalysis, taken: readonly { start: number; end: number }[]): PhraseHit<T>[] {
    if (this.count === 0) return [];
    const words = analysis.words();
    const languages = new SentenceLanguages(analysis);
    const hits: PhraseHit<T>[] = [];
    let next = 0;
    let floor = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as WordToken;
      if (word.lower.length < MIN_WORD) continue;
      for (let t = taken[next]; t && t.end <= word.start; t = taken[++next]) {
        floor = Math.max(floor, t.end);
      }
      const blocking = taken[next];
      if (blocking && blocking.start < word.end) continue;
      const hit = this.hitAt(analysis.text, words, i, floor, languages);
      if (hit) {
        hits.push(hit);
        floor = hit.end;
      }
    }
    return hits;
  }

  private hitAt(
    text: string,
    words: readonly WordToken[],
    index: number,
    floor: number,
    languages: SentenceLanguages,
  ): PhraseHit<T> | undefined {
    const word = words[index] as WordToken;
    let key = wordKeyOf(word, false);
    let offset = 0;
    let bits: number;
    if (key.includes("'")) {
      // A French elision, which the tokenizer keeps in the word ("l'ordinateur"), as the
      // exact matcher reads it (phrases.ts); any other apostrophe is no form of a term.
      offset = elisionLength(key);
      if (offset === 0) return undefined;
      key = key.slice(offset);
      if (key.length < MIN_WORD) return undefined;
      bits = this.bitsFor(key) & LANGUAGE_BIT.fr;
    } else {
      bits = this.bitsFor(key);
    }
    // A compound is a noun, written with a capital ("Datenleck").
    const mayBeHead =
      offset === 0 &&
      this.heads.size > 0 &&
      key.length >= this.headLengths.min + MIN_MODIFIER &&
      word.text.charCodeAt(0) !== word.lower.charCodeAt(0);
    if (bits === 0 && !mayBeHead) return undefined;
    const targets = this.targetsOf(key);
    if (!targets) return undefined;

    const candidates: Candidate<T>[] = [];
    for (const target of targets) {
      if (offset > 0 && (target.language !== 'fr' || target.before.length > 0)) continue;
      const start = this.startOf(text, words, index, target, offset, floor);
      if (start !== undefined) candidates.push({ target, start });
    }
    if (candidates.length === 0) return undefined;

    const language = languages.at(word.start);
    let best: Candidate<T> | undefined;
    for (const candidate of candidates) {
      if (language !== undefined && candidate.target.language !== language) continue;
      if (!best || better(candidate, best)) best = candidate;
    }
    return best && { start: best.start, end: word.end, value: best.target.value };
  }

  /**
   * Every target `key` may be a form of, in any language and as any kind, before the checks
   * that depend on where it stands (case, the words before it, the sentence's language).
   * Remembered per word: a check while typing meets the same words as the one before.
   */
  private targetsOf(key: string): readonly Target<T>[] | undefined {
    const known = this.known.get(key);
    if (known !== undefined) return known ?? undefined;
    const bits = this.bitsFor(key);
    const found: Target<T>[] = [];
    const add = (targets: readonly Target<T>[] | undefined) => {
      if (targets) found.push(...targets);
    };
    for (const language of STEM_LANGUAGES) {
      if ((bits & LANGUAGE_BIT[language]) === 0) continue;
      if (language === 'de') {
        for (const stem of germanStems(key)) add(this.byStem.de.get(stem));
      } else {
        add(this.byStem[language].get(stemOf(language, key)));
      }
    }
    if (bits & FIRST_BIT) add(this.firstPartOf(key));
    if (this.heads.size > 0 && key.length >= this.headLengths.min + MIN_MODIFIER) {
      add(this.headOf(key));
    }
    if (this.known.size >= KNOWN_LIMIT) this.known.clear();
    this.known.set(key, found.length > 0 ? found : null);
    return found.length > 0 ? found : undefined;
  }

  /** Targets whose stem begins `key` with at least MIN_REST letters after it. */
  private firstPartOf(key: string): Target<T>[] | undefined {
    const spelled = germanSpelling(key);
    const longest = Math.min(this.firstLengths.max, spelled.length - MIN_REST);
    for (let length = longest; length >= this.firstLengths.min; length--) {
      const targets = this.firsts.get(spelled.slice(0, length));
      if (targets) return targets;
    }
    return undefined;
  }

  /** Targets whose stem ends the German stem of `key`, after a modifier of its own. */
  private headOf(key: string): Target<T>[] | undefined {
    for (const stem of germanStems(key)) {
      const longest = Math.min(this.headLengths.max, stem.length - MIN_MODIFIER);
      for (let length = longest; length >= this.headLengths.min; length--) {
        const at = stem.length - length;
        const targets = this.heads.get(stem.slice(at));
        if (!targets) continue;
        const joint = stem.slice(0, at + 1);
        if (ONSETS.has(joint.slice(-2)) || SCH_ONSET.test(joint)) continue;
        return targets;
      }
    }
    return undefined;
  }

  /** Where a hit of `target` ending with `words[index]` starts, if its other conditions hold. */
  private startOf(
    text: string,
    words: readonly WordToken[],
    index: number,
    target: Target<T>,
    offset: number,
    floor: number,
  ): number | undefined {
    const word = words[index] as WordToken;
    const written = offset > 0 ? word.text.slice(offset) : word.text;
    if (target.noun && !UPPER_FIRST.test(written)) return undefined;
    if (target.shape) {
      if (UPPER_FIRST.test(written) !== target.shape.firstUpper) return undefined;
      const rest = written.slice(1);
      if (target.shape.restLower && rest !== rest.toLowerCase()) return undefined;
    }
    // The phrase's first word may follow an elision too ("l'ordinateur portables").
    let start =
      target.before.length > 0
        ? phraseStartBefore(text, words, index, target.before, this.caseSensitive)
        : word.start + offset;
    if (start === undefined) return undefined;
    // After an elision the character before is its apostrophe, never a sigil.
    const sigil = text.charAt(start - 1);
    if (sigil === '#' || sigil === '@') start -= 1;
    return start >= floor ? start : undefined;
  }
}

function widened(range: { min: number; max: number }, length: number) {
  return { min: Math.min(range.min, length), max: Math.max(range.max, length) };
}

/** Longer hits first (more words of the phrase), then a word's own forms over compounds. */
function better<T>(a: Candidate<T>, b: Candidate<T>): boolean {
  if (a.start !== b.start) return a.start < b.start;
  const kinds = KIND_ORDER[a.target.kind] - KIND_ORDER[b.target.kind];
  return kinds !== 0 ? kinds < 0 : a.target.order < b.target.order;
}
