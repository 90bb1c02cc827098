import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText } from '@/src/core/text/analysis';
import { PhraseMatcher } from '@/src/core/text/phrases';

/**
 * PhraseMatcher.match finds a text of several paragraphs paragraph by paragraph, each
 * paragraph's hits kept by its text. Whatever the text, and whatever was matched before, it
 * must answer what one pass over the whole text answers (matchWhole): here over random texts
 * built from phrases with punctuation before and after their words, possessives, French
 * elisions, hashtags and blank lines of every kind, each text edited as typing would.
 */

const SEED = 20_261_203;

const PHRASES = [
  'ACME',
  'ACME Corp',
  '$ACME',
  'C++',
  'C',
  'AT&T',
  'acme.com',
  'Project Falcon',
  'on behalf of ACME',
  'Falcon!',
  'l’équipe',
  'Umbrella Health',
  '#ad',
  'my employer',
];

function matcherOf(phrases: readonly string[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>(false);
  for (const phrase of phrases) matcher.add(phrase, phrase);
  return matcher;
}

const PIECES = [
  'ACME',
  'acme',
  'Corp',
  '$',
  'C++',
  'C',
  'AT&T',
  'acme.com',
  'Project',
  'Falcon',
  "Falcon's",
  '!',
  "l'",
  'd’',
  'équipe',
  'Umbrella',
  'Health',
  '#',
  '@',
  'ad',
  'on',
  'behalf',
  'of',
  'my',
  'employer',
  'İstanbul',
  'and',
  '.',
  ',',
  '-',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\n \n',
  '\n\t\n  ',
  '\r\n\r\n',
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));

function whole(matcher: PhraseMatcher<string>, text: string) {
  return matcher.matchWhole(analyseText(text));
}

describe('PhraseMatcher by paragraph', () => {
  const matcher = matcherOf(PHRASES);

  it('finds in a text of paragraphs what one pass over it finds, whatever was matched before', () => {
    fc.assert(
      fc.property(texts, texts, fc.nat(), (before, after, at) => {
        // An edit of a text matched before: its other paragraphs' hits are then kept ones.
        const cut = at % (before.length + 1);
        const edited = before.slice(0, cut) + after + before.slice(cut);
        for (const text of [before, edited, `${before}\n\n${after}`, before]) {
          expect(matcher.match(analyseText(text))).toEqual(whole(matcher, text));
        }
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('keeps nothing for a matcher whose phrases have white space around their words', () => {
    // The phrase's "(" and blank line before its word are read across the paragraph's edge.
    const spaced = matcherOf(['(\n\nACME', 'ACME']);
    const text = 'Hello (\n\nACME here\n\nand ACME';
    expect(spaced.match(analyseText(text)).map((h) => h.value)).toEqual(['(\n\nACME', 'ACME']);
    expect(spaced.match(analyseText(text))).toEqual(whole(spaced, text));
  });

  it('matches a phrase without words in the whole text', () => {
    const literals = matcherOf(['🚀', 'ACME']);
    const text = 'ACME 🚀\n\nİ 🚀 ACME';
    expect(literals.match(analyseText(text))).toEqual(whole(literals, text));
  });

  it('does not find a phrase across a blank line, with or without kept paragraphs', () => {
    const text = 'We work on Project\n\nFalcon today';
    expect(matcher.match(analyseText(text))).toEqual([]);
    expect(matcher.match(analyseText(`${text} `))).toEqual([]);
  });

  it('finds a phrase added after a match in paragraphs matched before', () => {
    const growing = matcherOf(['ACME']);
    const text = 'ACME and Falcon\n\nFalcon again';
    expect(growing.match(analyseText(text)).map((h) => h.value)).toEqual(['ACME']);
    growing.add('Falcon', 'Falcon');
    expect(growing.match(analyseText(text)).map((h) => h.value)).toEqual([
      'ACME',
      'Falcon',
      'Falcon',
    ]);
  });
});
