import { describe, expect, it } from 'vitest';
import { analyseText } from '@/src/core/text/analysis';
import {
  elidedStart,
  elisionLength,
  parsePhrase,
  phraseStartBefore,
  PhraseMatcher,
} from '@/src/core/text/phrases';

/**
 * The phrase matcher behind terms, disclosure triggers and markers, entities' `near` and the
 * tone checks' phrases: here, French elisions, which the tokenizer keeps in the word they
 * are written onto ("l'Umbrella" is one word).
 */

function matcherOf(phrases: readonly string[], caseSensitive = false): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>(caseSensitive);
  for (const phrase of phrases) matcher.add(phrase, phrase);
  return matcher;
}

function found(matcher: PhraseMatcher<string>, text: string): string[] {
  return matcher.match(analyseText(text)).map((hit) => text.slice(hit.start, hit.end));
}

describe('phrases after a French elision', () => {
  const matcher = matcherOf(['Umbrella Health', 'ACME', 'à titre personnel']);

  it.each([
    ["On travaille avec l'Umbrella Health depuis mars.", 'Umbrella Health'],
    ['On travaille avec l’Umbrella Health depuis mars.', 'Umbrella Health'],
    ["Le rapport d'ACME est paru.", 'ACME'],
    ["Je pense qu'ACME va gagner.", 'ACME'],
    ["Jusqu'ACME, personne n'y croyait.", 'ACME'],
    ["Lorsqu'ACME publie, on lit.", 'ACME'],
    ["Puisqu'ACME le dit.", 'ACME'],
    ["Quoiqu'ACME en dise.", 'ACME'],
    ["S'ACME recrute, je postule.", 'ACME'],
    ["L'ACME de demain.", 'ACME'],
    ["D'ACME, rien.", 'ACME'],
    ["Je ne m'exprime qu'à titre personnel.", 'à titre personnel'],
  ])('finds the phrase in %j, starting after the apostrophe', (text, match) => {
    expect(found(matcher, text)).toEqual([match]);
    const [hit] = matcher.match(analyseText(text));
    expect(text.charAt((hit?.start ?? 0) - 1)).toMatch(/['’]/);
  });

  it('reads the elision in a case-sensitive matcher too', () => {
    const sensitive = matcherOf(['ACME'], true);
    expect(found(sensitive, "Le rapport d'ACME et l'Acme.")).toEqual(['ACME']);
  });

  it('finds a phrase written with its elision as written, elision and all', () => {
    const written = matcherOf(["d'ACME", 'ACME']);
    expect(found(written, "Le rapport d'ACME.")).toEqual(["d'ACME"]);
  });

  it('reads only elisions: not other words with an apostrophe', () => {
    const words = matcherOf(['hui', 'île', 'clock', 'un', 't']);
    expect(found(words, "Aujourd'hui, presqu'île, o'clock, quelqu'un, don't.")).toEqual([]);
  });

  it('reads an elision before the first word of a phrase only', () => {
    const phrase = matcherOf(['salarié ACME']);
    expect(found(phrase, "Je suis salarié d'ACME.")).toEqual([]);
  });
});

describe('elisionLength', () => {
  it.each([
    ["l'ACME", 2],
    ['l’ACME', 2],
    ["L'ACME", 2],
    ["qu'il", 3],
    ["jusqu'à", 6],
    ["lorsqu'on", 7],
    ["aujourd'hui", 0],
    ["presqu'île", 0],
    ["don't", 0],
    ["l'", 0],
    ['acme', 0],
  ])('%j: %i', (word, length) => {
    expect(elisionLength(word)).toBe(length);
  });
});

describe('elidedStart: a removal takes the elision with the word', () => {
  it.each([
    ["On travaille avec l'Umbrella Health", 'Umbrella', "l'Umbrella"],
    ["Le rapport d'ACME", 'ACME', "d'ACME"],
    ['Le rapport d’ACME', 'ACME', 'd’ACME'],
    ["Je pense qu'ACME", 'ACME', "qu'ACME"],
    ["aujourd'hui", 'hui', 'hui'],
    ["O'Brien", 'Brien', 'Brien'],
    ['ACME', 'ACME', 'ACME'],
  ])('in %j, %j is removed from %j', (text, word, removed) => {
    const start = text.indexOf(word);
    expect(text.slice(elidedStart(text, start), start + word.length)).toBe(removed);
  });
});

describe('phraseStartBefore', () => {
  it('starts a phrase after the elision of its first word', () => {
    const text = "Le vol de l'ordinateur portable.";
    const analysis = analyseText(text);
    const words = analysis.words();
    const last = words.findIndex((word) => word.text === 'portable');
    const keys = parsePhrase('ordinateur portable', false).keys.slice(0, -1);
    expect(phraseStartBefore(text, words, last, keys, false)).toBe(text.indexOf('ordinateur'));
    const other = parsePhrase('vieil ordinateur portable', false).keys.slice(0, -1);
    expect(phraseStartBefore(text, words, last, other, false)).toBeUndefined();
  });
});
