import { eachParagraph, type TextAnalysis } from '../../text/analysis';
import { PhraseMatcher, type PhraseHit } from '../../text/phrases';
import { appendPoint, insertSuggestion, wordIndexAt } from '../support/finding';
import type { Negation } from '../support/negation';
import { expandOrg, orgNames } from '../support/org';
import { languagesInForce, NEGATIONS, TONE_LANGUAGES } from './languages';
import { listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `official-voice`: speaking for the organisation ("on behalf of ACME", "ACME's official
 * position", "en nombre de ACME", "au nom d'ACME", "im Namen von ACME", "em nome da ACME").
 * The fix adds the phrase's language's disclaimer ("Views are my own.") at the end; a post
 * that already has such a disclaimer in a language in force, or says it is *not* speaking for
 * the organisation, is not reported.
 */

/** How a phrase is read: its language's disclaimer for the fix, and its negation. */
interface Voice {
  disclaimer: string;
  negation: Negation;
}

export const compileOfficialVoice: ToneCheckCompiler = (rule, context) => {
  const names = orgNames(context);
  const removed = new Set((rule.remove?.['official-voice'] ?? []).map(listKey));
  const added = (rule.add?.['official-voice'] ?? []).filter(
    (phrase) => !removed.has(listKey(phrase)),
  );
  const languages = languagesInForce(context);
  const matcher = new PhraseMatcher<Voice>(false);
  const disclaimers = new PhraseMatcher<true>(false);
  for (const language of languages) {
    const data = TONE_LANGUAGES[language].officialVoice;
    const voice: Voice = { disclaimer: data.fix, negation: NEGATIONS[language] };
    const phrases = data.phrases.filter((phrase) => !removed.has(listKey(phrase)));
    // The pack's `remove` applies to every language's phrases; its `add` is read in its
    // first language in force (English when it is).
    if (language === languages[0]) phrases.push(...added);
    for (const phrase of phrases)
      for (const expanded of expandOrg(phrase, names)) matcher.add(expanded, voice);
    for (const phrase of data.disclaimers) disclaimers.add(phrase, true);
  }

  /** The phrases found in `analysis` that no cue before them negates. */
  function spoken(analysis: TextAnalysis): PhraseHit<Voice>[] {
    const found = matcher.match(analysis);
    if (found.length === 0) return found;
    const { text } = analysis;
    const words = analysis.words();
    return found.filter(
      (hit) => !hit.value.negation.negatedBefore(text, words, wordIndexAt(words, hit.start)),
    );
  }

  /**
   * The same, paragraph by paragraph when no phrase reaches past one: a negation is read
   * within a clause, which a line break ends, so it looks no further back than its paragraph
   * (at a paragraph's first word it finds nothing either way), and each paragraph's answer is
   * kept by its text.
   */
  const finder = {};
  function spokenByParagraph(analysis: TextAnalysis): PhraseHit<Voice>[] {
    const pieces = matcher.findsByParagraph ? eachParagraph(analysis, finder, spoken) : undefined;
    if (!pieces) return spoken(analysis);
    const hits: PhraseHit<Voice>[] = [];
    for (const { start, value } of pieces) {
      for (const hit of value)
        hits.push({ start: hit.start + start, end: hit.end + start, value: hit.value });
    }
    return hits;
  }

  return (analysis) => {
    const found = spokenByParagraph(analysis);
    if (found.length === 0 || disclaimers.match(analysis).length > 0) return [];
    const { text } = analysis;
    const { at, separator } = appendPoint(text);
    // After a word, the sentence needs its full stop before the disclaimer starts a new one.
    const stop = /[\p{L}\p{N}]$/u.test(text.slice(0, at)) ? '.' : '';
    return found.map((hit): ToneHit => {
      const addition = `${stop}${separator}${hit.value.disclaimer}`;
      return { start: hit.start, end: hit.end, suggestions: [insertSuggestion(at, addition)] };
    });
  };
};
