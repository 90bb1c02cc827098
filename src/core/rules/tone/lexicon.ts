import {
  resolveConfusablesTransformer,
  resolveLeetSpeakTransformer,
  type SimpleTransformerContainer,
} from 'obscenity';
import profanityData from '../../data/profanity.json';
import { removeSuggestion } from '../../suggestions';
import type { TextAnalysis, WordToken } from '../../text/analysis';
import { elidedStart, elidedWords, PhraseMatcher } from '../../text/phrases';
import { wordKey } from '../support/finding';
import { listKey } from './lists';
import type { ToneHit } from './types';

/**
 * The matcher behind the `profanity` and `slurs` checks: a word list with a level per word,
 * matched on word tokens (so "classy", "Scunthorpe" and "cocktail" are single words that
 * never contain a hit), with what people do to get a word past a filter:
 *
 * - inflections and compounds: listed words get their plural and -ed/-er/-ing forms, and
 *   the list's compound roots are found inside words ("dumbshit", "absofuckinglutely"),
 *   except in the listed innocent words ("shiitake", "cockpit");
 * - symbols and digits for letters ("@sshole", "b!+ch", "sh!+", "a$$", "5h1t", "f*ck"),
 *   resolved with obscenity's leetspeak and Unicode-confusables tables ("ƒuck"), plus
 *   `+` for t; `v` for u ("fvck"); stretched letters ("fuuuuck", "shiiiit");
 * - names read as names: "Dick Cheney", "Moby Dick" (a listed name word next to another
 *   capitalised word), and the listed innocent phrases ("cum laude", "Dick Van Dyke");
 * - a French elision written onto the word ("Espèce d'enfoiré"): the hit is the word, and
 *   its removal takes the elision too.
 */

export type Level = 'mild' | 'strong' | 'slur';

export interface LexiconHit extends ToneHit {
  level: Level;
}

/**
 * Where a compound root may stand in a word: anywhere ("absofuckinglutely"), at either end
 * ("dumbshit", "shithead", but not "Matsushita"), or only at the start ("cockhead", but not
 * "peacock").
 */
export type RootPosition = 'anywhere' | 'edge' | 'start';

export interface CompoundRoot {
  root: string;
  position: RootPosition;
  level: Level;
}

export interface LexiconSource {
  /** Words and phrases with their level; a word may be listed in any case. */
  entries: Iterable<[string, Level]>;
  /** Roots found inside compounds, each with where it may stand. */
  compoundRoots?: readonly CompoundRoot[];
}

const INNOCENT = new Set(profanityData.innocent.map(listKey));
const NAMES = new Set(profanityData.names.map(listKey));
const INNOCENT_PHRASES = new PhraseMatcher<true>(false);
for (const phrase of profanityData.innocentPhrases) INNOCENT_PHRASES.add(phrase, true);

const VERBS = new Set(profanityData.verbs.map(listKey));

/**
 * Forms a listed single word also takes: its plural ("bitches"), and for the swear words
 * used as verbs (`verbs` in profanity.json) -ed, -er, -ing and -in ("bitched", "wanker",
 * "fuckin"). Verb forms are not made for every word: "prick" would give "pricked", "tit"
 * "titter" and "spic" "spiced".
 */
export function wordForms(word: string): string[] {
  if (!/^\p{L}+$/u.test(word) || word.length < 3) return [word];
  const forms = [word];
  const y = /[^aeiou]y$/.test(word);
  forms.push(
    y ? `${word.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`,
  );
  if (!VERBS.has(word)) return forms;
  const stem = /[^aeiou][aeiou][bdgmnpt]$/.test(word) ? word + word.slice(-1) : word;
  forms.push(`${stem}ed`, `${stem}er`, `${stem}ers`, `${stem}ing`, `${stem}in`, `${stem}y`);
  return forms;
}

/** The endings `wordForms` adds, longest first. */
const FORM_ENDINGS = ['ies', 'ers', 'ing', 'es', 'ed', 'er', 'in', 's', 'y'];

/**
 * Whether `key` is one of the forms (`wordForms`) of a word `listed` says is listed: the
 * inverse of `wordForms`, asked of one word at a time instead of making every form of a list.
 */
