import { removeSuggestion } from '../../suggestions';
import type { TextAnalysis, WordToken } from '../../text/analysis';
import { languageAt } from '../../text/language';
import { CLAUSE_BREAK, wordKey } from '../support/finding';
import { LanguageNegation } from './language-negation';
import { OTHER_LANGUAGES, TONE_LANGUAGES, type OtherLanguage } from './languages';
import { listKey } from './lists';
import type { ToneHit } from './types';

/**
 * Insults aimed at someone in Spanish, French, German and Portuguese, walked as insult.ts
 * walks English, with each language's own small words: a second-person verb aims by itself
 * where the pronoun is dropped ("eres un idiota", "t'es con"), a negation before the verb
 * cancels ("no eres idiota"), and a first-person word in the way or after it makes it said
 * of oneself ("qué idiota soy", "was bin ich für ein Idiot"). Words that are innocent in
 * another of the five languages (French "con" is Spanish "with") count only in a sentence
 * detected as their language.
 */

type Kind = 'noun' | 'adjective';

const MAX_WALK = 7;
/** What any language's `elisions` may put in front of a word ("d'", "l'", "qu'"). */
const ELIDED_ARTICLE = /^(?:qu|\p{L})'/u;
const SENTENCE_BREAK = /[.!?…\n]/;

class LanguageInsults {
  readonly kinds = new Map<string, Kind>();
  private readonly targets: Set<string>;
  private readonly directTargets: Set<string>;
  private readonly directCopulas: Set<string>;
  private readonly copulas: Set<string>;
  private readonly openers: Set<string>;
  private readonly fillers: Set<string>;
  private readonly followers: Set<string>;
  private readonly selfAfter: string[][];
  private readonly elisions: string[];
  private readonly negation: LanguageNegation;
  /** Insult words that are everyday words of another language. */
  private readonly needsLanguage: Set<string>;

  constructor(
    readonly language: OtherLanguage,
    remove: ReadonlySet<string>,
  ) {
    const data = TONE_LANGUAGES[language];
    const grammar = data.insult;
    for (const group of grammar.nouns)
      if (!group.some((form) => remove.has(listKey(form))))
        for (const form of group) this.kinds.set(listKey(form), 'noun');
    for (const form of grammar.adjectives)
      if (!remove.has(listKey(form))) this.kinds.set(listKey(form), 'adjective');
    this.targets = new Set(grammar.targets);
    this.directTargets = new Set(grammar.directTargets);
    this.directCopulas = new Set(grammar.directCopulas);
    this.copulas = new Set(grammar.copulas);
    this.openers = new Set(grammar.openers);
    this.fillers = new Set(grammar.fillers);
    this.followers = new Set(grammar.followers);
    this.selfAfter = grammar.selfAfter.map((phrase) => phrase.split(' '));
    this.elisions = [...grammar.elisions];
    this.negation = new LanguageNegation(data.negation);
    this.needsLanguage = new Set(OTHER_LANGUAGES.flatMap((other) => otherWords(other, language)));
  }

  /** The word's key without an elided article: "d'imbécile" → "imbécile". */
  private bare(key: string): string {
    const elision = this.elisions.find((e) => key.startsWith(e) && key.length > e.length);
    return elision ? key.slice(elision.length) : key;
  }

  private standsAlone(text: string, words: readonly WordToken[], index: number): boolean {
    const word = words[index] as WordToken;
    if (text.charAt(word.start - 1) === '-' || /^-\p{L}/u.test(text.slice(word.end, word.end + 2)))
      return false;
    const next = words[index + 1];
    return (
      !next ||
      CLAUSE_BREAK.test(text.slice(word.end, next.start)) ||
      this.followers.has(wordKey(next))
    );
  }

  private saidOfOneself(text: string, words: readonly WordToken[], index: number): boolean {
    return this.selfAfter.some((phrase) =>
      phrase.every((part, i) => {
        const word = words[index + 1 + i];
        const previous = words[index + i] as WordToken;
        return (
          word !== undefined &&
          wordKey(word) === part &&
          !CLAUSE_BREAK.test(text.slice(previous.end, word.start))
        );
      }),
    );
  }

