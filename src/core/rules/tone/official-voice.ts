import officialVoice from '../../data/official-voice.json';
import { PhraseMatcher } from '../../text/phrases';
import { appendPoint, insertSuggestion, wordIndexAt } from '../support/finding';
import { negatedBefore } from '../support/negation';
import { expandOrg, orgNames } from '../support/org';
import { adjustList } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `official-voice`: speaking for the organisation ("on behalf of ACME", "ACME's official
 * position"). The fix adds "Views are my own." at the end; a post that already has such a
 * disclaimer, or says it is *not* speaking for the organisation, is not reported.
 */

const DISCLAIMER = 'Views are my own.';

export const compileOfficialVoice: ToneCheckCompiler = (rule, context) => {
  const names = orgNames(context);
  const phrases = adjustList(
    officialVoice.phrases,
    rule.add?.['official-voice'],
    rule.remove?.['official-voice'],
  );
  const matcher = new PhraseMatcher<true>(false);
  for (const phrase of phrases)
    for (const expanded of expandOrg(phrase, names)) matcher.add(expanded, true);
  const disclaimers = new PhraseMatcher<true>(false);
  for (const phrase of officialVoice.disclaimers) disclaimers.add(phrase, true);

  return (analysis) => {
    const found = matcher.match(analysis);
    if (found.length === 0 || disclaimers.match(analysis).length > 0) return [];
    const { text } = analysis;
    const words = analysis.words();
    const { at, separator } = appendPoint(text);
    // After a word, the sentence needs its full stop before the disclaimer starts a new one.
    const addition = /[\p{L}\p{N}]$/u.test(text.slice(0, at))
      ? `.${separator}${DISCLAIMER}`
      : `${separator}${DISCLAIMER}`;
    const hits: ToneHit[] = [];
    for (const hit of found) {
      if (negatedBefore(text, words, wordIndexAt(words, hit.start))) continue;
      hits.push({ start: hit.start, end: hit.end, suggestions: [insertSuggestion(at, addition)] });
    }
    return hits;
  };
};
