import { removeSuggestion } from '../../suggestions';
import type { TextAnalysis, WordToken } from '../../text/analysis';
import { languageAt, POST_LANGUAGES, type PostLanguage } from '../../text/language';
import { CLAUSE_BREAK, wordKey } from '../support/finding';
import { languagesOfCommonWord } from './common-words';
import type { Negation } from '../support/negation';
import { wordSets } from '../support/word-sets';
import { languagesInForce, NEGATIONS, TONE_LANGUAGES, type InsultGrammar } from './languages';
import { adjustGroups, listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `insult`: insults aimed at someone, in each language by its own small words (languages.ts).
 * From each insulting word, walk left through the clause over filler words ("an absolute",
 * "all", "so") to what makes it aimed:
 * - a second person directly ("you idiot", "you stupid clown"), or a second-person verb
 *   where the pronoun is dropped ("eres un idiota", "t'es con");
 * - a copula and its subject: a pronoun, a person noun or an @mention ("@bob is a clown",
 *   "they're all incompetent", "u r an idiot");
 * - an opener, for words that insult by themselves ("what a moron", "those idiots"), or
 *   nothing at all when such a word is a sentence of its own ("Morons.").
 * The insult word must be the head of its phrase: what follows it in the clause is a word
 * that cannot be its noun ("and", "who", "de"), or says whom it is said of: a demonstrative
 * and its noun ("Quel abruti ce client", "Was für ein Idiot dieser Kunde"; not a time, "Quel
 * idiot ce matin") or a name ("Qué idiota Juan").
 * A negation on the way ("you're not an idiot", "you are no fool", "no eres idiota") cancels
 * it, and a word inside a compound or before the noun it describes ("idiot-proof", "a clown
 * show", "a stupid idea") is not aimed at anyone; nor is one said of oneself ("what an idiot
 * I am", "qué idiota soy"). Words that are innocent in another of the five languages (French
 * "con" is Spanish "with") count only in a sentence detected as their language.
 */

type Kind = 'noun' | 'adjective';

/** Where what aims an insult starts, and the word that names whom it is aimed at. */
interface Aim {
  start: number;
  at?: string;
}

const MAX_WALK = 7;
const SENTENCE_BREAK = /[.!?…\n]/;
/** What any language's `elisions` may put in front of a word ("d'", "l'", "qu'"). */
const ELIDED_ARTICLE = /^(?:qu|\p{L})'/u;

function isMention(text: string, word: WordToken): boolean {
  return text.charAt(word.start - 1) === '@';
}

function gapBreaks(text: string, left: WordToken, right: WordToken): boolean {
  return CLAUSE_BREAK.test(text.slice(left.end, right.start));
}

/** Nothing but white space between the word and the end of its sentence. */
function endsSentence(text: string, word: WordToken): boolean {
  const after = /\S/g;
  after.lastIndex = word.end;
  const next = after.exec(text);
  return next === null || SENTENCE_BREAK.test(next[0]);
}

/** The forms of each word of `groups` with their kind, without those the pack removes. */
function putKinds(
  kinds: Map<string, Kind>,
  groups: readonly (readonly string[])[],
  kind: Kind,
  add: readonly string[],
  remove: readonly string[],
): void {
  for (const form of adjustGroups(groups, add, remove).flat()) kinds.set(listKey(form), kind);
}

/**
 * Insult words of `language` that are everyday words of another of the five ("con" is
 * Spanish "with"), whether or not the rule checks that one: its sentences may be ones the
 * detector cannot tell, which every rule checks.
 */
function wordsOfOtherLanguages(language: PostLanguage): Set<string> {
  const common = new Set(
    POST_LANGUAGES.filter((other) => other !== language).flatMap(
      (other) => TONE_LANGUAGES[other].commonWords,
    ),
  );
  const grammar = TONE_LANGUAGES[language].insult;
  return new Set(
    [...grammar.nouns.flat(), ...(grammar.judgements ?? []).flat(), ...grammar.adjectives].filter(
      (word) => common.has(word),
    ),
  );
}

/**
 * Every language's time nouns: a word listed in two languages ("idiota") is read by both
 * grammars, and "Que idiota esta manhã" is Spanish words before a Portuguese time.
 */
const TIME_NOUNS: ReadonlySet<string> = new Set(
  POST_LANGUAGES.flatMap((language) => TONE_LANGUAGES[language].insult.timeNouns ?? []),
);

/** One language's insults, read with its grammar (languages.ts). */
class LanguageInsults {
  readonly kinds = new Map<string, Kind>();
  private readonly grammar: InsultGrammar;
  private readonly words;
  private readonly fillers: ReadonlySet<string>;
  private readonly selfPhrases: readonly string[][];
  private readonly negation: Negation;
  /** Insult words that are everyday words of another language. */
  private readonly needsLanguage: ReadonlySet<string>;
  private readonly demonstratives: ReadonlySet<string>;
  /** First words of the phrases said of oneself ("je", "soy", "i'm"): never a name. */
  private readonly selfWords: ReadonlySet<string>;

  constructor(
    readonly language: PostLanguage,
    add: readonly string[],
    remove: readonly string[],
  ) {
    const grammar = TONE_LANGUAGES[language].insult;
    this.grammar = grammar;
    // Adjectives first, nouns last: a word in both lists (none today) insults as a noun.
    putKinds(this.kinds, grammar.judgements ?? [], 'adjective', [], remove);
    const adjectives = grammar.adjectives.map((adjective) => [adjective]);
    putKinds(this.kinds, adjectives, 'adjective', [], remove);
    putKinds(this.kinds, grammar.nouns, 'noun', add, remove);
    this.words = wordSets(grammar, [
      'targets',
      'directTargets',
      'directCopulas',
      'copulas',
      'openers',
      'followers',
    ]);
    this.demonstratives = new Set(grammar.demonstratives ?? []);
    this.selfWords = new Set(grammar.selfAfter.map((phrase) => phrase.split(' ')[0] as string));
    this.fillers = new Set([...grammar.fillers, ...grammar.elisions]);
    this.selfPhrases = grammar.selfAfter.map((phrase) => phrase.split(' '));
    this.negation = NEGATIONS[language];
    this.needsLanguage = wordsOfOtherLanguages(language);
  }

  /** The word's key without an elided article: "d'imbécile" → "imbécile". */
  bare(key: string): string {
    const elision = this.grammar.elisions.find((e) => key.startsWith(e) && key.length > e.length);
    return elision ? key.slice(elision.length) : key;
  }

  /** The word is the head of its phrase: nothing it could describe follows in the clause. */
  private standsAlone(text: string, words: readonly WordToken[], index: number): boolean {
    const word = words[index] as WordToken;
    if (text.charAt(word.start - 1) === '-' || /^-\p{L}/u.test(text.slice(word.end, word.end + 2)))
      return false;
    const next = words[index + 1];
    if (!next || gapBreaks(text, word, next) || this.words.followers.has(wordKey(next)))
      return true;
    return this.namesSomeone(text, words, index);
  }

  /**
   * What follows the insult word says whom it is said of: a demonstrative and its noun ("ce
   * client", "ese cliente", "dieser Kunde"), not a time ("ce matin", "esta vez"), or a name
   * ("Juan", "@marta" is a mention and stands after a break). The insult word then heads
   * its own phrase, as before a comma ("Quelle idiote, cette cliente").
   */
  private namesSomeone(text: string, words: readonly WordToken[], index: number): boolean {
    const word = words[index] as WordToken;
    const next = words[index + 1] as WordToken;
    const key = wordKey(next);
    if (this.demonstratives.has(key)) {
      const noun = words[index + 2];
      if (!noun || gapBreaks(text, next, noun)) return false;
      const nounKey = wordKey(noun);
      return !TIME_NOUNS.has(nounKey) && languagesOfCommonWord(nounKey) === undefined;
    }
    // A capital in a word written in capitals says nothing ("QUEL IDIOT AUJOURD'HUI").
    if (!/^\p{Lu}/u.test(next.text) || word.text === word.text.toUpperCase()) return false;
    return (
      !this.selfWords.has(key) &&
      !TIME_NOUNS.has(key) &&
      !this.words.targets.has(key) &&
      languagesOfCommonWord(key) === undefined
    );
  }

  /**
   * Where a phrase said of oneself follows the insult ("What an idiot I am", "qué idiota
   * soy"): right after it, after clause punctuation ("What an idiot, I'm late"), or nowhere.
   */
  selfAfter(
    text: string,
    words: readonly WordToken[],
    index: number,
  ): 'right-after' | 'after-a-break' | undefined {
    const word = words[index] as WordToken;
    const next = words[index + 1];
    const follows = this.selfPhrases.some((phrase) =>
      phrase.every((part, i) => {
        const self = words[index + 1 + i];
        return (
          self !== undefined &&
          wordKey(self) === part &&
          (i === 0 || !gapBreaks(text, words[index + i] as WordToken, self))
        );
      }),
    );
    if (!follows || !next) return undefined;
    return gapBreaks(text, word, next) ? 'after-a-break' : 'right-after';
  }

  /**
   * The languages in force that list the same insult words ("idiota" is Spanish and
   * Portuguese): a word said of oneself in one of them ("Que idiota, sou um desastre") is
   * not aimed at anyone in the others either.
   */
  private companions: readonly LanguageInsults[] = [];

  readAlongside(languages: readonly LanguageInsults[]): void {
    this.companions = languages.filter((other) => other !== this);
  }

  private selfReading(
    text: string,
    words: readonly WordToken[],
    index: number,
    key: string,
  ): 'right-after' | 'after-a-break' | undefined {
    let reading = this.selfAfter(text, words, index);
    for (const other of this.companions) {
      if (reading === 'right-after') break;
      if (other.kinds.has(key)) reading = other.selfAfter(text, words, index) ?? reading;
    }
    return reading;
  }

  /** "you're" → "you", "he's" → "he"; undefined when the word is no contraction of a copula. */
  private contractedSubject(key: string): string | undefined {
    const ending = this.grammar.contractedCopulas?.find(
      (e) => key.endsWith(e) && key.length > e.length,
    );
    return ending === undefined ? undefined : key.slice(0, -ending.length);
  }

  /** A negation cue right before `words[k]` in the same clause ("no eres"). */
  private negatedBefore(text: string, words: readonly WordToken[], k: number): boolean {
    if (this.grammar.negationBeforeTarget === 'asks') return false;
    const before = words[k - 1];
    return (
      before !== undefined &&
      !gapBreaks(text, before, words[k] as WordToken) &&
      this.negation.isCue(wordKey(before))
    );
  }

  /**
   * What aims the insult at `words[index]`: where it starts, and the word that names whom
   * it is aimed at (a target, a mention, a second-person verb) if one does. Undefined when
   * nothing aims it.
   */
  private aimedFrom(
    text: string,
    words: readonly WordToken[],
    index: number,
    kind: Kind,
  ): Aim | undefined {
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
      const subject = this.contractedSubject(key);
      const aimed =
        (!copula && this.words.directTargets.has(key)) ||
        (copula && (this.words.targets.has(key) || mention)) ||
        this.words.directCopulas.has(key) ||
        (subject !== undefined && (this.words.targets.has(subject) || mention));
      if (aimed) {
        if (negated || this.negatedBefore(text, words, k)) return undefined;
        if (mention) return { start: word.start - 1, at: key };
        return { start: this.subjectOfVerb(text, words, k) ?? word.start, at: key };
      }
      if (this.negation.isCue(key)) negated = true;
      else if (this.words.copulas.has(key)) copula = true;
      else if (this.words.openers.has(key) && !copula) opener = word.start;
      else if (!this.fillers.has(key)) break;
      start = word.start;
      if (k === 0) sentenceStart = true;
    }
    if (kind !== 'noun' || negated) return undefined;
    if (opener !== undefined) return { start: opener };
    // A sentence of its own ("Morons.", "Total clowns!") is said to whoever reads it.
    return sentenceStart && !copula && endsSentence(text, words[index] as WordToken)
      ? { start }
      : undefined;
  }

  /**
   * Where the subject of a second-person verb that aims an insult starts, when it is said
   * ("Tú eres un idiota", "Du bist ein Idiot", "@marta eres una inútil"), so that the finding
   * and its removal take it too.
   */
  private subjectOfVerb(text: string, words: readonly WordToken[], k: number): number | undefined {
    const verb = words[k] as WordToken;
    const subject = words[k - 1];
    if (!this.words.directCopulas.has(wordKey(verb)) || !subject) return undefined;
    if (gapBreaks(text, subject, verb)) return undefined;
    if (isMention(text, subject)) return subject.start - 1;
    return this.words.targets.has(wordKey(subject)) ? subject.start : undefined;
  }

  /**
   * "Il est inutile de relancer": aimed at an impersonal subject and followed by what the
   * judgement is about, the insult word is said of a thing.
   */
  private impersonal(words: readonly WordToken[], index: number, aim: Aim): boolean {
    const grammar = this.grammar.impersonal;
    const next = words[index + 1];
    if (!grammar || aim.at === undefined || !next || !grammar.subjects.includes(aim.at))
      return false;
    const key = wordKey(next);
    return grammar.followedBy.some(
      (word) => key === word || (word.endsWith("'") && key.startsWith(word)),
    );
  }

  match(analysis: TextAnalysis): ToneHit[] {
    const { text } = analysis;
    const words = analysis.words();
    const hits: ToneHit[] = [];
    let reached = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as WordToken;
      const key = this.bare(wordKey(word));
      const kind = this.kinds.get(key);
      if (!kind || !this.standsAlone(text, words, i)) continue;
      const self = this.selfReading(text, words, i, key);
      if (self === 'right-after') continue;
      const aim = this.aimedFrom(text, words, i, kind);
      // After a comma, "I'm late" makes it said of oneself unless someone is named.
      if (!aim || (self === 'after-a-break' && aim.at === undefined)) continue;
      if (this.impersonal(words, i, aim)) continue;
      const { start } = aim;
      if (this.needsLanguage.has(key) && languageAt(analysis, word.start) !== this.language)
        continue;
      // "you stupid idiot": one hit, from the target to the last insulting word.
      const previous = hits[hits.length - 1];
      const joined = previous !== undefined && start < reached;
      if (joined) hits.pop();
      const from = joined ? Math.min(previous.start, start) : start;
      hits.push({
        start: from,
        end: word.end,
        suggestions: [removeSuggestion(text, from, word.end)],
      });
      reached = word.end;
    }
    return hits;
  }
}

