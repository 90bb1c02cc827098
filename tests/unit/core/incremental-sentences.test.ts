import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postSentences } from '@/src/core/nlp/people';
import { compromiseSentences } from '@/src/core/nlp/tagger';
import { CORPUS_POSTS } from './corpus-posts';

/**
 * postSentences cuts a post after line breaks where compromise's splitter cuts it there too
 * (splitsApart) and keeps each part's sentences; it must answer exactly what compromise's
 * splitter answers for the whole text, whatever the edits. The characters that move
 * compromise's boundaries are typed at random: line breaks, quotation marks and brackets
 * (which join sentences across lines), pieces without letters, CJK full stops (which change
 * the rules for the whole text), white space at the start of a line.
 */

const SEED = 20_261_205;

const CORPUS = CORPUS_POSTS;

const LINES = [
  'Met with Maria Lopez today.',
  'She said “no. Bob Smith will call.” and left (really. twice).',
  'He wrote: "see you',
  'soon." Then he left.',
  '(an aside that goes on',
  'to the next line) and ends.',
  '« Bonjour.',
  'Au revoir » dit-il.',
  '---',
  '...',
  '🎉🎉',
  '  indented line. With two sentences.',
  // after a space, "m. " is an initial that ends no sentence; at the start of a line it does
  '  m. Chen said hello.',
  'Notes: r. Patel said bye, and a. b. c. closed.',
  '東京タワー。Yuki Tanaka presented。',
  'e.g. this one',
  'Mr.',
  'Smith joined.',
  'No full stop here',
  'Thanks to Dr. Raj Patel and Mr. O’Brien. J. Smith came too. See e.g. the U.S. office.',
  'It was 3. Then 4. Wait... no. Really?! Yes.  Two spaces. A. Lovelace wrote it.',
  'Ask St. John. Or Jr. Then a. b. c. done. ¡Hola! ¿Qué tal? Bien.',
];

const BREAKS = fc.constantFrom('\n', '\n\n', '\r\n', '\n \n', ' \n', '\n\n\n');

const post = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...LINES), fc.constantFrom(...CORPUS)), BREAKS), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.map(([line, end]) => line + end).join(''));

const TYPED = fc.constantFrom(
  'Dr. ',
  ' e.g. ',
  'J. ',
  '... ',
  'U.S. ',
  '  ',
  '. a',
  '! B',
  'a',
  'K',
  ' ',
  '.',
  '. ',
  '\n',
  '\n\n',
  '"',
  '“',
  '”',
  '(',
  ')',
  '«',
  '»',
  '。',
  '-',
  '🎉',
);

type Edit =
  | { kind: 'type'; at: number; chars: string }
  | { kind: 'delete'; at: number; count: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), chars: TYPED }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 5 }),
  }),
);

function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

function apply(text: string, e: Edit): string {
  if (e.kind === 'type') {
    const at = safeOffset(text, e.at % (text.length + 1));
    return text.slice(0, at) + e.chars + text.slice(at);
  }
  if (text.length === 0) return text;
  const at = safeOffset(text, e.at % text.length);
  return text.slice(0, at) + text.slice(safeOffset(text, at + e.count));
}

const splitWhole = (text: string) => compromiseSentences(text) ?? [text];

describe('the sentences of a post, cut after line breaks', () => {
  it('are what compromise makes of the whole text, for every corpus post', () => {
    for (const text of CORPUS) expect(postSentences(text)).toEqual(splitWhole(text));
  });

  it('are what compromise makes of the whole text, after every edit of a random sequence', () => {
    let cut = 0;
    fc.assert(
      fc.property(post, fc.array(edit, { maxLength: 16 }), (start, edits) => {
        let text = start;
        expect(postSentences(text)).toEqual(splitWhole(text));
        for (const e of edits) {
          text = apply(text, e);
          expect(postSentences(text)).toEqual(splitWhole(text));
          if (/\n\p{L}/u.test(text)) cut++;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(cut).toBeGreaterThan(500);
  });

  it('are what compromise makes of the whole text, while typing word by word', () => {
    let text = CORPUS.slice(0, 6).join('\n\n');
    for (const word of 'Thanks to Dr. Chen. e.g. the team.  And Mr. Bob Smith! “Quote. end.” (A. b.) ok'.split(
      ' ',
    )) {
      text += ` ${word}`;
      expect(postSentences(text)).toEqual(splitWhole(text));
    }
  });
});
