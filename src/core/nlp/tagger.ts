import nlp from 'compromise';
import { nameGate, tagsOf, tagWordsOf } from './name-gate';

/**
 * The only calls into compromise for names: its sentence splitter, and one tagging pass over
 * a piece of text. Kept apart from the incremental logic (people.ts) so that what is reused
 * and what compromise itself says stay easy to tell apart.
 */

export interface NameSpan {
  start: number;
  end: number;
}

/** One tagging pass, in compromise's own character accounting (see `consumed`). */
export interface TaggedPiece {
  /** Names as compromise reports them: offset and length, with any punctuation it kept. */
  names: readonly (readonly [start: number, length: number])[];
  /**
   * The characters compromise's terms account for (pre + text + post of every term). It is
   * the length of the piece, except where its tokenizer rewrites a term (an emoticon such as
   * "<3" followed by several spaces keeps one): compromise's offsets after that point are
   * off by the difference, and a whole-post pass carries the error into later sentences.
   * A pass over pieces adds this figure, not the piece's length, so it reports the very
   * offsets the whole-post pass reports.
   */
  consumed: number;
}

interface OffsetJson {
  offset?: { start: number; length: number };
}

interface Term {
  pre: string;
  text: string;
  post: string;
  tags: Set<string>;
}

/** The parts of a compromise document this module reads. */
interface Doc {
  document: Term[][];
  docs: Term[][];
  compute(steps: readonly string[]): Doc;
  update(pointers: number[][]): Doc;
  uncache(): Doc;
  unfreeze(): Doc;
  people(): Doc;
  json(options: object): unknown[];
}

/** One of compromise's post-tagger rules: a match, and the tags it sets on what it matches. */
interface TagRule {
  tag?: unknown;
  /** A match that vetoes the rule: a string until a net is built from the rule, parsed after. */
  notIf?: unknown;
}

/** A rule once a net is built from it: what a sentence must have for the rule to be tried. */
interface NetRule {
  match: string;
  needs: readonly string[];
  wants: readonly string[];
  minWant: number;
  ifNo?: readonly string[];
  minWords: number;
}

/** compromise's match-net: rules by a word or tag ("hook") they need, and those needing none. */
interface Net {
  hooks: Record<string, NetRule[]>;
  always: NetRule[];
}

/** A rule matched at a place in one sentence: what compromise's bulkTagger applies. */
type Found = NetRule & { pointer: number[] };

type BuildNet = (rules: TagRule[], world: object) => Net;

/**
 * The functions of compromise's that the sweep and the post-tagger call, looked up on its
 * methods object at each call, as compromise itself does (so a spy or a plugin sees them).
 */
interface SweepMethods {
  one: {
    cacheDoc(docs: Term[][]): Set<string>[];
    match(docs: Term[][], rule: NetRule): { ptrs: number[][] };
    bulkTagger(found: Found[], docs: Term[][], world: object): unknown;
  };
}
type ParseMatch = (match: string, options: object, world: object) => unknown;

/**
 * A match-net of `rules`, built as compromise builds its post-tagger's. Building a net
 * parses each rule in place (its `notIf` from a string to a parsed match), and the post-tagger
 * may have built its own from these very objects already: the net is built from copies, with
 * `notIf` parsed here once whichever state it is in.
 */
function netOf(
  rules: readonly TagRule[],
  buildNet: BuildNet,
  parseMatch: ParseMatch,
  world: object,
): Net {
  const copies = rules.map(({ notIf, ...rule }) => ({ rule: rule as TagRule, notIf }));
  const net = buildNet(
    copies.map((copy) => copy.rule),
    world,
  );
  for (const { rule, notIf } of copies) {
    if (notIf !== undefined)
      rule.notIf = typeof notIf === 'string' ? parseMatch(notIf, {}, world) : notIf;
  }
  return net;
}

/** Whether a sentence with these words and tags meets a rule's needs (compromise's trimDown). */
function meetsNeeds(rule: NetRule, haves: Set<string>): boolean {
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo !== undefined) for (const no of rule.ifNo) if (haves.has(no)) return false;
  if (rule.wants.length === 0) return true;
  let wanted = 0;
  for (const want of rule.wants) if (haves.has(want)) wanted += 1;
  return wanted >= rule.minWant;
}

/**
 * compromise's bulkMatch (1-one/sweep/methods/sweep in compromise 14), step for step and in
 * the same order, but faster at choosing the rules to try. compromise finds the rules a
 * sentence may match by going through every hook of the net (730 in the post-tagger's) and
 * asking the sentence's cache for each, joining their lists as it goes, then drops repeated
 * rules by their match string (with an object of them per sentence), then filters the list
 * three times: for a named sentence of 40 words, some 330 rules to choose the 40 tried from.
 * Here the sentence's cache (its 30 to 80 words and tags) is looked up in the hooks
 * instead, the hooks found are put back in the net's order, and one pass over their lists
 * drops repeats (by a number per match string, stamped per sentence) and applies the filters,
 * so every later step (the matches themselves and the order bulkTagger applies them in) sees
 * the very list compromise's own would give it.
 */
