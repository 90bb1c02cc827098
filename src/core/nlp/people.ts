import type { PostLanguage } from '../text/post-languages';
import {
  evidenceOf,
  findNamesByLexicon,
  otherLanguageOf,
  weakEvidence,
  type Evidence,
  type OtherLanguage,
} from './lexicon-names';
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
  /** Its everyday words by language, once a rule reading other languages asked. */
  evidence?: Evidence;
  /** Its names by the lexicon, in the language they were last read in. */
  byLexicon?: { language: OtherLanguage; names: readonly NameSpan[] };
}

// A 30,000-character paste is about 500 sentences: room for it, other posts and the versions
// of the sentence being typed (each check refreshes the sentences still in the post).
const pieces = new LruCache<Piece>(2048, 200_000);

// The same text asked again (several rules, a re-render) skips even the splitting: by the
// languages the names are read in (findPeople), then by the text.
const WHOLE_TEXTS = 16;
const answers = new Map<string, Map<string, NameSpan[]>>();

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
  text: string;
  piece: Piece;
}

/** Sentences grouped into pieces that tag as they do in the post. */
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
        groups.push({ first, last, text, piece });
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

/**
 * The language other than English each group is in, by its everyday words (lexicon-names.ts),
 * or undefined. A group with fewer than two of them ("panel de envíos.") takes the language of
 * the groups either side when those that can tell agree on it, as the detector reads a short
 * sentence with its neighbours; when they do not ("Dr. Raj Patel reviewed every change."
 * between an English and a Spanish sentence), compromise reads it, as before.
 */
function otherLanguages(
  groups: readonly Group[],
  languages: readonly PostLanguage[],
): (OtherLanguage | undefined)[] {
  const evidence = groups.map(({ piece, text }) => (piece.evidence ??= evidenceOf(text)));
  // Each group's own reading: null when it cannot tell, 'en' for English or unknown.
  const own = evidence.map((e): PostLanguage | null =>
    weakEvidence(e) ? null : (otherLanguageOf(e, languages) ?? 'en'),
  );
  return own.map((language, k): OtherLanguage | undefined => {
    const told =
      language !== null
        ? [language]
        : [own[k - 1], own[k + 1]].filter((n): n is PostLanguage => n !== null && n !== undefined);
    const [first] = told;
    return first !== undefined && first !== 'en' && told.every((n) => n === first)
      ? first
      : undefined;
  });
}

function computePeople(text: string, languages: readonly PostLanguage[] | undefined): NameSpan[] {
  const groups = taggedGroups(postSentences(text));
  const inLanguage = languages ? otherLanguages(groups, languages) : [];
  const people: NameSpan[] = [];
  let base = 0;
  groups.forEach(({ text: piece, piece: known }, k) => {
    const language = inLanguage[k];
    if (language) {
      // Offsets from the piece's own length: compromise's accounting (TaggedPiece.consumed)
      // is for the pieces it tags.
      if (known.byLexicon?.language !== language)
        known.byLexicon = { language, names: findNamesByLexicon(piece, language) };
      for (const name of known.byLexicon.names)
        people.push({ start: base + name.start, end: base + name.end });
      base += piece.length;
      return;
    }
    const tagged = (known.tagged ??= tagPiece(piece));
    for (const [start, length] of tagged.names) {
      const name = trimmedName(text, base + start, base + start + length);
      if (name) people.push(name);
    }
    base += tagged.consumed;
  });
  return people;
}

/**
 * People's names in `text`. Given `languages` (those the rule reads posts in) with one other
 * than English, a sentence whose everyday words are of such a language has its names from
 * compromise's lexicon of first names (lexicon-names.ts), not from its English tagger; without,
 * every sentence is tagged.
 */
export function findPeople(text: string, languages?: readonly PostLanguage[]): NameSpan[] {
  const routed = languages?.some((language) => language !== 'en') ? languages : undefined;
  const byLanguages = routed ? routed.join(',') : '';
  let answered = answers.get(byLanguages);
  if (!answered) {
    answered = new Map();
    answers.set(byLanguages, answered);
  }
  const cached = answered.get(text);
  if (cached) return cached;
  const people = computePeople(text, routed);
  if (answered.size >= WHOLE_TEXTS) answered.delete(answered.keys().next().value as string);
  answered.set(text, people);
  return people;
}
