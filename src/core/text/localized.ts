import { POST_LANGUAGES, type PostLanguage } from './post-languages';

/**
 * A pack's wording in several languages: `{ "default": "...", "es": "..." }`, or one plain
 * value for every language. The default is what a post in a language the pack did not write
 * for gets, and what a post whose language cannot be told gets.
 */
export type Translations<T> = { default: T } & Partial<Record<PostLanguage, T>>;
export type Localized<T> = T | Translations<T>;

function isTranslations<T>(value: Localized<T>): value is Translations<T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'default' in value;
}

/** The wording of `value` for `language`, or its default. */
export function localize<T>(value: Localized<T>, language: PostLanguage | undefined): T {
  if (!isTranslations(value)) return value;
  return (language !== undefined ? value[language] : undefined) ?? value.default;
}

/** Whether the wording differs by language, so that finding the post's language is worth it. */
export function hasTranslations<T>(value: Localized<T>): boolean {
  return isTranslations(value) && POST_LANGUAGES.some((language) => value[language] !== undefined);
}

/** Every wording of `value`: its default first, then each language's, in POST_LANGUAGES order. */
export function allWordings<T>(value: Localized<T>): T[] {
  if (!isTranslations(value)) return [value];
  const wordings = [value.default];
  for (const language of POST_LANGUAGES) {
    const wording = value[language];
    if (wording !== undefined) wordings.push(wording);
  }
  return wordings;
}

/** The same wording in every language, transformed by `transform`. */
export function mapLocalized<T, U>(
  value: Localized<T>,
  transform: (wording: T) => U,
): Localized<U> {
  if (!isTranslations(value)) return transform(value);
  const mapped: Translations<U> = { default: transform(value.default) };
  for (const language of POST_LANGUAGES) {
    const wording = value[language];
    if (wording !== undefined) mapped[language] = transform(wording);
  }
  return mapped;
}