function sweeperOf(net: Net, methods: SweepMethods): (docs: Term[][]) => Found[] {
  const keys = Object.keys(net.hooks);
  const order = new Map(keys.map((key, index) => [key, index]));
  // getHooks keeps the first rule of each match string: rules are told apart by it.
  const matchIds = new Map<string, number>();
  const lists = keys.map((key) =>
    (net.hooks[key] as NetRule[]).map((rule) => {
      let id = matchIds.get(rule.match);
      if (id === undefined) {
        id = matchIds.size;
        matchIds.set(rule.match, id);
      }
      return { rule, id };
    }),
  );
  const seenIn = new Uint32Array(matchIds.size);
  let sentenceStamp = 0;
  return (docs) => {
    const found: Found[] = [];
    methods.one.cacheDoc(docs).forEach((haves, n) => {
      const sentence = docs[n] as Term[];
      const hooked: number[] = [];
      for (const item of haves) {
        const index = order.get(item);
        if (index !== undefined) hooked.push(index);
      }
      hooked.sort((a, b) => a - b);
      if (sentenceStamp === 0xffffffff) {
        seenIn.fill(0);
        sentenceStamp = 0;
      }
      sentenceStamp += 1;
      // getHooks (each match string once, where its first hook puts it), trimDown, then the
      // rules that need nothing, then tooSmall.
      const tries: NetRule[] = [];
      for (const index of hooked) {
        for (const { rule, id } of lists[index] as { rule: NetRule; id: number }[]) {
          if (seenIn[id] === sentenceStamp) continue;
          seenIn[id] = sentenceStamp;
          if (meetsNeeds(rule, haves) && sentence.length >= rule.minWords) tries.push(rule);
        }
      }
      for (const rule of net.always) if (sentence.length >= rule.minWords) tries.push(rule);
      // runMatch.
      for (const rule of tries) {
        for (const pointer of methods.one.match([sentence], rule).ptrs) {
          pointer[0] = n;
          found.push({ ...rule, pointer });
        }
      }
    });
    return found;
  };
}

interface Internals {
  world: object;
  fromString(text: string): Term[][];
  View: new (document: Term[][]) => Doc;
  /** compromise's own steps of `nlp(text)` before its post-tagger. */
  beforePostTagger: readonly string[];
  /** Tags that make a term a person's (Person and every tag below it: FirstName, LastName…). */
  personTags: ReadonlySet<string>;
  /** The post-tagger's rules that can set one of those tags, matched by a net of their own. */
  matchPersonRules(docs: Term[][]): Found[];
  /** Every post-tagger rule, matched as the post-tagger matches them. */
  matchAllRules(docs: Term[][]): Found[];
  methods: SweepMethods;
  quickSplit(docs: Term[][]): Term[][];
}

interface World {
  hooks?: unknown;
  methods?: {
    one?: {
      tokenize?: { fromString?: unknown };
      buildNet?: unknown;
      bulkTagger?: unknown;
      cacheDoc?: unknown;
      match?: unknown;
      parseMatch?: unknown;
    };
    two?: { quickSplit?: unknown };
  };
  model?: {
    one?: { tagSet?: Record<string, { parents?: string[] }> };
    two?: { matches?: TagRule[] };
  };
}

/**
 * compromise's internals that let a sentence with no name skip the post-tagger, or undefined
 * when this compromise does not have them in the shape read here (then every piece is tagged
 * as `nlp(text)` tags it).
 */
