import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePacks, formatPackError, type Checker } from '@/src/core/index';
import { matchesWithinLines } from '@/src/core/rules/pattern';
import { makePack } from './helpers';

/**
 * A pattern rule whose every pattern matches within lines (matchesWithinLines) reads a post
 * of several paragraphs stretch by stretch, each stretch's matches kept by its text. Whatever
 * the text and what was checked before, it must find what it finds reading the whole text
 * (`byParagraph: false`): here patterns that match empty, that start or end with spaces, that
 * read word boundaries at a line's edges, over random texts of blank lines and line breaks.
 */

const SEED = 20_261_203;

const PATTERNS = [
  'a*',
  ' +ACME',
  'ACME +',
  '\\bQ[1-4]\\b',
  '\\BCME',
  'x|xy',
  '.+ACME',
  '[ -~]{3}',
  '\\S+ \\S+',
  '(?i)acme.{0,5}corp',
  '(?:internal|intern) only',
];

function compile(byParagraph: boolean, flags?: string): Checker {
  const pack = makePack({
    rules: [
      {
        id: 'pattern',
        kind: 'pattern',
        severity: 'warning',
        message: '{match}',
        patterns: PATTERNS,
        ...(flags ? { flags } : {}),
      },
    ],
  });
  const result = compilePacks([pack], { byParagraph });
  if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  return result.value;
}

const PIECES = [
  'a',
  'aa',
  'ACME',
  'acme',
  'Corp',
  'Q1',
  'Q5',
  'xy',
  'x',
  'internal',
  'only',
  'é',
  '😀',
  ' ',
  '  ',
  '\t',
  '.',
  '\n',
  '\n\n',
  '\n  \n  ',
  '\r\n\r\n',
  '\n \n',
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('pattern rules by stretch', () => {
  for (const flags of [undefined, 'i']) {
    it(`find what they find in the whole text, after edits (flags ${flags ?? 'none'})`, () => {
      const kept = compile(true, flags);
      const whole = compile(false, flags);
      let found = 0;
      fc.assert(
        fc.property(texts, texts, fc.nat(), (before, typed, at) => {
          const cut = at % (before.length + 1);
          const edited = before.slice(0, cut) + typed + before.slice(cut);
          for (const text of [before, edited, `${edited}\n\n${before}`]) {
            const expected = whole.check(text, { network: 'facebook' });
            found += expected.length;
            expect(kept.check(text, { network: 'facebook' })).toEqual(expected);
          }
        }),
        { seed: SEED, numRuns: 1_500 },
      );
      expect(found).toBeGreaterThan(1_000);
    });
  }

  it('reads only patterns that cannot match a line feed or an edge of the text by stretch', () => {
    for (const pattern of PATTERNS) expect(matchesWithinLines(pattern)).toBe(true);
    for (const pattern of [
      '\\s+ACME',
      '[^a]',
      '^ACME',
      'ACME$',
      '(?s)a.b',
      '(?m)^a',
      '[[:space:]]',
      'a\\nb',
      'a\nb',
      'a\\x0ab',
      '\\pL',
      '\\W',
      '\\D',
      '[\\s]',
      '(?P<name>x)',
    ])
      expect(matchesWithinLines(pattern)).toBe(false);
  });
});
