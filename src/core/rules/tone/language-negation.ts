import type { WordToken } from '../../text/analysis';
import { CLAUSE_BREAK, wordKey } from '../support/finding';
import type { NegationCues } from './languages';

/**
 * Negation in another language, read as support/negation.ts reads English ("no está
 * garantizado", "rien n'est garanti", "nicht garantiert", "não é garantido"): a cue up to
 * four words before with only `between` words in the way, a negated subject past an
 * auxiliary, or a cue right after. French elides "ne" onto the verb ("n'est"), so a word
 * starting with n' is a cue as English words ending in n't are.
 */

const MAX_DISTANCE = 4;
const MAX_SUBJECT_DISTANCE = 8;

export class LanguageNegation {
  private readonly before: Set<string>;
  private readonly between: Set<string>;
  private readonly after: Set<string>;
  private readonly auxiliaries: Set<string>;
  private readonly subjects: Set<string>;
  private readonly conjunctions: Set<string>;
  private readonly verbFinal: boolean;

  constructor(cues: NegationCues) {
    this.before = new Set(cues.before);
    this.between = new Set(cues.between);
    this.after = new Set(cues.after);
    this.auxiliaries = new Set(cues.auxiliaries);
    this.subjects = new Set(cues.subjects);
    this.conjunctions = new Set(cues.conjunctions);
    this.verbFinal = cues.verbFinal ?? false;
  }

  isCue(key: string): boolean {
    return this.before.has(key) || key.startsWith("n'");
  }

  negatedBefore(text: string, words: readonly WordToken[], first: number): boolean {
    const breaksAt = (k: number) =>
      CLAUSE_BREAK.test(text.slice((words[k] as WordToken).end, (words[k + 1] as WordToken).start));
    let auxiliary = false;
    let k = first - 1;
    for (; k >= 0 && first - k <= MAX_DISTANCE; k--) {
      if (breaksAt(k)) return false;
      const key = wordKey(words[k] as WordToken);
      if (this.isCue(key)) return true;
      if (!this.between.has(key)) break;
      if (this.auxiliaries.has(key)) auxiliary = true;
    }
    if (!auxiliary) return false;
    for (; k >= 0 && first - k <= MAX_SUBJECT_DISTANCE; k--) {
      if (breaksAt(k)) return false;
      const key = wordKey(words[k] as WordToken);
      if (this.subjects.has(key)) return true;
      if (this.conjunctions.has(key)) return false;
    }
    return false;
  }

  /** A cue earlier in the clause of a promise that ends its clause (verb-final languages). */
  private negatedAsFinalVerb(
    text: string,
    words: readonly WordToken[],
    first: number,
    last: number,
  ): boolean {
    const word = words[last] as WordToken;
    const next = words[last + 1];
    if (next && !CLAUSE_BREAK.test(text.slice(word.end, next.start))) return false;
    for (let k = first - 1; k >= 0 && first - k <= MAX_SUBJECT_DISTANCE; k--) {
      if (
        CLAUSE_BREAK.test(
          text.slice((words[k] as WordToken).end, (words[k + 1] as WordToken).start),
        )
      )
        return false;
      const key = wordKey(words[k] as WordToken);
      if (this.isCue(key)) return true;
      if (this.conjunctions.has(key)) return false;
    }
    return false;
  }

  negatedAfter(text: string, words: readonly WordToken[], last: number): boolean {
    const word = words[last];
    const next = words[last + 1];
    if (!word || !next || CLAUSE_BREAK.test(text.slice(word.end, next.start))) return false;
    return this.after.has(wordKey(next));
  }

  isNegated(text: string, words: readonly WordToken[], first: number, last: number): boolean {
    return (
      this.negatedBefore(text, words, first) ||
      this.negatedAfter(text, words, last) ||
      (this.verbFinal && this.negatedAsFinalVerb(text, words, first, last))
    );
  }
}
