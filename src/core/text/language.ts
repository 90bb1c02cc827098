import { createEld } from 'eld-detector';
import ngramsData from '../data/eld-ngrams.json';
import type { TextAnalysis } from './analysis';
import { LruCache } from '../nlp/lru';
import { isPostLanguage, POST_LANGUAGES, type PostLanguage } from './post-languages';

/**
 * The language of a sentence of a post, among those Postguard has tone lists for. Detection
 * is asked for only when a word's reading depends on it (French "con" is "with" in Spanish,
 * German "dick" is "fat"), so a post without such a word costs nothing here.
 *
 * eld (Apache-2.0) with its smallest database cut down to the five languages
 * (src/core/data/eld-ngrams.json, 177 kB, by scripts/eld-subset.mjs). Measured on the labelled
 * posts of 20 to 300 characters against tinyld 1.3's light profile (81 kB), the detector before
 * it: English 170/179 right against 163, Spanish 62/62 against 61, French 59/60 alike, German
 * 57/59 alike, Portuguese 58/58 against 56, at a fifth of the time; tinyld took short English
 * posts ("Acme Corp is hiring! DM me") for Portuguese.
 */

export { POST_LANGUAGES, isPostLanguage, type PostLanguage };

const detector = (() => {
  const { instance, loadData } = createEld();
  loadData(ngramsData);
  return instance;
})();

/** The detector's cost grows with the text; a sentence and its neighbours are enough. */
const WINDOW = 140;
/**
 * A sentence this long is told by itself, so that each sentence of a mixed post keeps its
 * own language; a shorter one borrows its neighbours' words to be told reliably.
 */
const TOLD_ALONE = 60;
const SENTENCE_END = /[.!?…\n]/;

/** The language of `text`, or undefined when the detector cannot tell. */
export function detectLanguage(text: string): PostLanguage | undefined {
  const code = detector.detect(text).language;
  return isPostLanguage(code) ? code : undefined;
}

/** The span of the sentence around `offset`, widened to about WINDOW characters when short. */
function sentenceAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  const missing = WINDOW - (end - start);
  if (end - start < TOLD_ALONE && missing > 0) {
    start = Math.max(0, start - Math.floor(missing / 2));
    end = Math.min(text.length, end + Math.ceil(missing / 2));
  }
  return { start: Math.max(start, offset - WINDOW), end: Math.min(end, offset + WINDOW) };
}

const cache = new WeakMap<TextAnalysis, Map<string, PostLanguage | undefined>>();

const UNTOLD = 'untold';
/**
 * Sentences told before, across checks: typing changes one sentence of a post, and a
 * detection costs about 0.2 ms, so each keystroke detects the edited sentence only.
 */
const detectedBefore = new LruCache<PostLanguage | typeof UNTOLD>(2_000, 400_000);

/**
 * The language at `offset` of the analysed text: of its sentence, so that a mixed post reads
 * each sentence in its own language. Remembered per analysis, which every rule shares.
 */
export function languageAt(analysis: TextAnalysis, offset: number): PostLanguage | undefined {
  const { start, end } = sentenceAround(analysis.text, offset);
  let known = cache.get(analysis);
  if (!known) {
    known = new Map();
    cache.set(analysis, known);
  }
  const key = `${start}:${end}`;
  if (known.has(key)) return known.get(key);
  const window = analysis.text.slice(start, end);
  const remembered = detectedBefore.get(window);
  const language =
    remembered === undefined
      ? detectLanguage(window)
      : remembered === UNTOLD
        ? undefined
        : remembered;
  if (remembered === undefined) detectedBefore.set(window, language ?? UNTOLD);
  known.set(key, language);
  return language;
}
