import type { Suggestion } from '../../findings';
import { replaceSuggestion } from '../../suggestions';
import type { WordToken } from '../../text/analysis';
import { languageAt } from '../../text/language';
import { PhraseMatcher } from '../../text/phrases';
import { wordIndexAt } from '../support/finding';
import type { Negation } from '../support/negation';
import { languagesInForce, NEGATIONS, TONE_LANGUAGES, type AbsolutePhrase } from './languages';
import { listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `absolutes`: promises ("guaranteed", "risk-free", "100% safe", "never fails";
 * "garantizado", "sans risque", "garantiert", "sem risco"). A negated one is not a promise:
 * "no guarantee", "not risk-free", "can't guarantee", "guarantee nothing", "no está
 * garantizado". Where a softer wording reads naturally it is offered as a replacement.
 */

/**
 * A promise with the negation of its language; a pack's own (undefined) takes the negation of
 * the sentence it stands in.
 */
interface Absolute extends AbsolutePhrase {
  negation: Negation | undefined;
}

/** The replacement in the case of the original: "Risk-free" → "Low-risk". */
function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

function lastWordBefore(words: readonly WordToken[], offset: number): number {
  const next = wordIndexAt(words, offset);
  const word = words[next];
  return word && word.start < offset ? next : next - 1;
}

export const compileAbsolutes: ToneCheckCompiler = (rule, context) => {
  const languages = languagesInForce(context);
  const removed = new Set((rule.remove?.absolutes ?? []).map(listKey));
  const matcher = new PhraseMatcher<Absolute>(false);
  // The promises of each language in force, read with its own negation: a word like
  // "garantizado" promises in whatever post it stands.
  for (const language of languages) {
    const negation = NEGATIONS[language];
    for (const absolute of TONE_LANGUAGES[language].absolutes)
      if (!removed.has(listKey(absolute.phrase)))
        matcher.add(absolute.phrase, { ...absolute, negation });
  }
  // A pack's own promises may be in any of its languages ("entrega garantizada" beside
  // "guaranteed delivery"): each is read with the negation of the sentence it stands in ("no
  // hay entrega garantizada"), or of the rule's first language when that sentence's language
  // is not told.
  const fallback = NEGATIONS[languages[0] ?? 'en'];
  for (const phrase of rule.add?.absolutes ?? [])
    matcher.add(phrase, { phrase, negation: undefined });

  return (analysis) => {
    const { text } = analysis;
    const words = analysis.words();
    const hits: ToneHit[] = [];
    for (const hit of matcher.match(analysis)) {
      const first = wordIndexAt(words, hit.start);
      const last = lastWordBefore(words, hit.end);
      // "no risk-free plan": "no risk" was cut out of a longer compound, which is negated.
      if (last > first && /^-\p{L}/u.test(text.slice(hit.end, hit.end + 2))) continue;
      const spoken = hit.value.negation ? undefined : languageAt(analysis, hit.start);
      const negation = hit.value.negation ?? (spoken ? NEGATIONS[spoken] : fallback);
      if (negation.isNegated(text, words, first, last)) continue;
      const suggestions: Suggestion[] = [];
      if (hit.value.softer) {
        suggestions.push(
          replaceSuggestion(
            hit.start,
            hit.end,
            matchCase(text.slice(hit.start, hit.end), hit.value.softer),
          ),
        );
      }
      hits.push({ start: hit.start, end: hit.end, suggestions });
    }
    return hits;
  };
};
