import nlp from 'compromise';
import { languagesOfCommonWord } from '../rules/tone/common-words';

/**
 * Whether compromise could name anyone in a piece of text, read from its words alone, before
 * any of compromise runs. Tagging a sentence costs compromise 0.2 to 0.5 ms even when it names
 * nobody, most sentences name nobody, and a keystroke re-tags its sentence: this gate lets
 * tagPiece answer "no names" for a sentence whose words cannot lead to a person tag, in a few
 * microseconds.
 *
 * It is built from compromise's own model when first asked, and it errs one way only: it may
 * say a sentence could name someone when compromise finds no one (compromise then runs and
 * decides), never the reverse, by this account of compromise 14's tagging:
 * - a name is `#Honorific+? #Person+` (people()): it needs a term with a person tag;
 * - before the post-tagger, person tags come from the lexicon (single and multi-word, frozen
 *   or not), switch words that may read as one, the neighbour patterns ("Dr. X", "X jr") and
 *   suffix, prefix and regular-expression patterns. Each is read from compromise's model, and a
 *   word that meets one, in any form compromise may read it in, opens the gate;
 * - the post-tagger runs every rule on the untouched sentence (see tagger.ts mayNameSomeone),
 *   so a rule that sets a person tag matches only if each of its required terms does. Each such
 *   rule requires a person tag (above), or one of some words; those words open the gate, or,
 *   where the rule also requires a proper noun ("sister #ProperNoun"), open it together with a
 *   term that may be one: a capital after the first term ("I'm" is one), a place or an
 *   organisation of the lexicon or of its patterns, an acronym, an org or place word after a
 *   capitalised first word;
 * - anything this account does not recognise (a rule with no such term, a neighbour pattern
 *   keyed by another tag, a typeahead plugin) turns the gate off: every piece is tagged.
 * tests/unit/core/name-gate.test.ts checks it against compromise on the corpora and on random
 * sentences; tagger-sweep.test.ts compares tagPiece with `nlp(sentence).people()`.
 */

type Tags = string | readonly string[] | null;

interface TagInfo {
  parents?: readonly string[];
  also?: Tags;
}

interface MatchTerm {
  word?: string;
  method?: string;
  tag?: string;
  switch?: string;
  fastOr?: Set<string>;
  choices?: MatchTerm[][];
  operator?: 'and' | 'or';
  optional?: boolean;
  negative?: boolean;
}

interface Model {
  one: {
    tagSet: Record<string, TagInfo>;
    lexicon: Record<string, Tags>;
    frozenLex: Record<string, Tags>;
    typeahead?: Record<string, unknown>;
    aliases: Record<string, string>;
    emoticons: Record<string, unknown>;
    contractions: readonly { word?: string; out?: readonly string[] }[];
  };
  two: {
    switches: Record<string, string>;
    clues: Record<string, Record<string, Record<string, string>>>;
    orgWords: Record<string, unknown>;
    placeWords: Record<string, unknown>;
    neighbours: Record<'leftTags' | 'leftWords' | 'rightTags' | 'rightWords', [string, string][]>;
    suffixPatterns: (Record<string, string> | null)[];
    prefixPatterns: (Record<string, string> | null)[];
    endsWith: Record<string, [RegExp, Tags, ...unknown[]][]>;
    regexText: [RegExp, Tags, ...unknown[]][];
    regexNormal: [RegExp, Tags, ...unknown[]][];
    regexNumbers: [RegExp, Tags, ...unknown[]][];
    matches: readonly { match: string; tag?: unknown }[];
  };
}

interface World {
  model: Model;
  methods: {
    one: {
      killUnicode(text: string, world: object): string;
      parseMatch(match: string, options: object, world: object): MatchTerm[];
    };
  };
}

export interface NameGate {
  /** False only when compromise cannot find a name in `text` (see the module's comment). */
  mayName(text: string): boolean;
  /** The gate's words, each with what it may make of a term (the flags below); for tests. */
  readonly words: ReadonlyMap<string, number>;
}

const ALWAYS: NameGate = { mayName: () => true, words: new Map() };

