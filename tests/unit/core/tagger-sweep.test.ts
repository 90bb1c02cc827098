import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { tagPiece } from '@/src/core/nlp/tagger';
import { syntheticPost, syntheticTerms } from '@/bench/synthetic';
import { LANGUAGE_CORPUS_POSTS } from './corpus-posts';

/**
 * tagPiece runs compromise's post-tagger with its own sweep (sweeperOf in nlp/tagger.ts: the
 * rules a sentence may match looked up from its words and tags, in the net's order) and stops
 * early on sentences that cannot name anyone. Every sentence of the labelled posts in the five
 * languages and of synthetic posts must get the names plain `nlp(sentence).people()` gives,
 * at the same offsets: a compromise upgrade that changes its sweep shows up here.
 */

const ROOT = path.join(import.meta.dirname, '../../..');

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const network of ['x', 'facebook', 'linkedin']) {
    const dir = path.join(ROOT, 'tests/corpus', network);
    for (const name of readdirSync(dir)) texts.push(readFileSync(path.join(dir, name), 'utf8'));
  }
  texts.push(...LANGUAGE_CORPUS_POSTS);
  const terms = syntheticTerms(500);
  for (let seed = 1; seed <= 10; seed++) texts.push(syntheticPost(3_000, terms, 700 + seed));
  return texts;
}

interface PersonJson {
  offset: { start: number; length: number };
}

describe("names by compromise's post-tagger with tagPiece's sweep", () => {
  it('finds what nlp(sentence).people() finds in every sentence of the corpora', () => {
    let sentences = 0;
    let named = 0;
    for (const text of corpusTexts()) {
      for (const { text: sentence } of nlp(text).json({ text: true }) as { text: string }[]) {
        sentences++;
        const expected = (nlp(sentence).people().json({ offset: true }) as PersonJson[]).map(
          (person) => [person.offset.start, person.offset.length],
        );
        if (expected.length > 0) named++;
        expect(tagPiece(sentence).names, sentence).toEqual(expected);
      }
    }
    // The corpora hold sentences of both kinds: the comparison covers the sweep and the stop.
    expect(sentences).toBeGreaterThan(1_000);
    expect(named).toBeGreaterThan(50);
  });
});
