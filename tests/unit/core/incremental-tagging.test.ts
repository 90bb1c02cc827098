import fc from 'fast-check';
import nlp from 'compromise';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compromiseSentences, tagPiece, type TaggedPiece } from '@/src/core/nlp/tagger';
import { CORPUS_POSTS } from './corpus-posts';

/**
 * tagPiece stops before compromise's post-tagger when no rule of it could tag a person (most
 * sentences), and skips the chunker. Whatever it is given, it must answer what a plain
 * `nlp(text).people()` answers: the same names at the same offsets, the same characters
 * accounted for. The reference here is compromise itself, called as it documents.
 */

const SEED = 20_261_203;

function plainPass(text: string): TaggedPiece {
  const doc = nlp(text);
  const names = (
    doc.people().json({ offset: true }) as { offset: { start: number; length: number } }[]
  ).map((person) => [person.offset.start, person.offset.length] as const);
  let consumed = 0;
  for (const sentence of doc.document as { pre: string; text: string; post: string }[][]) {
    for (const term of sentence) consumed += term.pre.length + term.text.length + term.post.length;
  }
  return { names, consumed };
}

const CORPUS = CORPUS_POSTS;

/**
 * Words that compromise's person rules read: honorifics, first names in either case, name
 * particles ("van der", "de la", "bin"), royal titles, words that are also names ("will",
 * "may", "bill"), acronyms and capitalised unknown words; and plain words around them.
 */
const WORDS = [
  'Dr.',
  'dr',
  'Mr.',
  'mrs',
  'Ms.',
  'Sarah',
  'sarah',
  'Chen',
  'John',
  'john',
  'Smith',
  'smith',
  'Maria',
  'Lopez',
  'van',
  'der',
  'Berg',
  'de',
  'la',
  'Fuente',
  'al',
  'bin',
  'king',
  'Queen',
  'queen',
  'prince',
  'saint',
  'lady',
  'of',
  'the',
  'Great',
  'jr',
  'Jr.',
  'sr',
  'III',
  'IV',
  'will',
  'Will',
  'may',
  'May',
  'bill',
  'Bill',
  'mark',
  'grace',
  'Rob',
  'JFK',
  'J.',
  'R.',
  'NASA',
  'ACME',
  'Zenrus',
  'Halop',
  'said',
  'says',
  'is',
  'was',
  'a',
  'and',
  'to',
  'we',
  'team',
  'shipped',
  'release',
  'today',
  'thanks',
  'with',
  'met',
  "Spencer's",
  'his',
  'her',
  '#ProjectZenrus',
  '@maria',
  'https://example.com',
  '🎉',
  ',',
  '.',
  '!',
  '?',
  '"',
  '(',
  ')',
];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 })
  .map((words) => words.join(' ').replace(/ ([,.!?)])/g, '$1'));

describe('tagging a piece of a post', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers as a plain compromise pass for every corpus post and every sentence of it', () => {
    let pieces = 0;
    let named = 0;
    for (const post of CORPUS) {
      for (const piece of [post, ...(compromiseSentences(post) ?? [])]) {
        const expected = plainPass(piece);
        expect(tagPiece(piece)).toEqual(expected);
        pieces++;
        if (expected.names.length > 0) named++;
      }
    }
    expect(pieces).toBeGreaterThan(500);
    expect(named).toBeGreaterThan(5);
  });

  it('answers as a plain compromise pass for random sentences full of name-like words', () => {
    let named = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), (sentences) => {
        const text = sentences.join(' ');
        const expected = plainPass(text);
        expect(tagPiece(text)).toEqual(expected);
        runs++;
        if (expected.names.length > 0) named++;
      }),
      { seed: SEED, numRuns: 400 },
    );
    // Both paths are exercised: pieces with names and pieces without.
    expect(named).toBeGreaterThan(runs / 5);
    expect(named).toBeLessThan(runs);
  }, 60_000);

  it('runs the post-tagger only on a piece that may name someone', () => {
    // The post-tagger ends in compromise's bulkTagger, which applies what its sweep matched;
    // the check before it (mayNameSomeone) matches the person rules and applies nothing.
    const one = (nlp.world() as { methods: { one: Record<string, (...args: never[]) => unknown> } })
      .methods.one;
    const bulkTagger = vi.spyOn(one, 'bulkTagger');
    expect(tagPiece('We shipped the new release today and customers like it. ').names).toEqual([]);
    expect(bulkTagger).not.toHaveBeenCalled();
    expect(tagPiece('Huge thanks to Sarah Chen for leading it! ').names).toEqual([[15, 10]]);
    expect(bulkTagger).toHaveBeenCalledTimes(1);
    bulkTagger.mockRestore();
  });
});
