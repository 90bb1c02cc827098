import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeople } from '@/src/core/nlp/people';
import { findPeopleWhole } from '@/src/core/nlp/tagger';
import { CORPUS_POSTS } from './corpus-posts';

/**
 * findPeople tags sentence by sentence and keeps each sentence's answer; whatever the edits,
 * it must answer exactly what one uncached compromise pass over the whole text answers.
 * Posts are built from the labelled corpus, with names typed and pasted in; each run applies
 * a random sequence of edits and compares after every step. The seed is fixed so a failure
 * reproduces (fast-check prints the seed and path of the smallest failing case).
 */

const SEED = 20_260_513;

const CORPUS = CORPUS_POSTS;

/** Paragraphs with names and the punctuation around them that sentence splitting has to survive. */
const NAMED = [
  'Huge thanks to Sarah Chen and Dr. Raj Patel for the review. Mr. O’Brien joined us too!',
  'Met with Maria Lopez today.\nShe said “no. Bob Smith will call.” and left (really. twice).',
  'Congratulations to Jean-Luc Picard, our new VP. Ask Kim Park or Lee Min-ho about it.',
  'a. Lovelace and b. Babbage were there. St. John Smith Jr. spoke after Ms. Jones.',
  'I <3   you all. Then Bob Smith came... and Ada Lovelace?! Nobody expected that.',
  'Tokyo team: 東京タワー。Yuki Tanaka presented. Gracias, José Álvarez 🎉 #teamwork',
  // indented initials: after a space "m. " ends no sentence, but at the start of a piece it does
  'Notes from the offsite:\n  m. Chen said hello.\n  r. Patel said bye, and Sarah Chen closed.',
];

const WORDS = [
  'Sarah',
  'Chen',
  'Dr.',
  'Mr.',
  'Maria Lopez',
  'Bob',
  'Smith.',
  'thanks',
  'the',
  'client',
  'said',
  'and',
  'today.',
  'Really?',
  'U.S.',
  '“quote',
  'end.”',
  '(aside',
  'done)',
  'e.g.',
  ':)',
  '🚀',
  'ACME',
  'LOUD',
];

/** Characters that move sentence boundaries, typed or deleted one at a time. */
const CHARS = fc.constantFrom(
  'a',
  'K',
  ' ',
  '  ',
  '.',
  '. ',
  '. T',
  '!',
  '?',
  '\n',
  '\n\n',
  '"',
  '“',
  '”',
  '(',
  ')',
  "'",
  ',',
  '…',
  '。',
  'é',
  '👩🏽‍💻',
);

type Edit =
  | { kind: 'word'; at: number; word: string }
  | { kind: 'type'; at: number; chars: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'paste'; at: number; paragraph: string }
  | { kind: 'delete-sentence'; at: number };

const paragraph = fc.oneof(fc.constantFrom(...NAMED), fc.constantFrom(...CORPUS));

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), chars: CHARS }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), paragraph }),
  fc.record({ kind: fc.constant('delete-sentence' as const), at: fc.nat() }),
);

/** Where a word can go: the start, the end, or just after a space or line break. */
function wordGaps(text: string): number[] {
  const gaps = [0, text.length];
  for (let i = 0; i < text.length; i++) if (/\s/.test(text.charAt(i))) gaps.push(i + 1);
  return gaps;
}

/** Never split a surrogate pair: nobody can type half an emoji. */
function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/** Sentences as a person would select them: up to and including sentence-final punctuation. */
function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const sentence = /[^.!?。\n]*(?:[.!?。]+|\n+|$)\s*/gu;
  for (const m of text.matchAll(sentence)) {
    if (m[0] !== '') ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case 'word': {
      const gaps = wordGaps(text);
      const at = gaps[e.at % gaps.length] as number;
      return `${text.slice(0, at)}${e.word} ${text.slice(at)}`;
    }
    case 'type': {
      const at = safeOffset(text, e.at % (text.length + 1));
      return text.slice(0, at) + e.chars + text.slice(at);
    }
    case 'delete': {
      if (text.length === 0) return text;
      const at = safeOffset(text, e.at % text.length);
      return text.slice(0, at) + text.slice(safeOffset(text, at + e.count));
    }
    case 'paste': {
      const gaps = wordGaps(text);
      const at = gaps[e.at % gaps.length] as number;
      return `${text.slice(0, at)}\n\n${e.paragraph}\n\n${text.slice(at)}`;
    }
    case 'delete-sentence': {
      const ranges = sentenceRanges(text);
      if (ranges.length === 0) return text;
      const [from, to] = ranges[e.at % ranges.length] as [number, number];
      return text.slice(0, from) + text.slice(to);
    }
  }
}

const post = fc
  .array(paragraph, { minLength: 1, maxLength: 4 })
  .map((paragraphs) => paragraphs.join('\n\n'));

describe('finding names sentence by sentence', () => {
  it('has seed texts from the corpus', () => {
    expect(CORPUS.length).toBeGreaterThan(100);
  });

  it('answers exactly what one whole-text pass answers, after every edit of a random sequence', () => {
    let steps = 0;
    let named = 0;
    fc.assert(
      fc.property(post, fc.array(edit, { minLength: 1, maxLength: 14 }), (start, edits) => {
        let text = start;
        expect(findPeople(text)).toEqual(findPeopleWhole(text));
        for (const e of edits) {
          text = apply(text, e);
          const whole = findPeopleWhole(text);
          expect(findPeople(text)).toEqual(whole);
          steps++;
          if (whole.length > 0) named++;
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
    // The comparison means something only if most texts have names in them.
    expect(named).toBeGreaterThan(steps / 2);
  }, 120_000);

  it('answers as the whole-text pass when typing word by word at the end of a long post', () => {
    let text = CORPUS.slice(0, 12).join('\n\n');
    for (const word of 'Thanks to Maria Lopez and Dr. Chen. Also Mr. Bob Smith!'.split(' ')) {
      text += ` ${word}`;
      expect(findPeople(text)).toEqual(findPeopleWhole(text));
    }
  });

  it.each([
    {
      // alone, "a. Lovelace…" splits after "a." (no space before it): widened with its neighbours
      why: 'a piece that compromise splits differently when alone',
      text: ') #tag Bob   \r\n a. Lovelace Dr. é $20 !  \t 。\t\na   BobMr. #tag Smith Dr. émet',
    },
    {
      why: 'an indented initial after a line break ("m. Chen", not "Chen")',
      text: 'Notes\n  m. Chen said hello.\n  r. Patel said bye.',
    },
    {
      // compromise's offsets drift after "<3" and several spaces; kept as the whole pass has them
      why: 'offsets compromise miscounts',
      text: 'I <3   you. Then Bob Smith came. And Mary Jones left.',
    },
    {
      why: 'a quotation holding sentence ends (one sentence to compromise)',
      text: 'Met Maria Lopez. She said “no. Bob Smith will call. Sure.” and left. Ada Lovelace came.',
    },
    {
      why: 'many pieces that need widening',
      text: Array.from({ length: 20 }, (_, i) => `Item ${i}\n  m. Chen said hi to r. Patel.`).join(
        '\n',
      ),
    },
    { why: 'an empty text', text: '' },
    { why: 'only whitespace', text: '   \n\n  ' },
    { why: 'a name alone', text: 'Sarah Chen' },
  ])('answers as the whole-text pass for $why', ({ text }) => {
    expect(findPeople(text)).toEqual(findPeopleWhole(text));
  });
});
