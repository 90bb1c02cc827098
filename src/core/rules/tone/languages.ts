import de from '../../data/languages/de.json';
import es from '../../data/languages/es.json';
import fr from '../../data/languages/fr.json';
import pt from '../../data/languages/pt.json';
import type { PostLanguage } from '../../text/language';

/**
 * The tone lists of the languages other than English (src/core/data/languages/*.json; each
 * file says where its words come from). English keeps its own files, which predate these.
 */

export type OtherLanguage = Exclude<PostLanguage, 'en'>;

export interface NegationCues {
  before: readonly string[];
  between: readonly string[];
  after: readonly string[];
  auxiliaries: readonly string[];
  subjects: readonly string[];
  conjunctions: readonly string[];
  /**
   * The verb ends the clause (German: "Wir können keine Lieferung vor Montag garantieren"),
   * so a cue anywhere earlier in the clause negates a promise that ends it.
   */
  verbFinal?: boolean;
}

export interface InsultGrammar {
  nouns: readonly (readonly string[])[];
  adjectives: readonly string[];
  targets: readonly string[];
  directTargets: readonly string[];
  /** Second-person verbs that aim by themselves in pro-drop languages ("eres", "t'es"). */
  directCopulas: readonly string[];
  copulas: readonly string[];
  openers: readonly string[];
  fillers: readonly string[];
  followers: readonly string[];
  /** What after the insult makes it said of oneself ("qué idiota soy", "quel idiot je suis"). */
  selfAfter: readonly string[];
  /** Elided articles written onto the word ("d'imbécile"). */
  elisions: readonly string[];
}

export interface ToneLanguageData {
  profanity: {
    strong: readonly string[];
    mild: readonly string[];
    compoundRoots: readonly { root: string; position: string }[];
    needsLanguage: readonly string[];
    innocentPhrases: readonly string[];
    innocentEnglish: readonly string[];
  };
  insult: InsultGrammar;
  absolutes: readonly string[];
  officialVoice: { phrases: readonly string[]; disclaimers: readonly string[]; fix: string };
  negation: NegationCues;
  acronyms: readonly string[];
  commonWords: readonly string[];
}

export const TONE_LANGUAGES: Readonly<Record<OtherLanguage, ToneLanguageData>> = { es, fr, de, pt };

export const OTHER_LANGUAGES = Object.keys(TONE_LANGUAGES) as OtherLanguage[];