function readInternals(): Internals | undefined {
  const world = nlp.world() as World;
  const one = world.methods?.one;
  const fromString = one?.tokenize?.fromString;
  const buildNet = one?.buildNet;
  const bulkTagger = one?.bulkTagger;
  const cacheDoc = one?.cacheDoc;
  const match = one?.match;
  const parseMatch = one?.parseMatch;
  const quickSplit = world.methods?.two?.quickSplit;
  const tagSet = world.model?.one?.tagSet;
  const rules = world.model?.two?.matches;
  const hooks = world.hooks;
  if (
    typeof fromString !== 'function' ||
    typeof buildNet !== 'function' ||
    typeof bulkTagger !== 'function' ||
    typeof cacheDoc !== 'function' ||
    typeof match !== 'function' ||
    typeof parseMatch !== 'function' ||
    typeof quickSplit !== 'function' ||
    !tagSet ||
    !Array.isArray(rules) ||
    !Array.isArray(hooks)
  )
    return undefined;
  const steps = hooks as string[];
  const cut = steps.indexOf('postTagger');
  if (cut < 0) return undefined;
  const personTags = tagsOf(tagSet, 'Person');
  const methods = world.methods as unknown as SweepMethods;
  const sweeper = (net: TagRule[]) =>
    sweeperOf(netOf(net, buildNet as BuildNet, parseMatch as ParseMatch, world), methods);
  return {
    world,
    fromString: (text) => (fromString as (t: string, w: object) => Term[][])(text, world),
    View: (nlp('') as unknown as { constructor: Internals['View'] }).constructor,
    beforePostTagger: steps.slice(0, cut),
    personTags,
    matchPersonRules: sweeper(
      rules.filter((rule) => tagWordsOf(rule.tag).some((tag) => personTags.has(tag))),
    ),
    matchAllRules: sweeper(rules),
    methods,
    quickSplit: quickSplit as Internals['quickSplit'],
  };
}

let internals: Internals | undefined | null = null;

/**
 * Whether compromise's post-tagger could tag someone in this document, read before it runs.
 * Exact, not a guess, because of how compromise 14 tags:
 * - `people()` is `#Honorific+? #Person+`: a name needs a term with a person tag;
 * - after the pre-tagger, tags change only in the post-tagger, which is one sweep: it picks
 *   the rules whose needs the sentence meets (its words and tags *before* the sweep), runs
 *   every one of them on the untouched sentence, and only then applies what they found;
 * - setting a tag adds its parents, and removes others, nothing more.
 * So if no term has a person tag yet, and no rule that sets one matches (tried here with
 * compromise's own sweep on a net of those rules alone), the post-tagger cannot make one.
 */
function mayNameSomeone(doc: Doc, c: Internals): boolean {
  for (const sentence of doc.docs) {
    for (const term of sentence)
      for (const tag of term.tags) if (c.personTags.has(tag)) return true;
  }
  return c.matchPersonRules(c.quickSplit(doc.docs)).length > 0;
}

/**
 * compromise's post-tagger (2-two/postTagger/compute), with its sweep's matching done by
 * sweeperOf: the sentences cut at commas, every rule matched on them untouched, the matches
 * applied in order, then the cache and the frozen marks dropped as it drops them.
 */
function postTag(doc: Doc, c: Internals): void {
  const pieces = c.quickSplit(doc.docs);
  const view = doc.update(
    pieces.map((terms) => {
      const index = (terms[0] as Term & { index: number[] }).index;
      return [index[0] as number, index[1] as number, (index[1] as number) + terms.length];
    }),
  );
  c.methods.one.bulkTagger(c.matchAllRules(view.docs), view.docs, c.world);
  doc.uncache();
  doc.unfreeze();
}

function consumedBy(doc: Doc): number {
  let consumed = 0;
  for (const sentence of doc.document) {
    for (const term of sentence) consumed += term.pre.length + term.text.length + term.post.length;
  }
  return consumed;
}

function namesIn(people: Doc, json: (options: object) => unknown[]): [number, number][] {
  const names: [number, number][] = [];
  for (const person of json.call(people, {
    offset: true,
    text: false,
    terms: false,
  }) as OffsetJson[]) {
    if (person.offset) names.push([person.offset.start, person.offset.length]);
  }
  return names;
}

/**
 * The names of one piece, as `nlp(text).people()` finds them. Most sentences name nobody:
 * those whose words cannot lead to a person tag skip compromise altogether (name-gate.ts);
 * the others that name nobody stop before the post-tagger, most of compromise's time (0.8 of
 * 1.1 ms on a sentence of 120 characters; see mayNameSomeone). The chunker, which `nlp` runs after the
 * post-tagger, sets no tags, and names are read from tags alone, so it is not run. Offsets
 * come from compromise's plain `json` (People's own adds a parse of every name).
 */
export function tagPiece(text: string): TaggedPiece {
  if (internals === null) internals = readInternals();
  const c = internals;
  if (!c) return tagWhole(text);
  // Without an emoticon (which the gate opens on), compromise's terms account for every
  // character: see TaggedPiece.consumed.
  if (!nameGate().mayName(text)) return { names: [], consumed: text.length };
  const doc = new c.View(c.fromString(text)).compute(c.beforePostTagger);
  if (!mayNameSomeone(doc, c)) return { names: [], consumed: consumedBy(doc) };
  postTag(doc, c);
  return { names: namesIn(doc.people(), c.View.prototype.json), consumed: consumedBy(doc) };
}

