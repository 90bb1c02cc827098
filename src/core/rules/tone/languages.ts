import de from '../../data/languages/de.json';
import es from '../../data/languages/es.json';
import fr from '../../data/languages/fr.json';
import pt from '../../data/languages/pt.json';
import { POST_LANGUAGES, type PostLanguage } from '../../text/language';
import { Negation, type NegationCues } from '../support/negation';
import type { RuleContext } from '../types';
import { ENGLISH } from './english';

/**
 * Each language's tone lists: English's (english.ts) and the others' from
 * src/core/data/languages/*.json (each file says where its words come from). The checks
 * read them all through the same code.
 */

export interface InsultGrammar {
  /** Nouns that insult by themselves ("what a moron"), each group a word's forms. */
  nouns: readonly (readonly string[])[];
  /** Nouns that insult only when said of someone ("you're a joke"; "what a joke" is not). */
  judgements?: readonly (readonly string[])[];
  /** Adjectives, which insult only when said of someone ("he is useless"). */
  adjectives: readonly string[];
  /** Subjects a copula aims an insult at ("he is", "they're"). */
  targets: readonly string[];
  /** Words that aim an insult by themselves ("you idiot"). */
  directTargets: readonly string[];
  /** Second-person verbs that aim by themselves in pro-drop languages ("eres", "t'es"). */
  directCopulas: readonly string[];
  /** A copula written onto a target ("you're", "he's"): the endings. */
  contractedCopulas?: readonly string[];
  copulas: readonly string[];
  openers: readonly string[];
  fillers: readonly string[];
  followers: readonly string[];
  /**
   * Determiners that, right after an insult, say whom it is said of with the noun they
   * bring ("Quel abruti ce client", "Qué idiota ese cliente", "Que idiota esse cliente"):
   * demonstratives, and in Spanish and Portuguese the definite article ("Qué idiota el tipo").
   * A name does so by itself ("Qué idiota Juan", "What an idiot John is").
   */
  demonstratives?: readonly string[];
  /** Nouns that make such a determiner a time, not a person: "Quel idiot ce matin". */
  timeNouns?: readonly string[];
  /**
   * What after the insult makes it said of oneself ("qué idiota soy", "quel idiot je suis"),
   * also past a comma when nobody is named ("Quel idiot, je suis en retard"; but "You idiot,
   * I'm your boss").
   */
  selfAfter: readonly string[];
  /**
   * Subjects that may stand for no one, and what after the insult word then shows it is
   * said of a thing: French "il est inutile de relancer" (it is useless to restart).
   */
  impersonal?: { subjects: readonly string[]; followedBy: readonly string[] };
  /**
   * What a negation right before the word that aims the insult does: cancel it ("no eres
   * idiota", the default), or ask a question that still insults ("Aren't you a clown?",
   * English, whose negation follows the subject: "you're not").
   */
  negationBeforeTarget?: 'cancels' | 'asks';
  /** Elided articles written onto the word ("d'imbécile"). */
  elisions: readonly string[];
}

/** A promise, with a softer wording where one reads naturally ("risk-free" → "low-risk"). */
export interface AbsolutePhrase {
  phrase: string;
  softer?: string;
}

/** Swear words of a language with its own list (English's are cuss's, in profanity.ts). */
export interface ProfanityList {
  strong: readonly string[];
  mild: readonly string[];
  compoundRoots: readonly { root: string; position: string }[];
  /** Words innocent in another of the five languages: rude only in a sentence of this one. */
  needsLanguage: readonly string[];
  innocentPhrases: readonly string[];
  /** English list words that are innocent in this language ("dick" is German "fat"). */
  innocentEnglish: readonly string[];
}

export interface ToneLanguageData {
  profanity?: ProfanityList;
  insult: InsultGrammar;
  absolutes: readonly AbsolutePhrase[];
  officialVoice: { phrases: readonly string[]; disclaimers: readonly string[]; fix: string };
  negation: NegationCues;
  /** Upper-case words that are names, not shouting. */
  acronyms: readonly string[];
  /** Short everyday words that tell the language apart ("ist", "der", "con"). */
  commonWords: readonly string[];
}

interface ListedLanguage {
  profanity: ProfanityList;
  insult: InsultGrammar;
  absolutes: readonly string[];
  officialVoice: ToneLanguageData['officialVoice'];
  negation: NegationCues;
  acronyms: readonly string[];
  commonWords: readonly string[];
}

function listed(data: ListedLanguage, negation: Partial<NegationCues> = {}): ToneLanguageData {
  return {
    ...data,
    absolutes: data.absolutes.map((phrase) => ({ phrase })),
    negation: { ...data.negation, ...negation },
  };
}

export const TONE_LANGUAGES: Readonly<Record<PostLanguage, ToneLanguageData>> = {
  en: ENGLISH,
  es: listed(es),
  // French elides "ne" onto the verb: "n'est" is a cue as English "isn't" is.
  fr: listed(fr, { cueStarts: ["n'"] }),
  de: listed(de),
  pt: listed(pt),
};

/**
 * The languages whose lists a rule's checks read: the ones it applies in (`languages` on the
 * rule, else on its pack, else all), English first. A rule for English alone reads English's
 * lists alone, as before there were others.
 */
export function languagesInForce(context: RuleContext): PostLanguage[] {
  return POST_LANGUAGES.filter((language) => context.languages.includes(language));
}

/** Each language's negation, built once: every check and rule reads the same. */
export const NEGATIONS: Readonly<Record<PostLanguage, Negation>> = {
  en: new Negation(TONE_LANGUAGES.en.negation),
  es: new Negation(TONE_LANGUAGES.es.negation),
  fr: new Negation(TONE_LANGUAGES.fr.negation),
  de: new Negation(TONE_LANGUAGES.de.negation),
  pt: new Negation(TONE_LANGUAGES.pt.negation),
};
