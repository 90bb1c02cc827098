import { detached, LruCache } from './lru';
import {
  compromiseSentences,
  splitsApart,
  splitsLineByLine,
  tagPiece,
  trimmedName,
  type NameSpan,
  type TaggedPiece,
} from './tagger';

/**
 * People's names in a text, found by compromise's tagger. This module is the only part of
 * the entities rule that needs NLP: it is kept apart so the extension can load it lazily.
 *
 * Tagging is the slow part (about 1 ms for a sentence of 120 characters that names someone,
 * 0.2 ms for one that cannot: tagger.ts tagPiece), and a keystroke changes one sentence, so
 * names are found per sentence and each sentence's answer is kept: an edited post costs a
 * tagging pass over the sentences that changed, not over the post. The post's sentences
 * themselves come from those of its lines found before (postSentences).
 *
 * Why this gives exactly what one pass over the whole post gives (compromise 14):
 * - compromise first cuts the text into sentences (splitSentences), then each sentence into
 *   terms from that sentence's string alone;
 * - every tagging step (lexicon, pre-tagger, post-tagger patterns, chunks) works within one
 *   sentence or within a clause of one, and `people()` matches within one sentence;
 * - so a sentence's names depend only on its string, *provided that compromise, given a
 *   piece of the post, cuts it into the same sentences it cuts the whole post into*. That is
 *   not always so (a piece beginning "a. Lee" splits after "a." when alone, not after the
 *   whitespace before it), so it is checked for every piece with compromise's own splitter,
 *   and a piece that fails is widened with its neighbours until it passes; the whole text
 *   always passes;
 * - offsets are compromise's own accounting of the pieces before (see TaggedPiece.consumed).
 * tests/unit/core/incremental-people.test.ts compares the two over random edit sequences.
 */

export type { NameSpan } from './tagger';

interface Piece {
  /** Lengths of the sentences compromise makes of this piece alone (undefined: unknown). */
  sentences: readonly number[] | undefined;
  /** Its names, once it has been tagged (only pieces that split as in the post are). */
  tagged?: TaggedPiece;
}

// A 30,000-character paste is about 500 sentences: room for it, other posts and the versions
// of the sentence being typed (each check refreshes the sentences still in the post).
const pieces = new LruCache<Piece>(2048, 200_000);

// The same text asked again (several rules, a re-render) skips even the splitting.
const WHOLE_TEXTS = 16;
const answers = new Map<string, NameSpan[]>();

function pieceOf(text: string): Piece {
  let piece = pieces.get(text);
  if (!piece) {
    piece = { sentences: compromiseSentences(text)?.map((sentence) => sentence.length) };
    pieces.set(text, piece);
  }
  return piece;
}

/** Does compromise cut the piece made of sentences [first, last] as it cuts the post? */
function splitsAsInPost(piece: Piece, lengths: readonly number[], first: number, last: number) {
  // The whole text is what the whole-post pass tags, however it is cut.
  if (first === 0 && last === lengths.length - 1) return true;
  const cut = piece.sentences;
  return (
    cut !== undefined &&
    cut.length === last - first + 1 &&
    cut.every((length, k) => length === lengths[first + k])
  );
}

const MAX_WIDENINGS = 8;

interface Group {
  first: number;
  last: number;
  tagged: TaggedPiece;
}

/** Sentences grouped into pieces that tag as they do in the post, each tagged (or cached). */
function taggedGroups(sentences: readonly string[]): Group[] {
  const lengths = sentences.map((s) => s.length);
  const groups: Group[] = [];
  let widened = 0;
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    for (;;) {
      const text = sentences.slice(first, last + 1).join('');
      const piece = pieceOf(text);
      if (splitsAsInPost(piece, lengths, first, last)) {
        piece.tagged ??= tagPiece(text);
        groups.push({ first, last, tagged: piece.tagged });
        break;
      }
      // Widen both ways: the cause may be the context before (leading whitespace moved to the
      // previous sentence) or after. Each step grows the piece; the whole text always passes.
      // Each step also splits the piece again, so a text that keeps failing (none in the
      // corpus; 2 to 4 sentences in 1,000 of random punctuation soup) gets the whole pass.
      widened++;
      if (widened > MAX_WIDENINGS) {
        groups.length = 0;
        first = 0;
        last = sentences.length - 1;
        continue;
      }
      const previous = groups.pop();
      if (previous) first = previous.first;
      last = Math.min(sentences.length - 1, last + 1);
    }
    first = last + 1;
  }
  return groups;
}

/** The sentences of parts of posts (a line or more of one), by the part's text. */
const partSentences = new LruCache<readonly string[] | null>(1_024, 150_000);

function sentencesOfPart(part: string): readonly string[] | undefined {
  let sentences = partSentences.get(part);
  if (sentences === undefined) {
    // Sentences cut from a copy: a cut of the post would keep the whole post alive.
    sentences = compromiseSentences(detached(part)) ?? null;
    partSentences.set(part, sentences);
  }
  return sentences ?? undefined;
}

/** Where a post may be cut: after a line break. */
const CUTS = /(?:\r?\n|\r)+/g;
/** Tries to cut before giving up on cutting the rest of a text (each try splits more of it). */
const MAX_FAILED_CUTS = 8;

/**
 * The sentences compromise makes of `text`, from those of its parts found before: the text is
 * cut after a line break wherever compromise cuts the whole text there too (splitsApart), so
 * an edit costs the splitting of its own paragraph or line, not of the post.
 */
export function postSentences(text: string): readonly string[] {
  const whole = () => compromiseSentences(text) ?? [text];
  if (!splitsLineByLine(text)) return whole();
  const sentences: string[] = [];
  let from = 0;
  let failed = 0;
  CUTS.lastIndex = 0;
  for (let m = CUTS.exec(text); m !== null; m = CUTS.exec(text)) {
    const cut = m.index + m[0].length;
    if (cut >= text.length || failed > MAX_FAILED_CUTS) break;
    const next = String.fromCodePoint(text.codePointAt(cut) as number);
    const part = text.slice(from, cut);
    const found = sentencesOfPart(part);
    if (!found) return whole();
    if (!splitsApart(part, found, next)) {
      failed++;
      continue;
    }
    for (const sentence of found) sentences.push(sentence);
    from = cut;
    failed = 0;
  }
  if (from === 0) return whole();
  const rest = sentencesOfPart(text.slice(from));
  if (!rest) return whole();
  for (const sentence of rest) sentences.push(sentence);
  return sentences;
}

function computePeople(text: string): NameSpan[] {
  const sentences = postSentences(text);
  const people: NameSpan[] = [];
  let base = 0;
  for (const { tagged } of taggedGroups(sentences)) {
    for (const [start, length] of tagged.names) {
      const name = trimmedName(text, base + start, base + start + length);
      if (name) people.push(name);
    }
    base += tagged.consumed;
  }
  return people;
}

export function findPeople(text: string): NameSpan[] {
  const cached = answers.get(text);
  if (cached) return cached;
  const people = computePeople(text);
  if (answers.size >= WHOLE_TEXTS) answers.delete(answers.keys().next().value as string);
  answers.set(text, people);
  return people;
}
