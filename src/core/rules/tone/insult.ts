import insults from '../../data/insults.json';
import { removeSuggestion } from '../../suggestions';
import type { WordToken } from '../../text/analysis';
import { CLAUSE_BREAK, wordKey } from '../support/finding';
import { isNegationWord } from '../support/negation';
import { otherLanguagesInsults } from './insult-languages';
import { adjustGroups, listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `insult`: insults aimed at someone. From each insulting word, walk left through the
 * clause over filler words ("an absolute", "all", "so") to what makes it aimed:
 * - "you" directly ("you idiot", "you stupid clown");
 * - a copula and its subject: a pronoun, a person noun or an @mention ("@bob is a clown",
 *   "they're all incompetent", "u r an idiot");
 * - an opener, for words that insult by themselves ("what a moron", "those idiots"), or
 *   nothing at all when such a word is a sentence of its own ("Morons.").
 * A negation on the way ("you're not an idiot", "you are no fool") cancels it, and a word
 * inside a compound or before the noun it describes ("idiot-proof", "a clown show",
 * "a stupid idea") is not aimed at anyone.
 */

type Kind = 'noun' | 'judgement' | 'adjective';

const TARGETS = new Set(insults.targets);
const DIRECT = new Set(insults.directTargets);
const COPULAS = new Set(insults.copulas);
const OPENERS = new Set(insults.openers);
const FILLERS = new Set(insults.fillers);
const FOLLOWERS = new Set(insults.followers);
const MAX_WALK = 7;

/** "you're" → "you", "he's" → "he"; undefined when the word is no contraction of a copula. */
function contractedSubject(key: string): string | undefined {
  const m = /^(.+)'(?:re|s)$/.exec(key);
  return m?.[1];
}

function isMention(text: string, word: WordToken): boolean {
  return text.charAt(word.start - 1) === '@';
}

function gapBreaks(text: string, left: WordToken, right: WordToken): boolean {
  return CLAUSE_BREAK.test(text.slice(left.end, right.start));
}

const SENTENCE_BREAK = /[.!?…\n]/;

/** Start offset of what aims the insult at `words[index]`, or undefined. */
function aimedFrom(
  text: string,
  words: readonly WordToken[],
  index: number,
  kind: Kind,
): number | undefined {
  let copula = false;
  let negated = false;
  let opener: number | undefined;
  let start = (words[index] as WordToken).start;
  // Whether only fillers stand between the insult and the start of its sentence ("Morons.").
  let sentenceStart = index === 0;
  for (let k = index - 1; k >= 0 && index - k <= MAX_WALK; k--) {
    const word = words[k] as WordToken;
    const gap = text.slice(word.end, (words[k + 1] as WordToken).start);
    if (CLAUSE_BREAK.test(gap)) {
      sentenceStart = SENTENCE_BREAK.test(gap);
      break;
    }
    const key = wordKey(word);
    const mention = isMention(text, word);
    const subject = contractedSubject(key);
    const aimed =
      (!copula && DIRECT.has(key)) ||
      (copula && (TARGETS.has(key) || mention)) ||
      (subject !== undefined && (TARGETS.has(subject) || mention));
    if (aimed) return negated ? undefined : mention ? word.start - 1 : word.start;
    if (isNegationWord(key)) negated = true;
    else if (COPULAS.has(key)) copula = true;
    else if (OPENERS.has(key) && !copula) opener = word.start;
    else if (!FILLERS.has(key)) break;
    start = word.start;
    if (k === 0) sentenceStart = true;
  }
  if (kind !== 'noun' || negated) return undefined;
  if (opener !== undefined) return opener;
  // A sentence of its own ("Morons.", "Total clowns!") is said to whoever reads it.
  return sentenceStart && !copula && endsSentence(text, words[index] as WordToken)
    ? start
    : undefined;
}

function endsSentence(text: string, word: WordToken): boolean {
  const after = /\S/.exec(text.slice(word.end, word.end + 4));
  return after === null || SENTENCE_BREAK.test(after[0]);
}

/** The word is the head of its phrase: nothing it could describe follows in the clause. */
function standsAlone(text: string, words: readonly WordToken[], index: number): boolean {
  const word = words[index] as WordToken;
  if (text.charAt(word.start - 1) === '-' || /^-\p{L}/u.test(text.slice(word.end, word.end + 2)))
    return false;
  const next = words[index + 1];
  return !next || gapBreaks(text, word, next) || FOLLOWERS.has(wordKey(next));
}

/** "What an idiot I am", "such a clown I was": said of oneself, not aimed at anyone. */
function saidOfOneself(words: readonly WordToken[], index: number): boolean {
  const next = words[index + 1];
  if (!next) return false;
  const key = wordKey(next);
  if (key === "i'm" || key === "i've") return true;
  const after = words[index + 2];
  return (
    key === 'i' && after !== undefined && ['am', 'was', 'feel', 'felt'].includes(wordKey(after))
  );
}

export const compileInsult: ToneCheckCompiler = (rule) => {
  const add = rule.add?.insult;
  const remove = rule.remove?.insult;
  const kinds = new Map<string, Kind>();
  const put = (groups: string[][], kind: Kind) => {
    for (const form of groups.flat()) kinds.set(listKey(form), kind);
  };
  put(adjustGroups(insults.judgements, [], remove), 'judgement');
  put(
    adjustGroups(
      insults.adjectives.map((a) => [a]),
      [],
      remove,
    ),
    'adjective',
  );
  put(adjustGroups(insults.nouns, add, remove), 'noun');
  const otherLanguages = otherLanguagesInsults(remove);

  return (analysis) => {
    const { text } = analysis;
    const words = analysis.words();
    const hits: ToneHit[] = [];
    let reached = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as WordToken;
      const kind = kinds.get(wordKey(word));
      if (!kind || !standsAlone(text, words, i) || saidOfOneself(words, i)) continue;
      const start = aimedFrom(text, words, i, kind);
      if (start === undefined) continue;
      // "you stupid idiot": one hit, from the target to the last insulting word.
      const previous = hits[hits.length - 1];
      if (previous && start < reached) hits.pop();
      const from = previous && start < reached ? Math.min(previous.start, start) : start;
      hits.push({
        start: from,
        end: word.end,
        suggestions: [removeSuggestion(text, from, word.end)],
      });
      reached = word.end;
    }
    // The other languages' insults, where no English one covers the same words.
    for (const hit of otherLanguages(analysis))
      if (!hits.some((h) => h.start < hit.end && hit.start < h.end)) hits.push(hit);
    return hits.sort((a, b) => a.start - b.start);
  };
};