  /** Start of what aims the insult at `words[index]`, or undefined. */
  private aimedFrom(
    text: string,
    words: readonly WordToken[],
    index: number,
    kind: Kind,
  ): number | undefined {
    let copula = false;
    let negated = false;
    let opener: number | undefined;
    let start = (words[index] as WordToken).start;
    let sentenceStart = index === 0;
    const negatedBefore = (k: number) => {
      const before = words[k - 1];
      return (
        before !== undefined &&
        !CLAUSE_BREAK.test(text.slice(before.end, (words[k] as WordToken).start)) &&
        this.negation.isCue(wordKey(before))
      );
    };
    for (let k = index - 1; k >= 0 && index - k <= MAX_WALK; k--) {
      const word = words[k] as WordToken;
      const gap = text.slice(word.end, (words[k + 1] as WordToken).start);
      if (CLAUSE_BREAK.test(gap)) {
        sentenceStart = SENTENCE_BREAK.test(gap);
        break;
      }
      const key = wordKey(word);
      const mention = text.charAt(word.start - 1) === '@';
      const aimed =
        (!copula && this.directTargets.has(key)) ||
        (copula && (this.targets.has(key) || mention)) ||
        this.directCopulas.has(key);
      if (aimed) {
        if (negated || negatedBefore(k)) return undefined;
        return mention ? word.start - 1 : word.start;
      }
      if (this.negation.isCue(key)) negated = true;
      else if (this.copulas.has(key)) copula = true;
      else if (this.openers.has(key) && !copula) opener = word.start;
      else if (!this.fillers.has(key) && !this.elisions.includes(key)) break;
      start = word.start;
      if (k === 0) sentenceStart = true;
    }
    if (kind !== 'noun' || negated) return undefined;
    if (opener !== undefined) return opener;
    const after = /\S/.exec(text.slice((words[index] as WordToken).end));
    const endsSentence = after === null || SENTENCE_BREAK.test(after[0]);
    return sentenceStart && !copula && endsSentence ? start : undefined;
  }

  match(analysis: TextAnalysis): ToneHit[] {
    const { text } = analysis;
    const words = analysis.words();
    const hits: ToneHit[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as WordToken;
      const key = this.bare(wordKey(word));
      const kind = this.kinds.get(key);
      if (!kind || !this.standsAlone(text, words, i) || this.saidOfOneself(text, words, i))
        continue;
      const start = this.aimedFrom(text, words, i, kind);
      if (start === undefined) continue;
      if (this.needsLanguage.has(key) && languageAt(analysis, word.start) !== this.language)
        continue;
      hits.push({ start, end: word.end, suggestions: [removeSuggestion(text, start, word.end)] });
    }
    return hits;
  }
}

/** `language`'s insult words that are common words of `other` ("con" is Spanish "with"). */
function otherWords(other: OtherLanguage, language: OtherLanguage): string[] {
  if (other === language) return [];
  const common = new Set(TONE_LANGUAGES[other].commonWords);
  const grammar = TONE_LANGUAGES[language].insult;
  return [...grammar.nouns.flat(), ...grammar.adjectives].filter((w) => common.has(w));
}

export function otherLanguagesInsults(
  remove: readonly string[] = [],
): (analysis: TextAnalysis) => ToneHit[] {
  const removed = new Set(remove.map(listKey));
  const languages = OTHER_LANGUAGES.map((language) => new LanguageInsults(language, removed));
  const anyInsult = new Set(languages.flatMap((language) => [...language.kinds.keys()]));
  // One look at the words first: most posts have no insult word in any language, and the
  // four walks would each read the whole post to find that out.
  const mayInsult = (analysis: TextAnalysis) =>
    analysis.words().some((word) => anyInsult.has(wordKey(word).replace(ELIDED_ARTICLE, '')));
  return (analysis) =>
    mayInsult(analysis) ? languages.flatMap((language) => language.match(analysis)) : [];
}