/** Whether any of `tags` is a name tag. */
function hasNameTag(tags: Tags | undefined, nameTags: ReadonlySet<string>): boolean {
  if (tags === undefined || tags === null) return false;
  return typeof tags === 'string' ? nameTags.has(tags) : tags.some((tag) => nameTags.has(tag));
}

/** Person, ProperNoun and every tag that adds either when set (their children, `also`). */
function nameTagsOf(tagSet: Record<string, TagInfo>): Set<string> {
  const tags = new Set(['Person', 'ProperNoun']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [tag, info] of Object.entries(tagSet)) {
      if (tags.has(tag)) continue;
      const also = typeof info.also === 'string' ? [info.also] : (info.also ?? []);
      if ([...(info.parents ?? []), ...also].some((parent) => tags.has(parent))) {
        tags.add(tag);
        grew = true;
      }
    }
  }
  return tags;
}

/** The words of a post-tagger rule's `tag` ("Person", "#FirstName #Person ."), whatever its shape. */
export function tagWordsOf(tag: unknown): string[] {
  const written = Array.isArray(tag) ? tag.join(' ') : typeof tag === 'string' ? tag : '';
  return written.split(/[^A-Za-z]+/).filter(Boolean);
}

/**
 * What a required match term needs, as the gate can see it: `true` if it needs a name tag
 * (already gated), a set of words if it needs one of them, undefined if it can match some
 * other way.
 */
