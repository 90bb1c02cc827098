import { expect } from 'vitest';
import { localize, type Localized } from '@/src/core/text/localized';
import { POST_LANGUAGES } from '@/src/core/text/post-languages';

export const OTHER_LANGUAGES = POST_LANGUAGES.filter((language) => language !== 'en');

/** The `{...}` placeholders of a message, sorted. */
export const placeholders = (text: string) =>
  [...text.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).sort();

/**
 * Rule `id`'s message is given in every language: English as the default, each other one a
 * translation of its own with the same placeholders. Returns the wordings by language.
 */
export function expectEveryLanguage(
  id: string,
  message: Localized<string>,
): Exclude<Localized<string>, string> {
  expect(typeof message).toBe('object');
  const byLanguage = message as Exclude<Localized<string>, string>;
  expect(Object.keys(byLanguage).sort()).toEqual(['default', ...OTHER_LANGUAGES].sort());
  // English is the default: a post in English gets it without a key of its own.
  expect(localize(message, 'en')).toBe(byLanguage.default);
  for (const language of OTHER_LANGUAGES) {
    const translated = byLanguage[language] ?? '';
    expect(translated, language).not.toBe(byLanguage.default);
    expect(placeholders(translated), `${id} in ${language}`).toEqual(
      placeholders(byLanguage.default),
    );
  }
  return byLanguage;
}
