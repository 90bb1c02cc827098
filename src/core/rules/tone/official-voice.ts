import officialVoice from '../../data/official-voice.json';
import { PhraseMatcher } from '../../text/phrases';
import { appendPoint, insertSuggestion, wordIndexAt } from '../support/finding';
import { negatedBefore } from '../support/negation';
import { expandOrg, orgNames } from '../support/org';
import { LanguageNegation } from './language-negation';
import { OTHER_LANGUAGES, TONE_LANGUAGES } from './languages';
import { adjustList } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `official-voice`: speaking for the organisation ("on behalf of ACME", "ACME's official
 * position"). The fix adds "Views are my own." at the end; a post that already has such a
 * disclaimer, or says it is *not* speaking for the organisation, is not reported.
 */

const DISCLAIMER = 'Views are my own.';

/** How a phrase is read: its language's disclaimer for the fix, and its negation. */
interface Voice {
  disclaimer: string;
  /** Undefined for English, read by support/negation.ts. */
  negation?: LanguageNegation;
}

const ENGLISH: Voice = { disclaimer: DISCLAIMER };

export const compileOfficialVoice: ToneCheckCompiler = (rule, context) => {
  const names = orgNames(context);
  const phrases = adjustList(
    officialVoice.phrases,
    rule.add?.['official-voice'],
    rule.remove?.['official-voice'],
  );
  const matcher = new PhraseMatcher<Voice>(false);
  for (const phrase of phrases)
    for (const expanded of expandOrg(phrase, names)) matcher.add(expanded, ENGLISH);
  const disclaimers = new PhraseMatcher<true>(false);
  for (const phrase of officialVoice.disclaimers) disclaimers.add(phrase, true);
  // The pack's `remove` applies to every language's phrases; its `add` is read as English.
  const removed = new Set((rule.remove?.['official-voice'] ?? []).map((p) => p.toLowerCase()));
  for (const language of OTHER_LANGUAGES) {
    const data = TONE_LANGUAGES[language].officialVoice;
    const voice: Voice = {
      disclaimer: data.fix,
      negation: new LanguageNegation(TONE_LANGUAGES[language].negation),
    };
    for (const phrase of data.phrases) {
      if (removed.has(phrase.toLowerCase())) continue;
      for (const expanded of expandOrg(phrase, names)) matcher.add(expanded, voice);
    }
    for (const phrase of data.disclaimers) disclaimers.add(phrase, true);
  }

  return (analysis) => {
    const found = matcher.match(analysis);
    if (found.length === 0 || disclaimers.match(analysis).length > 0) return [];
    const { text } = analysis;
    const words = analysis.words();
    const { at, separator } = appendPoint(text);
    // After a word, the sentence needs its full stop before the disclaimer starts a new one.
    const stop = /[\p{L}\p{N}]$/u.test(text.slice(0, at)) ? '.' : '';
    const hits: ToneHit[] = [];
    for (const hit of found) {
      const first = wordIndexAt(words, hit.start);
      const { negation, disclaimer } = hit.value;
      const negated = negation
        ? negation.negatedBefore(text, words, first)
        : negatedBefore(text, words, first);
      if (negated) continue;
      const addition = `${stop}${separator}${disclaimer}`;
      hits.push({ start: hit.start, end: hit.end, suggestions: [insertSuggestion(at, addition)] });
    }
    return hits;
  };
};
