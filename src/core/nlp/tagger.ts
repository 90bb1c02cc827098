import nlp from 'compromise';

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
}

export function tagPiece(text: string): TaggedPiece {
  const doc = nlp(text);
  const names: [number, number][] = [];
  for (const person of doc.people().json({ offset: true }) as OffsetJson[]) {
    if (person.offset) names.push([person.offset.start, person.offset.length]);
  }
  let consumed = 0;
  for (const sentence of doc.document as Term[][]) {
    for (const term of sentence) consumed += term.pre.length + term.text.length + term.post.length;
  }
  return { names, consumed };
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
  for (const [start, length] of tagPiece(text).names) {
    const name = trimmedName(text, start, start + length);
    if (name) people.push(name);
  }
  return people;
}
