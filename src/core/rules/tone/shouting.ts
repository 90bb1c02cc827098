import nlp from 'compromise';
import type { Suggestion } from '../../findings';
import type { WordToken } from '../../text/analysis';
import { tokenize, type TextAnalysis } from '../../text/analysis';
import { languageAt, type PostLanguage } from '../../text/language';
import { wordKey } from '../support/finding';
import { orgNames } from '../support/org';
import { languagesInForce, TONE_LANGUAGES } from './languages';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `shouting`: a run of upper-case words. A run counts when it has three or more words of two
 * letters or more ("WE ARE HIRING"), or two long ones ("HAPPY BIRTHDAY"), and at least two
 * of its words are not known acronyms or the organisation's names: "NASA and ESA", "ACME
 * CEO" and "USA" are names, not shouting. Hashtags and mentions are never part of a run,
 * and list punctuation (a comma, a slash, a colon) ends one.
 */

const RUN_BREAK = /[,;:/&|•·()[\]\n_=]/;
const SENTENCE_END = /[.!?…]/;
const MIN_WORDS = 3;
const MIN_LETTERS_OF_TWO = 12;

/**
 * Upper case glued to symbols is code, not a voice: "-----BEGIN RSA PRIVATE KEY-----",
 * "MAX_RETRY_COUNT", "<TODO FIX THIS>".
 */
