import negation from '../../data/negation.json';
import type { WordToken } from '../../text/analysis';
import { CLAUSE_BREAK, wordKey } from './finding';

/**
 * Whether a phrase is negated ("no guarantee", "can't guarantee", "nothing is guaranteed",
 * "guarantee nothing"). The cue must be in the same clause: "no fees, guaranteed" is a promise.
 */

const BEFORE = new Set(negation.before);
const BETWEEN = new Set(negation.between);
const AFTER = new Set(negation.after);
const AUXILIARIES = new Set(negation.auxiliaries);
const SUBJECTS = new Set(negation.subjects);
const CONJUNCTIONS = new Set(negation.conjunctions);
const MAX_DISTANCE = 4;
/** How far back a negated subject may be: "Nothing in logistics is guaranteed". */
const MAX_SUBJECT_DISTANCE = 8;

export function isNegationWord(key: string): boolean {
  return BEFORE.has(key) || key.endsWith("n't");
}

/**
 * A cue up to four words before `words[first]` with only `between` words in the way; or,
 * past an auxiliary verb, a negated subject earlier in the clause.
 */
export function negatedBefore(text: string, words: readonly WordToken[], first: number): boolean {
  let auxiliary = false;
  let k = first - 1;
  for (; k >= 0 && first - k <= MAX_DISTANCE; k--) {
    const word = words[k] as WordToken;
    if (CLAUSE_BREAK.test(text.slice(word.end, (words[k + 1] as WordToken).start))) return false;
    const key = wordKey(word);
    if (isNegationWord(key)) return true;
    if (!BETWEEN.has(key)) break;
    if (AUXILIARIES.has(key)) auxiliary = true;
  }
  if (!auxiliary) return false;
  for (; k >= 0 && first - k <= MAX_SUBJECT_DISTANCE; k--) {
    const word = words[k] as WordToken;
    if (CLAUSE_BREAK.test(text.slice(word.end, (words[k + 1] as WordToken).start))) return false;
    const key = wordKey(word);
    if (SUBJECTS.has(key)) return true;
    if (CONJUNCTIONS.has(key)) return false;
  }
  return false;
}

/** A cue right after `words[last]` in the same clause ("guarantee nothing"). */
export function negatedAfter(text: string, words: readonly WordToken[], last: number): boolean {
  const word = words[last];
  const next = words[last + 1];
  if (!word || !next || CLAUSE_BREAK.test(text.slice(word.end, next.start))) return false;
  return AFTER.has(wordKey(next));
}

export function isNegated(
  text: string,
  words: readonly WordToken[],
  first: number,
  last: number,
): boolean {
  return negatedBefore(text, words, first) || negatedAfter(text, words, last);
}