export function isFormOfListed(key: string, listed: (word: string) => boolean): boolean {
  if (listed(key)) return true;
  for (const ending of FORM_ENDINGS) {
    if (!key.endsWith(ending) || key.length <= ending.length) continue;
    const stem = key.slice(0, -ending.length);
    const bases = ending === 'ies' ? [`${stem}y`] : [stem];
    // A doubled last consonant before -ed, -er, -ing ("bitched", but "fucked", "shitting").
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) bases.push(stem.slice(0, -1));
    for (const base of bases) if (listed(base) && wordForms(base).includes(key)) return true;
  }
  return false;
}

const LEET: SimpleTransformerContainer = resolveLeetSpeakTransformer();
const CONFUSABLES: SimpleTransformerContainer = resolveConfusablesTransformer();
/** Symbols obscenity's table has not got that people write for letters. */
const EXTRA_LEET: Record<string, string> = { '+': 't', '€': 'e', '£': 'l' };

/** Characters a disguised word may be made of (letters, digits and the symbols above). */
const RUN_CHAR = /[\p{L}\p{N}*!@$|+€£()]/u;
const SYMBOL = /[*!@$|+€£0-9]/g;
const HAS_SYMBOL = /[*!@$|+€£0-9]/;
const LETTER = /\p{L}/u;
const NON_ASCII = /[^\u0020-\u007e]/;
const STRETCHED = /(\p{L})\1\1/u;
/** What may stand between letters written apart: "f u c k", "f.u.c.k", "s-h-i-t". */
const SEPARATOR = /[ ._*-]/;

function resolveChar(char: string, table: SimpleTransformerContainer): string {
  const code = char.codePointAt(0) as number;
  const out = table.transform(code);
  return out === undefined ? char : String.fromCodePoint(out);
}

/** The word with symbols and look-alike letters resolved ("b!+ch" → "bitch"). */
function resolved(word: string): string {
  let out = '';
  for (const char of word) {
    const extra = EXTRA_LEET[char];
    if (extra) out += extra;
    else if (char === '*') out += '*';
    else out += resolveChar(resolveChar(char, CONFUSABLES), LEET);
  }
  return out.toLowerCase();
}

/** Each run of three or more of one letter cut to one and to two ("fuuuck" → fuck, fuuck). */
function unstretched(key: string): string[] {
  const one = key.replace(/(\p{L})\1{2,}/gu, '$1');
  const two = key.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return one === two ? [one] : [one, two];
}

function fits(candidate: string, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = candidate.charAt(i);
    if (c !== word.charAt(i) && c !== '*') return false;
  }
  return true;
}

const MAX_KNOWN = 20_000;

/** A listed word found disguised in a run of letters and symbols. */
interface Disguise {
  offset: number;
  length: number;
  level: Level;
}

/**
 * Answers already worked out, by key: a post repeats its words, and the next keystroke's
 * check sees the same words again. Bounded, so a long session cannot grow it without end.
 */
class Remembered<V> {
  private readonly known = new Map<string, V | null>();

  constructor(private readonly workOut: (key: string) => V | undefined) {}

  get(key: string): V | undefined {
    const known = this.known.get(key);
    if (known !== undefined) return known ?? undefined;
    const value = this.workOut(key);
    if (this.known.size >= MAX_KNOWN) this.known.clear();
    this.known.set(key, value ?? null);
    return value;
  }
}

function isCapitalised(word: WordToken | undefined): boolean {
  return word !== undefined && /^\p{Lu}/u.test(word.text);
}

export class Lexicon {
  private readonly words = new Map<string, Level>();
  private readonly phrases = new PhraseMatcher<Level>(false);
  private readonly byLength = new Map<number, string[]>();
  private readonly roots: CompoundRoot[];
  private readonly rootPattern: RegExp | undefined;

