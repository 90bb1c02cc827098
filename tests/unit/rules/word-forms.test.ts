import { describe, expect, it } from 'vitest';
import { cuss } from 'cuss';
import profanity from '@/src/core/data/profanity.json';
import { isFormOfListed, wordForms } from '@/src/core/rules/tone/lexicon';
import { listKey } from '@/src/core/rules/tone/lists';

/**
 * `isFormOfListed` answers, one word at a time, what making every form of a list with
 * `wordForms` would: the profanity check asks it of the other languages' words instead of
 * making the forms of every English word at each compile (4 to 8 ms).
 */
describe('the forms of listed words', () => {
  const listed = new Set(
    [...Object.keys(cuss), ...profanity.strong, ...profanity.mild, ...profanity.verbs].map(listKey),
  );
  const forms = new Set([...listed].flatMap((word) => wordForms(word)));

  it('knows every form of every listed word', () => {
    const missed = [...forms].filter((form) => !isFormOfListed(form, (w) => listed.has(w)));
    expect(missed).toEqual([]);
  });

  it('takes no other word for a form', () => {
    const candidates = [...forms].flatMap((form) => [`${form}s`, `${form}ed`, `${form}ing`]);
    const wrong = candidates.filter(
      (word) => !forms.has(word) && isFormOfListed(word, (w) => listed.has(w)),
    );
    expect(wrong).toEqual([]);
    expect(isFormOfListed('fickle', (w) => listed.has(w))).toBe(false);
    expect(isFormOfListed('pisses', (w) => listed.has(w))).toBe(true);
  });
});
