import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { nameGate } from '@/src/core/nlp/name-gate';
import { seededRandom, syntheticPost, syntheticTerms } from '@/bench/synthetic';
import { CORPUS_POSTS, LANGUAGE_CORPUS_POSTS } from './corpus-posts';

/**
 * The name gate (src/core/nlp/name-gate.ts) lets a sentence skip compromise when its words
 * cannot lead to a person tag. It may open for nothing, never close on a name: wherever it is
 * closed, compromise itself must find nobody, and account for every character (tagPiece then
 * reports the piece's length as compromise's).
 */

interface Doc {
  document: { pre: string; text: string; post: string }[][];
  people(): { out(format: 'array'): string[] };
}

/** What the gate must agree with: compromise's names, and its character count. */
function compromiseOn(sentence: string): { names: string[]; consumed: number } {
  const doc = nlp(sentence) as unknown as Doc;
  let consumed = 0;
  for (const terms of doc.document)
    for (const term of terms) consumed += term.pre.length + term.text.length + term.post.length;
  return { names: doc.people().out('array'), consumed };
}

function sentencesOf(texts: readonly string[]): string[] {
  return texts.flatMap((text) =>
    (nlp(text).json({ text: true }) as { text: string }[]).map((sentence) => sentence.text),
  );
}

function corpusSentences(): string[] {
  const texts = [...CORPUS_POSTS, ...LANGUAGE_CORPUS_POSTS];
  const terms = syntheticTerms(500);
  for (let seed = 1; seed <= 10; seed++) texts.push(syntheticPost(3_000, terms, 900 + seed));
  return sentencesOf(texts);
}

/** Checks every closed sentence against compromise; returns how many were closed. */
function expectClosedOnesNameNobody(sentences: readonly string[]): number {
  let closed = 0;
  for (const sentence of sentences) {
    if (nameGate().mayName(sentence)) continue;
    closed++;
    expect(compromiseOn(sentence), sentence).toEqual({ names: [], consumed: sentence.length });
  }
  return closed;
}

/**
 * Random sentences made to trouble the gate: compromise's own lexicon and switch words, org
 * and place words, made-up words with name-like endings ("-sson", "-opoulos"), numbers,
 * emoji and emoticons, hyphenated and slashed pairs, links, capitals, quotes, possessives and
 * punctuation.
 * `plain` draws lexicon words the gate does not open on, with few capitals, so that most
 * sentences stay closed and the lexicon's everyday words are tried at length.
 */
function randomSentences(count: number, seed: number, plain: boolean): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const world = nlp.world() as {
    model: {
      one: { lexicon: Record<string, unknown> };
      two: { switches: object; orgWords: object; placeWords: object };
    };
  };
  const gateWords = nameGate().words;
  const lexicon = Object.keys(world.model.one.lexicon).filter(
    (word) => !plain || (!gateWords.has(word) && !word.includes(' ')),
  );
  const switches = Object.keys(world.model.two.switches);
  const orgAndPlace = [
    ...Object.keys(world.model.two.orgWords),
    ...Object.keys(world.model.two.placeWords),
  ];
  const everyday = (
    'we are excited to share that our team has been working hard on something new for ' +
    'customers the results show strong growth across every region and I am proud of everyone ' +
    'who helped make it happen will first second of the a la de van al bin du king queen ' +
    'sister pope jr sr dr mr'
  ).split(' ');
  const endings = ['son', 'sson', 'ez', 'ski', 'enko', 'ville', 'ton', 'ham', 'ian', 'ist', 'er'];
  const after = ['', '', '', '', ',', '.', '!', '?', ':', ';', '—', '-', "'s", '’s', "'", '"', ')'];
  const before = ['', '', '', '', '', '(', '"', '#', '@', '$', "'"];
  const madeUp = () =>
    Array.from({ length: 3 + Math.floor(random() * 5) }, () =>
      pick([...'abcdefghijklmnoprstuvwyz']),
    ).join('') + pick(endings);
  // Hyphenated and slashed words, and links whose path ends in a word of a person rule.
  const joined = () => {
    const roll = random();
    if (roll < 0.3) return `${pick(everyday)}-${pick(lexicon)}`;
    if (roll < 0.6) return `${pick(lexicon)}/${pick(lexicon)}`;
    if (roll < 0.8)
      return `https://${pick(everyday)}.com/${pick(lexicon)}/${pick(['b', 'l', 'x', 'al', 'van'])}`;
    return `${pick(lexicon)}/${Math.floor(random() * 30)}/${pick(lexicon)}`;
  };
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    for (let k = 2 + Math.floor(random() * 14); k > 0; k--) {
      const roll = random();
      let word =
        roll < 0.35
          ? pick(everyday)
          : roll < 0.6
            ? pick(lexicon)
            : roll < 0.7
              ? pick(switches)
              : roll < 0.75
                ? pick(orgAndPlace)
                : roll < 0.82
                  ? madeUp()
                  : roll < 0.86
                    ? String(Math.floor(random() * 3_000))
                    : roll < 0.88
                      ? pick(['🎉', '👍🏽', ':)', '<3', '&', '/', '-', '–'])
                      : joined();
      const casing = random();
      if (casing < (plain ? 0.005 : 0.05)) word = word.toUpperCase();
      else if (casing < (plain ? 0.01 : 0.2)) word = word.charAt(0).toUpperCase() + word.slice(1);
      words.push(pick(before) + word + pick(after));
    }
    const sentence = words.join(random() < 0.1 ? '  ' : ' ');
    sentences.push(
      random() < 0.7 ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence,
    );
  }
  return sentences;
}

describe('the name gate', () => {
  it('opens on sentences compromise names someone in, whatever the case', () => {
    for (const sentence of [
      'great work by the sales team, thanks jordan!',
      'i told mr smith about it',
      'the delivery van driver left early.',
      'Nguyen said hi.',
      'ask gonzalez about it.',
      'Will Smith called.',
      'We met Sarah Chen at the booth.',
    ]) {
      expect(compromiseOn(sentence).names.length, sentence).toBeGreaterThan(0);
      expect(nameGate().mayName(sentence), sentence).toBe(true);
    }
  });

  it('stays closed on everyday sentences', () => {
    for (const sentence of [
      'We shipped the new release today and customers like how fast it feels.',
      'Thanks to everyone who tested it early, we learned a lot.',
      'I am proud of the team.',
    ])
      expect(nameGate().mayName(sentence), sentence).toBe(false);
  });

  it('closes only where compromise finds nobody, on every sentence of the corpora', () => {
    const sentences = corpusSentences();
    const closed = expectClosedOnesNameNobody(sentences);
    // Most sentences name nobody: the gate must spare compromise most of them.
    expect(sentences.length).toBeGreaterThan(1_000);
    expect(closed / sentences.length).toBeGreaterThan(0.6);
  });

  it('closes only where compromise finds nobody, on random sentences made to trouble it', () => {
    expect(expectClosedOnesNameNobody(randomSentences(4_000, 21, false))).toBeGreaterThan(400);
    expect(expectClosedOnesNameNobody(randomSentences(4_000, 22, true))).toBeGreaterThan(1_000);
  });
});