  constructor(source: LexiconSource) {
    for (const [entry, level] of source.entries) {
      const key = listKey(entry);
      if (/^\p{L}+$/u.test(key)) {
        for (const form of wordForms(key)) {
          if (INNOCENT.has(form) || this.words.has(form)) continue;
          this.words.set(form, level);
          const sameLength = this.byLength.get(form.length);
          if (sameLength) sameLength.push(form);
          else this.byLength.set(form.length, [form]);
        }
      } else {
        this.phrases.add(entry, level);
      }
    }
    this.roots = [...(source.compoundRoots ?? [])];
    this.rootPattern =
      this.roots.length > 0 ? new RegExp(this.roots.map((r) => r.root).join('|')) : undefined;
  }

  /** The level of a plain lower-case word, with its compounds; undefined when clean. */
  private levelOf(key: string): Level | undefined {
    if (INNOCENT.has(key)) return undefined;
    const level = this.words.get(key);
    if (level) return level;
    if (!this.rootPattern?.test(key)) return undefined;
    for (const { root, position, level: rootLevel } of this.roots) {
      const at = key.indexOf(root);
      if (at < 0 || key.length === root.length) continue;
      const start = at === 0;
      const end = key.endsWith(root);
      if (position === 'anywhere' || start || (position === 'edge' && end)) return rootLevel;
    }
    return undefined;
  }

  /** Levels already worked out, by word. */
  private readonly levels = new Remembered<Level>((key) => this.workOutLevel(key));

  /** A word's level, trying the ways a word is disguised without symbols. */
  private workOutLevel(key: string): Level | undefined {
    const level = this.levelOf(key);
    if (level) return level;
    if (NON_ASCII.test(key)) {
      const plain = resolved(key);
      if (plain !== key) return this.levels.get(plain);
    }
    if (STRETCHED.test(key)) {
      for (const form of unstretched(key)) {
        const found = this.levelOf(form);
        if (found) return found;
      }
    }
    if (key.includes('v')) return this.levelOf(key.replaceAll('v', 'u'));
    return undefined;
  }

  /** Where in a run of letters and symbols a disguised listed word is, by run. */
  private readonly disguises = new Remembered<Disguise>((run) => this.readDisguise(run));