/** Each language's hits where no earlier language's hit covers the same words. */
function firstPerStretch(hitsByLanguage: readonly ToneHit[][]): ToneHit[] {
  const [first = [], ...rest] = hitsByLanguage;
  const hits = [...first];
  for (const hit of rest.flat())
    if (!hits.some((h) => h.start < hit.end && hit.start < h.end)) hits.push(hit);
  return hits.sort((a, b) => a.start - b.start);
}

export const compileInsult: ToneCheckCompiler = (rule, context) => {
  const add = rule.add?.insult ?? [];
  const remove = rule.remove?.insult ?? [];
  // A pack's own words are read in its first language in force: English when it is.
  const [primary, ...others] = languagesInForce(context).map(
    (language, i) => new LanguageInsults(language, i === 0 ? add : [], remove),
  );
  if (!primary) return () => [];
  if (others.length === 0) return (analysis) => primary.match(analysis);
  for (const language of [primary, ...others]) language.readAlongside([primary, ...others]);
  const otherInsults = new Set(others.flatMap((language) => [...language.kinds.keys()]));
  // One look at the words first: most posts have no insult word in the other languages, and
  // the walks would each read the whole post to find that out.
  const mayInsult = (analysis: TextAnalysis) =>
    analysis.words().some((word) => otherInsults.has(wordKey(word).replace(ELIDED_ARTICLE, '')));

  return (analysis) =>
    firstPerStretch([
      primary.match(analysis),
      ...(mayInsult(analysis) ? others.map((language) => language.match(analysis)) : []),
    ]);
};
