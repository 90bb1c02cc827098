/**
 * The languages Postguard checks posts in: the ones it has tone lists, stemmers and interface
 * wording for. Kept apart from the detector so that the pack schema can name them without
 * loading it.
 */
export const POST_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type PostLanguage = (typeof POST_LANGUAGES)[number];

export function isPostLanguage(code: string): code is PostLanguage {
  return (POST_LANGUAGES as readonly string[]).includes(code);
}