/** One plain `nlp(text)` pass: the reference, and the way when compromise's internals differ. */
function tagWhole(text: string): TaggedPiece {
  const doc = nlp(text) as unknown as Doc;
  const names: [number, number][] = [];
  for (const person of doc.people().json({ offset: true }) as OffsetJson[]) {
    if (person.offset) names.push([person.offset.start, person.offset.length]);
  }
  return { names, consumed: consumedBy(doc) };
}

type SplitSentences = (text: string, world: object) => string[];

function compromiseSplitter(): SplitSentences | undefined {
  const methods = nlp.methods() as { one?: { tokenize?: { splitSentences?: unknown } } };
  const split = methods.one?.tokenize?.splitSentences;
  return typeof split === 'function' ? (split as SplitSentences) : undefined;
}

/**
 * Looked up on first use, not when this module loads: the CLI's bundle loads compromise on
 * its first call (scripts/build-cli.mjs), and a check that never needs a name never pays
 * for its lexicon.
 */
let splitter: SplitSentences | undefined | null = null;

/**
 * The sentences compromise makes of `text`, with the exact same function it uses when it
 * parses (so the boundaries are its own, not a guess at them). Their concatenation is the
 * text. Undefined if this compromise has no such method, or its answer does not add up to the
 * text: the caller then treats the text as one piece.
 */
export function compromiseSentences(text: string): string[] | undefined {
  if (splitter === null) splitter = compromiseSplitter();
  if (!splitter) return undefined;
  const sentences = splitter(text, nlp.world());
  let length = 0;
  for (const sentence of sentences) length += sentence.length;
  return length === text.length ? sentences : undefined;
}

/** CJK full stops: a text with one anywhere is cut into sentences by other rules, every line of it. */
const CJK_STOP = /[\u3002\uFF01\uFF1F\uFF61]/;
/** compromise's "letter": its splitter keeps a piece without one with the piece before. */
const LETTER = /[\p{L}\p{N}\p{So}]/u;
/**
 * What makes compromise's splitter join a sentence with the one or two after it: an opening
 * quotation mark (its quoteMerge) or bracket (its parensMerge).
 */
const OPENS_A_SENTENCE_UP =
  /["\uFF02\u201C\u201F\u201E\u2E42\u201A\u00AB\u2039\u2035\u2036\u2037\u301D\u301F\u300C\u300E(\uFF08]/;

/** Whether compromise cuts every line of `text` into sentences alike (no CJK full stop in it). */
export function splitsLineByLine(text: string): boolean {
  return !CJK_STOP.test(text);
}

/**
 * Whether compromise cuts `before + after` into the sentences of `before` (given, as
 * compromiseSentences cut it) followed by those of `after` alone, where `before` ends with a
 * line break, `after` starts with `next`, and their text splits line by line. In compromise
 * 14's splitter, step by step:
 * - it splits by line breaks first (each break a piece of its own), then each line by
 *   sentence ends: `before`'s pieces, then `after`'s, in any text without a CJK full stop;
 * - a piece without a letter goes with the piece before, or before the next one when there
 *   is none before: `before` has a letter, so its break goes with a piece of its own, and
 *   `after` starts with one, so its first piece stays its own;
 * - a piece that is not a sentence is joined to the next unless it ends with a line break,
 *   which `before`'s last one now does;
 * - a sentence with an opening quotation mark or bracket takes the next one or two: none is
 *   in the last two sentences of `before`;
 * - white space at the start of a sentence moves to the one before: `after` starts with a letter.
 * (Cutting after sentence ends inside a line too was measured: more pieces to look up cost
 * more than compromise's splitting of the line.)
 */
export function splitsApart(before: string, sentences: readonly string[], next: string): boolean {
  return (
    /[\n\r]$/.test(before) &&
    LETTER.test(before) &&
    LETTER.test(next) &&
    !sentences.slice(-2).some((sentence) => OPENS_A_SENTENCE_UP.test(sentence))
  );
}

/** Characters compromise keeps around a name that are not part of it ("Mr. Chen." → "Mr. Chen"). */
const EDGE = /[\p{L}\p{M}\p{N}]/u;

/** A reported name, trimmed of leading and trailing punctuation; undefined if nothing is left. */
export function trimmedName(text: string, start: number, end: number): NameSpan | undefined {
  while (start < end && !EDGE.test(text.charAt(start))) start++;
  while (end > start && !EDGE.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * Names found by one compromise pass over the whole text, with no cache: what findPeople
 * answered before it worked per sentence, and the reference its tests compare with.
 */
export function findPeopleWhole(text: string): NameSpan[] {
  const people: NameSpan[] = [];
  for (const [start, length] of tagWhole(text).names) {
    const name = trimmedName(text, start, start + length);
    if (name) people.push(name);
  }
  return people;
}