  /** Where in `run` a disguised listed word is (offset, length and level), if it spells one. */
  private readDisguise(run: string): Disguise | undefined {
    let offset = 0;
    let word = run;
    // Markdown emphasis (*word*), brackets and exclamation marks around a word are not part of it.
    const lead = /^[*(]+/.exec(word)?.[0].length ?? 0;
    if (lead > 0 && /[*)]$/.test(word)) {
      offset = lead;
      word = word.slice(lead).replace(/[*)]+$/, '');
    }
    word = word.replace(/[!|)]+$/, '');
    if (word.length < 3 || word.startsWith('*') || !LETTER.test(word)) return undefined;
    // "shit!" and "(shit)": the word was left to this pass only for the symbols around it.
    if (!HAS_SYMBOL.test(word)) {
      const level = /^\p{L}+$/u.test(word) ? this.levels.get(word.toLowerCase()) : undefined;
      return level ? { offset, length: word.length, level } : undefined;
    }
    // "@sshole" is a disguise, "@sh1t" or "@dana" a mention: after an @, only a listed word counts.
    if (word.startsWith('@')) {
      const level = this.words.get(resolved(word));
      return level ? { offset, length: word.length, level } : undefined;
    }
    // Digits that stand for no letter: a code or a count ("b2b", "4x4"), not a disguise.
    if (/[2689]/.test(word)) return undefined;
    const plain = resolved(word);
    if (!plain.includes('*')) {
      const level = this.levels.get(plain) ?? this.levels.get(plain.replaceAll('i', 'l'));
      return level ? { offset, length: word.length, level } : undefined;
    }
    const match = (this.byLength.get(plain.length) ?? []).find((w) => fits(plain, w));
    const level = match ? this.words.get(match) : undefined;
    return level ? { offset, length: word.length, level } : undefined;
  }

  match(analysis: TextAnalysis): LexiconHit[] {
    const { text } = analysis;
    const words = analysis.words();
    // Innocent phrases are looked for only once there is a hit they could cancel.
    let innocent: { start: number; end: number }[] | undefined;
    const inInnocent = (start: number, end: number) => {
      innocent ??= INNOCENT_PHRASES.match(analysis);
      return innocent.some((p) => p.start <= start && end <= p.end);
    };
    const hits: LexiconHit[] = [];
    const push = (from: number, end: number, level: Level) => {
      if (inInnocent(from, end)) return;
      // A hashtag is removed with its hash ("#shit"), a word with its elision ("d'enfoiré").
      const start = text.charAt(from - 1) === '#' ? from - 1 : from;
      const removal = removeSuggestion(text, elidedStart(text, start), end);
      hits.push({ start, end, level, suggestions: [removal] });
    };

    for (const hit of this.phrases.match(analysis)) push(hit.start, hit.end, hit.value);
    const elided = elidedWords(analysis);

    for (let i = 0; i < words.length; i++) {
      const word = words[i] as WordToken;
      // A word with symbols next to it ("sh" of "sh!t", "fuck!") is read with them below.
      if (HAS_SYMBOL.test(text.charAt(word.end)) || HAS_SYMBOL.test(text.charAt(word.start - 1)))
        continue;
      let key = wordKey(word);
      let start = word.start;
      let end = word.end;
      // "For fuck's sake": the possessive's word, without its 's.
      if (key.endsWith("'s")) {
        key = key.slice(0, -2);
        end -= 2;
      }
      let level = this.levels.get(key);
      if (!level) {
        const elision = elided.size > 0 ? elided.get(i) : undefined;
        if (elision === undefined) continue;
        key = key.slice(elision);
        start += elision;
        level = this.levels.get(key);
        if (!level) continue;
      }
      if (NAMES.has(key) && isCapitalised(word)) {
        const before = words[i - 1];
        const after = words[i + 1];
        const adjacent = (a: WordToken, b: WordToken) =>
          /^[\s.]{1,3}$/.test(text.slice(a.end, b.start));
        if (
          (before && isCapitalised(before) && adjacent(before, word)) ||
          (after && isCapitalised(after) && adjacent(word, after))
        )
          continue;
      }
      push(start, end, level);
    }

    // Runs with symbols are found from their symbols: most words have none.
    let reached = 0;
    SYMBOL.lastIndex = 0;
    for (let symbol = SYMBOL.exec(text); symbol !== null; symbol = SYMBOL.exec(text)) {
      if (symbol.index < reached) continue;
      let from = symbol.index;
      while (from > 0 && RUN_CHAR.test(text.charAt(from - 1))) from--;
      let to = symbol.index + 1;
      while (to < text.length && RUN_CHAR.test(text.charAt(to))) to++;
      reached = to;
      const run = text.slice(from, to);
      // A hashtag, a mention, or part of an address or a domain ("c0ck@host.example") is not a word.
      if (
        run.length < 3 ||
        run.length > 24 ||
        /[#.]/.test(text.charAt(from - 1)) ||
        (text.charAt(to) === '.' && LETTER.test(text.charAt(to + 1))) ||
        /@[\p{L}\p{N}-]+\.\p{L}/u.test(run)
      ) {
        continue;
      }
      const found = this.disguises.get(run);
      if (!found) continue;
      const start = from + found.offset;
      push(start, start + found.length, found.level);
    }
    // Letters written apart ("f u c k", "f.u.c.k"): single-letter words one separator apart.
    for (let i = 0; i < words.length; ) {
      let j = i;
      while (
        j + 1 < words.length &&
        (words[j] as WordToken).text.length === 1 &&
        (words[j + 1] as WordToken).text.length === 1 &&
        (words[j + 1] as WordToken).start === (words[j] as WordToken).end + 1 &&
        SEPARATOR.test(text.charAt((words[j] as WordToken).end))
      )
        j++;
      if (j - i >= 2) {
        const first = words[i] as WordToken;
        const last = words[j] as WordToken;
        const spelled = words
          .slice(i, j + 1)
          .map((w) => w.lower)
          .join('');
        const level = this.words.get(spelled);
        if (level && !RUN_CHAR.test(text.charAt(last.end))) push(first.start, last.end, level);
      }
      i = j + 1;
    }
    // One hit per stretch of text: the passes can meet ("f*u*c*k" is a run and spaced letters).
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let reachedEnd = -1;
    return hits.filter((hit) => {
      if (hit.start < reachedEnd) return false;
      reachedEnd = hit.end;
      return true;
    });
  }
}
