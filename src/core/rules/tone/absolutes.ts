import absolutes from '../../data/absolutes.json';
import type { Suggestion } from '../../findings';
import { replaceSuggestion } from '../../suggestions';
import type { WordToken } from '../../text/analysis';
import { PhraseMatcher } from '../../text/phrases';
import { wordIndexAt } from '../support/finding';
import { isNegated } from '../support/negation';
import { LanguageNegation } from './language-negation';
import { OTHER_LANGUAGES, TONE_LANGUAGES } from './languages';
import { listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `absolutes`: promises ("guaranteed", "risk-free", "100% safe", "never fails"). A negated
 * one is not a promise: "no guarantee", "not risk-free", "can't guarantee", "guarantee
 * nothing". Where a softer wording reads naturally it is offered as a replacement.
 */

interface Absolute {
  phrase: string;
  softer?: string;
  /** The phrase's language's negation; English (support/negation.ts) when absent. */
  negation?: LanguageNegation;
}

/**
 * The other languages' promises, each read with its own language's negation. They are
 * matched in every post: a word like "garantizado" promises in whatever post it stands.
 */
function otherLanguagesAbsolutes(): Absolute[] {
  return OTHER_LANGUAGES.flatMap((language) => {
    const data = TONE_LANGUAGES[language];
    const negation = new LanguageNegation(data.negation);
    return data.absolutes.map((phrase) => ({ phrase, negation }));
  });
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

export const compileAbsolutes: ToneCheckCompiler = (rule) => {
  const removed = new Set((rule.remove?.absolutes ?? []).map(listKey));
  const entries: Absolute[] = [
    ...[...absolutes.phrases, ...otherLanguagesAbsolutes()].filter(
      (a: Absolute) => !removed.has(listKey(a.phrase)),
    ),
    ...(rule.add?.absolutes ?? []).map((phrase) => ({ phrase })),
  ];
  const matcher = new PhraseMatcher<Absolute>(false);
  for (const entry of entries) matcher.add(entry.phrase, entry);

  return (analysis) => {
    const { text } = analysis;
    const words = analysis.words();
    const hits: ToneHit[] = [];
    for (const hit of matcher.match(analysis)) {
      const first = wordIndexAt(words, hit.start);
      const last = lastWordBefore(words, hit.end);
      // "no risk-free plan": "no risk" was cut out of a longer compound, which is negated.
      if (last > first && /^-\p{L}/u.test(text.slice(hit.end, hit.end + 2))) continue;
      const negated = hit.value.negation
        ? hit.value.negation.isNegated(text, words, first, last)
        : isNegated(text, words, first, last);
      if (negated) continue;
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