function needOf(
  term: MatchTerm,
  nameTags: ReadonlySet<string>,
  costOf: Cost,
): true | Set<string> | undefined {
  if (term.optional || term.negative) return undefined;
  if (term.tag !== undefined) return nameTags.has(term.tag) ? true : undefined;
  // A switch word that may read as a name is one of the gate's words already.
  if (term.switch !== undefined)
    return term.switch.split('|').some((reading) => nameTags.has(reading)) ? true : undefined;
  if (term.word !== undefined) return new Set([term.word]);
  if (term.fastOr) {
    const words = [...term.fastOr];
    return words.every((word) => /^[a-z0-9']+$/.test(word)) ? new Set(words) : undefined;
  }
  if (term.choices) {
    const needs = term.choices.map((sequence) => needOfSequence(sequence, nameTags, costOf));
    if (term.operator === 'and') {
      const need = needs.find((found) => found !== undefined);
      // "(will && @isTitleCase)": the word, written with a capital.
      const capitalised = term.choices.some((sequence) =>
        sequence.some((choice) => choice.method === 'isTitleCase'),
      );
      return capitalised && need instanceof Set
        ? new Set([...need].map((word) => CAPITALISED + word))
        : need;
    }
    // One of the choices must match: the term needs what every choice needs.
    if (needs.some((need) => need === undefined)) return undefined;
    if (needs.every((need) => need === true)) return true;
    const words = new Set<string>();
    for (const need of needs) {
      if (need === true) return undefined;
      for (const word of need as Set<string>) words.add(word);
    }
    return words;
  }
  return undefined;
}

/**
 * How often a gate of these words would open: a word compromise knows as something else
 * than a name ("a", "today") or an everyday English word counts most; then the longer word.
 */
type Cost = (words: ReadonlySet<string>) => number;

/** Marks a gate word that counts only when written with a capital ("Will"). */
const CAPITALISED = '^';

function costOfWords(lexicon: Record<string, Tags>, nameTags: ReadonlySet<string>): Cost {
  return (words) => {
    let cost = 0;
    for (const word of words) {
      const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
      if (word.startsWith(CAPITALISED)) cost += 1;
      else if (languagesOfCommonWord(word)?.includes('en')) cost += 10_000;
      else if (tags !== undefined && !hasNameTag(tags, nameTags)) cost += 100;
      else cost += 1;
      cost += 1 / (1 + word.length);
    }
    return cost;
  };
}

/** What a sequence of terms needs: a name tag if any term does, else its rarest words. */
function needOfSequence(
  terms: readonly MatchTerm[],
  nameTags: ReadonlySet<string>,
  costOf: Cost,
): true | Set<string> | undefined {
  let best: Set<string> | undefined;
  for (const term of terms) {
    const need = needOf(term, nameTags, costOf);
    if (need === true) return true;
    if (need && (!best || costOf(need) < costOf(best))) best = need;
  }
  return best;
}

const SWITCH_PREFIX = /^(under|over|mis|re|un|dis|semi)-?/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const UPPER = /\p{Lu}/u;
const NON_ASCII = /[^ -~]/;
const SLASH_ALIAS_BARRED = /[a-z]\.[a-z]|[0-9]/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CONTRACTED = /['’‘‛`´](s|d|ll|re|ve|m|t)$|n['’‘‛`´]t$/;
/** What compromise's contractions make of an apostrophe ending ("we'll" → "we will"). */
const EXPANSIONS = [
  'is',
  'has',
  'was',
  'would',
  'had',
  'will',
  'shall',
  'are',
  'have',
  'am',
  'not',
  'us',
];

/** What one chunk (a run without white space) is, wherever it stands. */
const OPENS = 1;
/** May be a proper noun or an acronym (but not a person) whatever its case. */
const PROPER = 2;
/** One of the words a rule needs along with a proper noun. */
const WITH_PROPER = 4;
const ORG_OR_PLACE_WORD = 8;
/** No letter or digit: punctuation compromise carries onto a neighbouring term. */
const TRANSPARENT = 16;

/** Words and patterns, each of what it may make of a term. */
interface Sources {
  words: Map<string, number>;
  suffixes: Map<string, number>[];
  prefixes: Map<string, number>[];
  regexes: [RegExp, number][];
}

interface Gate extends Sources {
  emoticons: ReadonlySet<string>;
  /** The most any contraction's expansion opens. */
  expansions: number;
  killUnicode(text: string): string;
  known: Map<string, number>;
}

/** The rarest word of a multi-word entry: all of its words must be in the sentence. */
function rarestWord(entry: string, costOf: Cost): string {
  const words = entry.split(' ');
  let best = words[words.length - 1] as string;
  for (const word of words) if (costOf(new Set([word])) < costOf(new Set([best]))) best = word;
  return best;
}

/** A tag and every tag below it (Person: FirstName, LastName, Honorific…). */
export function tagsOf(tagSet: Record<string, TagInfo>, root: string): Set<string> {
  return new Set(
    Object.entries(tagSet)
      .filter(([tag, info]) => tag === root || (info.parents ?? []).includes(root))
      .map(([tag]) => tag),
  );
}

function buildGate(world: World): NameGate {
  const { one, two } = world.model;
  if (Object.keys(one.typeahead ?? {}).length > 0) return ALWAYS;
  const personTags = tagsOf(one.tagSet, 'Person');
  // Acronyms make org words organisations ("IBM Bank"): kept with proper nouns.
  const nameTags = new Set([...nameTagsOf(one.tagSet), 'Acronym']);
  /** What a tag set may make of a term: OPENS for a person, PROPER for another name. */
  const effectOf = (tags: Tags | undefined) =>
    hasNameTag(tags, personTags) ? OPENS : hasNameTag(tags, nameTags) ? PROPER : 0;
  const costOf = costOfWords(one.lexicon, nameTags);
  const sources: Sources = { words: new Map(), suffixes: [], prefixes: [], regexes: [] };
  const addWord = (word: string, effect: number) => {
    if (effect !== 0) sources.words.set(word, (sources.words.get(word) ?? 0) | effect);
  };

  for (const lexicon of [one.lexicon, one.frozenLex]) {
    for (const [entry, tags] of Object.entries(lexicon))
      addWord(rarestWord(entry, costOf), effectOf(tags));
  }
  // A switch word by what its reading may be: its form ("Person|Verb") and its clues.
  const formEffects = new Map<string, number>();
  for (const form of new Set(Object.values(two.switches))) {
    const clues = two.clues[form] ?? {};
    const readings = [
      ...form.split('|'),
      ...Object.values(clues).flatMap((byKey) => Object.values(byKey)),
    ];
    formEffects.set(
      form,
      readings.reduce((effect, reading) => effect | effectOf(reading), 0),
    );
  }
  for (const [word, form] of Object.entries(two.switches))
    addWord(word, formEffects.get(form) ?? 0);
  for (const [word, tag] of [...two.neighbours.leftWords, ...two.neighbours.rightWords])
    addWord(word, effectOf(tag));
  // A neighbour's tag that sets a name tag must itself be one ("Dr." → Honorific → Person).
  for (const [tag, result] of [...two.neighbours.leftTags, ...two.neighbours.rightTags]) {
    if (effectOf(result) > effectOf(tag)) return ALWAYS;
  }

  // The post-tagger's rules that set a person tag: each requires a person tag, or some words.
  const { parseMatch } = world.methods.one;
  for (const rule of two.matches) {
    if (!tagWordsOf(rule.tag).some((tag) => personTags.has(tag))) continue;
    const terms = parseMatch(rule.match, {}, world);
    const needs = needOfSequence(terms, personTags, costOf);
    if (needs === undefined) return ALWAYS;
    if (needs === true) continue;
    const withProper = needOfSequence(terms, nameTags, costOf) === true;
    for (const word of needs) addWord(word, withProper ? WITH_PROPER : OPENS);
  }
  for (const [alias, word] of Object.entries(one.aliases))
    addWord(alias, sources.words.get(word) ?? 0);
  for (const { word, out } of one.contractions) {
    if (word)
      addWord(
        word,
        (out ?? []).reduce((e, w) => e | (sources.words.get(w) ?? 0), 0),
      );
  }

  const byLength = (patterns: (Record<string, string> | null)[]) =>
    patterns.map(
      (byAffix) =>
        new Map(
          Object.entries(byAffix ?? {})
            .map(([affix, tag]): [string, number] => [affix, effectOf(tag)])
            .filter(([, effect]) => effect !== 0),
        ),
    );
  sources.suffixes = byLength(two.suffixPatterns);
  sources.prefixes = byLength(two.prefixPatterns);
  sources.regexes = [
    ...two.regexText,
    ...two.regexNormal,
    ...two.regexNumbers,
    ...Object.values(two.endsWith).flat(),
  ]
    .map(([regex, tags]): [RegExp, number] => [regex, effectOf(tags)])
    .filter(([, effect]) => effect !== 0);
  for (const word of [...Object.keys(two.orgWords), ...Object.keys(two.placeWords)])
    addWord(word, ORG_OR_PLACE_WORD);
  return gateOf({
    ...sources,
    emoticons: new Set(Object.keys(one.emoticons)),
    expansions: EXPANSIONS.reduce((e, word) => e | (sources.words.get(word) ?? 0), 0),
    killUnicode: (text) => world.methods.one.killUnicode(text, world),
    known: new Map(),
  });
}

/** The forms compromise may look a chunk up by: normal, machine, alias, parts, prefix-less. */
function formsOf(lower: string, bare: string, gate: Gate): Set<string> {
  const forms = new Set([lower, bare]);
  forms.add(bare.replace(/['’]s$/, '').replace(/s['’]$/, 's'));
  forms.add(bare.replace(/[-–—.]/g, ''));
  forms.add(bare.replace(/[‘’‛`´]/g, "'"));
  // The terms compromise cuts a chunk into (at dashes, at contractions' apostrophes), and the
  // aliases it looks a slashed word up by ("he/she"), which it makes only without a domain or
  // a digit (alias.js): a link's path is one term ("…/2026/l" has no term "l").
  for (const part of bare.split(/[-–—'’]+/)) forms.add(part);
  if (!SLASH_ALIAS_BARRED.test(bare)) for (const part of bare.split('/')) forms.add(part);
  for (const form of [...forms]) {
    if (NON_ASCII.test(form)) forms.add(gate.killUnicode(form));
    forms.add(form.replace(SWITCH_PREFIX, ''));
  }
  forms.delete('');
  return forms;
}

function affixEffect(form: string, byLength: Map<string, number>[], fromEnd: boolean): number {
  let effect = 0;
  for (let length = 1; length < byLength.length && length <= form.length; length++) {
    const affixes = byLength[length];
    if (affixes && affixes.size > 0) {
      const affix = fromEnd ? form.slice(form.length - length) : form.slice(0, length);
      effect |= affixes.get(affix) ?? 0;
    }
  }
  return effect;
}

function regexEffect(text: string, gate: Gate): number {
  let effect = 0;
  for (const [regex, found] of gate.regexes) {
    regex.lastIndex = 0;
    if (regex.test(text)) effect |= found;
  }
  return effect;
}

/** What a chunk may be, wherever it stands (the flags above). */
function classify(chunk: string, gate: Gate): number {
  if (gate.emoticons.has(chunk)) return OPENS;
  if (!LETTER_OR_DIGIT.test(chunk)) return TRANSPARENT;
  const lower = chunk.toLowerCase();
  const bare = lower.replace(EDGE_PUNCTUATION, '');
  let kind = CONTRACTED.test(bare) ? gate.expansions : 0;
  const written = chunk.replace(EDGE_PUNCTUATION, '');
  const capitalised = UPPER.test(written.charAt(0));
  for (const form of formsOf(lower, bare, gate)) {
    kind |= gate.words.get(form) ?? 0;
    if (capitalised) kind |= gate.words.get(CAPITALISED + form) ?? 0;
    kind |= affixEffect(form, gate.suffixes, true) | affixEffect(form, gate.prefixes, false);
    kind |= regexEffect(form, gate);
  }
  // regexText reads the term as written ("F.B.I", "#Tag").
  return kind | regexEffect(written, gate) | regexEffect(chunk, gate);
}

function kindOf(chunk: string, gate: Gate): number {
  let kind = gate.known.get(chunk);
  if (kind === undefined) {
    kind = classify(chunk, gate);
    // Words repeat (a post's vocabulary is small); bounded like every cache of the engine.
    if (gate.known.size >= 20_000) gate.known.clear();
    gate.known.set(chunk, kind);
  }
  return kind;
}

/**
 * Whether a chunk's capitals may make it a proper noun or an acronym: any capital after the
 * first term (checkCase, acronyms, roman numerals), but for the one-letter words compromise
 * leaves alone ("I", "A"); in the first term, a capital after its first letter, or a single
 * capital letter (an acronym).
 */
function capitalMakesProper(chunk: string, first: boolean): boolean {
  const bare = chunk.replace(EDGE_PUNCTUATION, '');
  if (!first) return UPPER.test(bare) && bare !== 'I' && bare !== 'A';
  if (UPPER.test(bare.slice(1))) return true;
  return bare.length === 1 && bare !== 'I' && bare !== 'A';
}

function gateOf(gate: Gate): NameGate {
  return {
    words: gate.words,
    mayName(text) {
      // The first term is the first chunk only when the text starts with a letter.
      let first = /^\s*\p{L}/u.test(text);
      let capitalisedFirst = false;
      let proper = false;
      let withProper = false;
      for (const chunk of text.split(/\s+/)) {
        if (chunk === '') continue;
        const kind = kindOf(chunk, gate);
        if (kind & OPENS) return true;
        if (kind & TRANSPARENT) continue;
        if (kind & PROPER || (UPPER.test(chunk) && capitalMakesProper(chunk, first))) proper = true;
        // An org or place word may make an organisation or a place of a capitalised first
        // word before it ("Acme bank", "Foo national park").
        if (kind & ORG_OR_PLACE_WORD && capitalisedFirst) proper = true;
        if (kind & WITH_PROPER) withProper = true;
        if (proper && withProper) return true;
        if (first) capitalisedFirst = UPPER.test(chunk.charAt(0));
        first = false;
      }
      return false;
    },
  };
}

let built: NameGate | undefined;

/** The gate for the compromise loaded, built on first use. */
export function nameGate(): NameGate {
  built ??= buildGate(nlp.world() as unknown as World);
  return built;
}
