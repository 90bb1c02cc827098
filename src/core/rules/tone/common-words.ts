import type { TextAnalysis, WordToken } from '../../text/analysis';
import { POST_LANGUAGES, type PostLanguage } from '../../text/language';
import { wordIndexAt, wordKey } from '../support/finding';
import { TONE_LANGUAGES } from './languages';

/**
 * Each language's short everyday words (`commonWords` in languages.ts) as evidence of the
 * language a word is written in, next to the detector: a sentence of a few words has too few
 * letters for the detector ("Such a dick move" reads as German), but "ist", "der", "el" or
 * "you" next to the word say which language it is in.
 */

/** How far from a word its sentence's common words are looked for. */
const NEAR = 80;
const SENTENCE_BREAK = /[.!?…\n]/;

const COMMON_WORDS: ReadonlyMap<PostLanguage, ReadonlySet<string>> = new Map(
  POST_LANGUAGES.map((language) => [language, new Set(TONE_LANGUAGES[language].commonWords)]),
);

/** By common word, the languages it is a common word of ("de": es, fr, pt). */
const LANGUAGES_OF = new Map<string, PostLanguage[]>();
for (const [language, words] of COMMON_WORDS)
  for (const word of words) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), language]);

/** The languages whose common word `key` is; undefined for a word that is none's. */
export function languagesOfCommonWord(key: string): readonly PostLanguage[] | undefined {
  return LANGUAGES_OF.get(key);
}

/**
 * The words within NEAR characters of `[start, end)`, the words of that range left out;
 * with `sameSentence`, only those of its sentence ("Trop tard. You know" is two sentences).
 */
export function wordsNear(
  analysis: TextAnalysis,
  start: number,
  end: number,
  sameSentence = false,
): WordToken[] {
  const { text } = analysis;
  const words = analysis.words();
  const near: WordToken[] = [];
  const first = wordIndexAt(words, start);
  let reached = start;
  for (let i = first - 1; i >= 0; i--) {
    const word = words[i] as WordToken;
    if (word.end <= start - NEAR) break;
    if (sameSentence && SENTENCE_BREAK.test(text.slice(word.end, reached))) break;
    near.push(word);
    reached = word.start;
  }
  reached = end;
  for (let i = first; i < words.length; i++) {
    const word = words[i] as WordToken;
    if (word.end <= end) continue;
    if (word.start >= end + NEAR) break;
    if (sameSentence && SENTENCE_BREAK.test(text.slice(reached, word.start))) break;
    near.push(word);
    reached = word.end;
  }
  return near;
}

/** Whether a common word of `language` stands within NEAR characters of `[start, end)`. */
export function commonWordNear(
  analysis: TextAnalysis,
  start: number,
  end: number,
  language: PostLanguage,
): boolean {
  const common = COMMON_WORDS.get(language);
  return wordsNear(analysis, start, end).some((word) => common?.has(wordKey(word)) === true);
}
