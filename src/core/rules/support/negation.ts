import type { WordToken } from '../../text/analysis';
import { CLAUSE_BREAK, wordKey } from './finding';
import { wordSets } from './word-sets';

/**
 * Whether a phrase is negated ("no guarantee", "can't guarantee", "nothing is guaranteed",
 * "guarantee nothing"; "no está garantizado", "rien n'est garanti", "nicht garantiert"),
 * read with one language's cues. The cue must be in the same clause: "no fees, guaranteed"
 * is a promise.
 */

/** One language's negation words (src/core/data/negation.json for English). */
export interface NegationCues {
  /** Cues that negate what follows them. */
  before: readonly string[];
  /** Words that may stand between a `before` cue and what it negates. */
  between: readonly string[];
  /** Cues that negate what comes right before them ("guarantee nothing"). */
  after: readonly string[];
  /** Verbs past which a negated subject further back still counts. */
  auxiliaries: readonly string[];
  /** Negated subjects ("Nothing in logistics is guaranteed"). */
  subjects: readonly string[];
  /** Words that start a new clause, so a subject before them does not count. */
  conjunctions: readonly string[];
  /** Contracted negations written onto a word's end: English "n't". */
  cueEndings?: readonly string[];
  /** Elided negations written onto a word's start: French "n'" ("n'est"). */
  cueStarts?: readonly string[];
  /**
   * The verb ends the clause (German: "Wir können keine Lieferung vor Montag garantieren"),
   * so a cue anywhere earlier in the clause negates a promise that ends it.
   */
  verbFinal?: boolean;
}

const MAX_DISTANCE = 4;
/** How far back a negated subject may be: "Nothing in logistics is guaranteed". */
const MAX_SUBJECT_DISTANCE = 8;

export class Negation {
  private readonly cues;
  private readonly cueEndings: readonly string[];
  private readonly cueStarts: readonly string[];
  private readonly verbFinal: boolean;

  constructor(cues: NegationCues) {
    this.cues = wordSets(cues, [
      'before',
      'between',
      'after',
      'auxiliaries',
      'subjects',
      'conjunctions',
    ]);
    this.cueEndings = cues.cueEndings ?? [];
    this.cueStarts = cues.cueStarts ?? [];
    this.verbFinal = cues.verbFinal ?? false;
  }

  /** The word (a key, see wordKey) negates what follows it. */
  isCue(key: string): boolean {
    return (
      this.cues.before.has(key) ||
      this.cueEndings.some((ending) => key.endsWith(ending)) ||
      this.cueStarts.some((start) => key.startsWith(start))
    );
  }

  /**
   * A cue up to four words before `words[first]` with only `between` words in the way; or,
   * past an auxiliary verb, a negated subject earlier in the clause.
   */
  negatedBefore(text: string, words: readonly WordToken[], first: number): boolean {
    let auxiliary = false;
    let k = first - 1;
    for (; k >= 0 && first - k <= MAX_DISTANCE; k--) {
      if (breaksAfter(text, words, k)) return false;
      const key = wordKey(words[k] as WordToken);
      if (this.isCue(key)) return true;
      if (!this.cues.between.has(key)) break;
      if (this.cues.auxiliaries.has(key)) auxiliary = true;
    }
    if (!auxiliary) return false;
    for (; k >= 0 && first - k <= MAX_SUBJECT_DISTANCE; k--) {
      if (breaksAfter(text, words, k)) return false;
      const key = wordKey(words[k] as WordToken);
      if (this.cues.subjects.has(key)) return true;
      if (this.cues.conjunctions.has(key)) return false;
    }
    return false;
  }

  /** A cue right after `words[last]` in the same clause ("guarantee nothing"). */
  negatedAfter(text: string, words: readonly WordToken[], last: number): boolean {
    const next = words[last + 1];
    if (!words[last] || !next || breaksAfter(text, words, last)) return false;
    return this.cues.after.has(wordKey(next));
  }

  isNegated(text: string, words: readonly WordToken[], first: number, last: number): boolean {
    return (
      this.negatedBefore(text, words, first) ||
      this.negatedAfter(text, words, last) ||
      (this.verbFinal && this.negatedAsFinalVerb(text, words, first, last))
    );
  }

  /** A cue earlier in the clause of a promise that ends its clause (verb-final languages). */
  private negatedAsFinalVerb(
    text: string,
    words: readonly WordToken[],
    first: number,
    last: number,
  ): boolean {
    if (words[last + 1] && !breaksAfter(text, words, last)) return false;
    for (let k = first - 1; k >= 0 && first - k <= MAX_SUBJECT_DISTANCE; k--) {
      if (breaksAfter(text, words, k)) return false;
      const key = wordKey(words[k] as WordToken);
      if (this.isCue(key)) return true;
      if (this.cues.conjunctions.has(key)) return false;
    }
    return false;
  }
}

/** Clause punctuation between `words[k]` and the word after it. */
function breaksAfter(text: string, words: readonly WordToken[], k: number): boolean {
  const next = words[k + 1];
  return (
    next !== undefined && CLAUSE_BREAK.test(text.slice((words[k] as WordToken).end, next.start))
  );
}
