import type { Checker, Network } from '../src/core/index';
import { seededRandom } from './synthetic';

/**
 * Checks as typing makes them: before every check the text is edited the way a person edits
 * it, so every check sees a text that no check has seen before (no cache can answer it). Three
 * kinds of edit, each its own variant, measured round-robin in one loop so that the machine's
 * load and the garbage collector hit them alike:
 * - `word at end`: a word typed at the end of the post (with its space), one check per word;
 *   every twelfth word ends its sentence;
 * - `char in middle`: one character typed at a caret in the middle, which moves on as it types
 *   (a word, then a space), one check per character;
 * - `backspace`: one character deleted before a caret in the middle, which moves back.
 */

export type EditKind = 'word at end' | 'char in middle' | 'backspace';
export const EDIT_KINDS: readonly EditKind[] = ['word at end', 'char in middle', 'backspace'];

const WORDS = (
  'the team shipped a new release today and customers like how fast it feels now ' +
  'thanks everyone who tested it early we learned a lot about what people need next'
).split(' ');

/** Every text any typing benchmark has checked: a repeat is a bug in the benchmark. */
const seen = new Set<string>();

/** Throws if `text` was checked before in this process (so the figure would measure a cache). */
export function claimNewText(text: string): void {
  if (seen.has(text)) throw new Error('typing benchmark: a text was checked twice');
  seen.add(text);
}

/** One person editing one copy of a post: each `next()` is the text after one more edit. */
export class Typist {
  private text: string;
  private caret: number;
  private word = '';
  private wordsInSentence = 0;
  private readonly random: () => number;

  constructor(
    readonly kind: EditKind,
    post: string,
    seed: number,
    private readonly words: readonly string[] = WORDS,
  ) {
    this.text = post;
    this.random = seededRandom(seed);
    // The middle caret starts on a word boundary near the middle, as a click between words.
    const middle = post.indexOf(' ', Math.floor(post.length / 2));
    this.caret = kind === 'word at end' ? post.length : middle < 0 ? post.length : middle + 1;
  }

  private nextWord(): string {
    return this.words[Math.floor(this.random() * this.words.length)]!;
  }

  next(): string {
    const { text } = this;
    switch (this.kind) {
      case 'word at end': {
        let word = this.nextWord();
        let stop = '';
        if (this.wordsInSentence >= 12) {
          stop = '.';
          word = word.charAt(0).toUpperCase() + word.slice(1);
          this.wordsInSentence = 0;
        }
        this.wordsInSentence += 1;
        this.text = `${text.trimEnd()}${stop} ${word}`;
        break;
      }
      case 'char in middle': {
        if (this.word === '') this.word = `${this.nextWord()} `;
        const typed = this.word[0]!;
        this.word = this.word.slice(1);
        this.text = text.slice(0, this.caret) + typed + text.slice(this.caret);
        this.caret += 1;
        break;
      }
      case 'backspace': {
        if (this.caret === 0) throw new Error('typing benchmark: deleted the whole post');
        // A surrogate pair (an emoji) goes in one backspace, as editors delete it.
        const width = /[\uDC00-\uDFFF]/.test(text[this.caret - 1] ?? '') ? 2 : 1;
        this.text = text.slice(0, this.caret - width) + text.slice(this.caret);
        this.caret -= width;
        break;
      }
    }
    return this.text;
  }
}

export interface Latency {
  median: number;
  p95: number;
  max: number;
  samples: number;
  /** The post's length at the first and the last measured check. */
  fromLength: number;
  toLength: number;
}

/** The nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(values: readonly number[], fromLength = 0, toLength = 0): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    samples: sorted.length,
    fromLength,
    toLength,
  };
}

export interface TypingCase {
  name: string;
  checker: Checker;
  post: string;
  network: Network;
  /** At most this many measured rounds (a check of each kind per round)… */
  rounds: number;
  /** …and at least this many, even past the budget. */
  minRounds?: number;
  /** Stop once the measured checks have taken this long (ms), to keep the bench short. */
  budgetMs?: number;
  /** Unmeasured rounds first (the JIT), stopped early if they take over a second. */
  warmUp: number;
  /**
   * Check the post as it is once before typing (a paste), measured apart as `first`. Without
   * it the first edit is the first check of the post.
   */
  paste?: boolean;
  seed?: number;
  /** The words typed; default English ones. */
  words?: readonly string[];
}

export interface TypingResult {
  name: string;
  /** The first check of the pasted post, when the case has `paste`. */
  first?: number;
  byKind: Record<EditKind, Latency>;
}

/** Times one check of a new text, in milliseconds. */
function timeCheck(checker: Checker, text: string, network: Network): number {
  claimNewText(text);
  const started = performance.now();
  checker.check(text, { network });
  return performance.now() - started;
}

/** Types into three copies of the post, one per edit kind, round-robin, and times each check. */
export function measureTyping(testCase: TypingCase): TypingResult {
  const { checker, network } = testCase;
  const seed = testCase.seed ?? 7;
  let first: number | undefined;
  if (testCase.paste) first = timeCheck(checker, testCase.post, network);
  const typists = EDIT_KINDS.map(
    (kind, i) => new Typist(kind, testCase.post, seed + i, testCase.words),
  );
  const times = EDIT_KINDS.map(() => [] as number[]);
  const lengths = EDIT_KINDS.map(() => [0, 0]);
  const warmUpUntil = performance.now() + 1_000;
  for (let round = 0; round < testCase.warmUp && performance.now() < warmUpUntil; round += 1) {
    for (const typist of typists) timeCheck(checker, typist.next(), network);
  }
  const budget = testCase.budgetMs ?? Infinity;
  const minRounds = Math.min(testCase.minRounds ?? 10, testCase.rounds);
  let spent = 0;
  for (let round = 0; round < testCase.rounds; round += 1) {
    if (round >= minRounds && spent > budget) break;
    typists.forEach((typist, i) => {
      const text = typist.next();
      const ms = timeCheck(checker, text, network);
      spent += ms;
      if (round === 0) lengths[i]![0] = text.length;
      lengths[i]![1] = text.length;
      times[i]!.push(ms);
    });
  }
  const byKind = Object.fromEntries(
    EDIT_KINDS.map((kind, i) => [kind, summarise(times[i]!, lengths[i]![0], lengths[i]![1])]),
  ) as Record<EditKind, Latency>;
  return { name: testCase.name, ...(first === undefined ? {} : { first }), byKind };
}