const CODE_EDGE = /[-_=<>{}\\/`~^]/;
function isCodeLike(text: string, run: readonly WordToken[]): boolean {
  const first = run[0] as WordToken;
  const last = run[run.length - 1] as WordToken;
  return CODE_EDGE.test(text.charAt(first.start - 1)) || CODE_EDGE.test(text.charAt(last.end));
}

function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

function isUpperCase(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** A word starts a sentence: nothing but sentence punctuation, a line break or an emoji before it. */
function startsSentence(text: string, word: WordToken): boolean {
  const before = text.slice(Math.max(0, word.start - 16), word.start).replace(/[ \t\u00a0]+$/, '');
  return (
    (word.start < 16 && before === '') || (before !== '' && !/[\p{L}\p{N},;:'’"“-]$/u.test(before))
  );
}

/** The run in sentence case, acronyms kept: "WE ARE HIRING IN NYC" → "We are hiring in NYC". */
function sentenceCase(
  text: string,
  run: readonly WordToken[],
  isName: (word: WordToken) => boolean,
): string {
  let out = '';
  let at = (run[0] as WordToken).start;
  for (const word of run) {
    out += text.slice(at, word.start);
    let cased = isName(word) || letterCount(word.text) < 2 ? word.text : word.lower;
    if (/^i(?:['’]|$)/.test(cased)) cased = `I${cased.slice(1)}`;
    if (startsSentence(text, word)) cased = cased.charAt(0).toUpperCase() + cased.slice(1);
    out += cased;
    at = word.end;
  }
  return out;
}

/** compromise's lexicon: common English words, with a tag each. */
let lexicon: Record<string, string> | undefined;
function englishWord(lower: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  const tag = lexicon[lower];
  return tag !== undefined && !/Organization|Acronym/.test(tag);
}

/**
 * Acronyms nobody listed: a short upper-case word that is not an English word ("SDK", "GCP",
 * "JSON", "HPE"). "NOW", "STOP" and "BEST" are words, so "STOP IT NOW" still shouts.
 */
const MAX_UNLISTED_ACRONYM_LETTERS = 4;
function unlistedAcronym(word: WordToken): boolean {
  const letters = letterCount(word.text);
  return letters >= 2 && letters <= MAX_UNLISTED_ACRONYM_LETTERS && !englishWord(word.lower);
}

function quoteForLabel(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

type IsName = (word: WordToken) => boolean;

export const compileShouting: ToneCheckCompiler = (_rule, context) => {
  const languages = languagesInForce(context);
  // The acronyms of every language in force: "ONU", "TVA", "DSGVO" are names in any post.
  const known = new Set(languages.flatMap((language) => TONE_LANGUAGES[language].acronyms));
  for (const name of orgNames(context)) for (const word of tokenize(name)) known.add(wordKey(word));

  const isEnglishName: IsName = (word) => known.has(wordKey(word)) || unlistedAcronym(word);
  /**
   * Each other language's short common words: "ESTO ES INACEPTABLE" is three words, not two
   * acronyms and a word, once the sentence is known to be Spanish. Read only for a run the
   * English reading does not count, so English posts never pay for the detection.
   */
  const namesIn = (language: PostLanguage): IsName => {
    const common = new Set(TONE_LANGUAGES[language].commonWords);
    return (word) =>
      known.has(wordKey(word)) || (!common.has(wordKey(word)) && unlistedAcronym(word));
  };
  const others: PostLanguage[] = languages.filter((language) => language !== 'en');
  const nameReaders = new Map(others.map((language) => [language, namesIn(language)]));
  const anyCommonWord = new Set(others.flatMap((language) => TONE_LANGUAGES[language].commonWords));

  /**
   * A run without its leading and trailing sentences of names only: in "Thanks ESA. ACME
   * CEO. HAPPY BIRTHDAY!" the shouting is "HAPPY BIRTHDAY".
   */
  function trimNames(
    text: string,
    run: readonly WordToken[],
    isName: IsName,
  ): readonly WordToken[] {
    const isPlain = (word: WordToken) => letterCount(word.text) >= 2 && !isName(word);
    const sentences: WordToken[][] = [[]];
    run.forEach((word, i) => {
      const previous = run[i - 1];
      if (previous && SENTENCE_END.test(text.slice(previous.end, word.start))) sentences.push([]);
      (sentences[sentences.length - 1] as WordToken[]).push(word);
    });
    while (sentences.length > 0 && !(sentences[0] as WordToken[]).some(isPlain)) sentences.shift();
    while (sentences.length > 0 && !(sentences[sentences.length - 1] as WordToken[]).some(isPlain))
      sentences.pop();
    return sentences.flat();
  }

  function judge(text: string, whole: readonly WordToken[], isName: IsName): ToneHit | undefined {
    const run = trimNames(text, whole, isName);
    if (run.length < 2 || isCodeLike(text, run)) return undefined;
    let counted = 0;
    let plain = 0;
    let plainLetters = 0;
    for (const word of run) {
      const letters = letterCount(word.text);
      if (letters < 2) continue;
      counted++;
      if (!isName(word)) {
        plain++;
        plainLetters += letters;
      }
    }
    if (plain < 2 || (counted < MIN_WORDS && plainLetters < MIN_LETTERS_OF_TWO)) return undefined;
    const start = (run[0] as WordToken).start;
    const end = (run[run.length - 1] as WordToken).end;
    const replacement = sentenceCase(text, run, isName);
    const suggestion: Suggestion = {
      label: `Change to "${quoteForLabel(replacement)}"`,
      action: { verb: 'change', text: quoteForLabel(replacement) },
      edits: [{ start, end, text: replacement }],
    };
    return { start, end, suggestions: [suggestion] };
  }

  /** The run judged in English, and again in its sentence's language if that may change it. */
  function judgeRun(analysis: TextAnalysis, run: readonly WordToken[]): ToneHit | undefined {
    const hit = judge(analysis.text, run, isEnglishName);
    if (hit || !run.some((word) => anyCommonWord.has(wordKey(word)))) return hit;
    const language = languageAt(analysis, (run[0] as WordToken).start);
    const isName = language ? nameReaders.get(language) : undefined;
    return isName ? judge(analysis.text, run, isName) : undefined;
  }

  return (analysis) => {
    const words = analysis.words();
    const { text } = analysis;
    const hits: ToneHit[] = [];
    let run: WordToken[] = [];
    const close = () => {
      const hit = run.length > 1 ? judgeRun(analysis, run) : undefined;
      if (hit) hits.push(hit);
      run = [];
    };
    for (const word of words) {
      const sigil = text.charAt(word.start - 1);
      if (!isUpperCase(word.text) || sigil === '#' || sigil === '@') {
        close();
        continue;
      }
      const previous = run[run.length - 1];
      if (previous && RUN_BREAK.test(text.slice(previous.end, word.start))) close();
      run.push(word);
    }
    close();
    return hits;
  };
};
