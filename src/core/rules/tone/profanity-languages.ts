import type { TextAnalysis } from '../../text/analysis';
import { languageAt, type PostLanguage } from '../../text/language';
import { PhraseMatcher } from '../../text/phrases';
import { commonWordNear } from './common-words';
import {
  isFormOfListed,
  wordForms,
  type CompoundRoot,
  type LexiconHit,
  type Level,
} from './lexicon';
import { TONE_LANGUAGES, type ProfanityList } from './languages';
import { listKey } from './lists';

/**
 * Swearing in Spanish, French, German and Portuguese, next to the English lexicon, for
 * those of them a rule is in force for. Most
 * words are rude in any post they stand in ("mierda", "putain", "Scheiße", "caralho") and
 * cost no language detection. The few that are innocent in another of the five languages
 * are read in the language of their sentence: French "bite" and German "Mist" only where
 * the sentence is French or German, English "dick" not where it is German ("fat").
 */

/**
 * The words of the languages in force, put into the English lexicon so that a post is read
 * once however many languages there are; what depends on the language is looked up per hit.
 */
interface OtherLanguagesLexicon {
  entries: ReadonlyMap<string, Level>;
  compoundRoots: readonly CompoundRoot[];
  /** Words innocent elsewhere, and their forms, with the language they are rude in. */
  needsLanguage: ReadonlyMap<string, PostLanguage>;
  /** For a compound built on such a word ("fickle" on "fick"): that language. */
  rootLanguageOf(key: string): PostLanguage | undefined;
  innocentPhrases: PhraseMatcher<true>;
  /** English list words innocent in a language: "dick" → de. */
  innocentEnglish: ReadonlyMap<string, PostLanguage[]>;
}

function combinedLexicon(
  lists: readonly [PostLanguage, ProfanityList][],
  removed: ReadonlySet<string>,
  isEnglishForm: (key: string) => boolean,
): OtherLanguagesLexicon {
  const isRemoved = (key: string) => [...removed].some((r) => key === r || key.startsWith(r));
  const entries = new Map<string, Level>();
  const compoundRoots: CompoundRoot[] = [];
  const needsLanguage = new Map<string, PostLanguage>();
  const innocentPhrases = new PhraseMatcher<true>(false);
  const innocentEnglish = new Map<string, PostLanguage[]>();
  const languageRoots: { root: string; language: PostLanguage }[] = [];
  for (const [language, data] of lists) {
    const mild = new Set(data.mild.map(listKey));
    for (const word of [...data.strong, ...data.mild]) {
      const key = listKey(word);
      if (!isRemoved(key) && !entries.has(key)) entries.set(key, mild.has(key) ? 'mild' : 'strong');
    }
    for (const r of data.compoundRoots)
      if (!isRemoved(r.root))
        compoundRoots.push({
          root: r.root,
          position: r.position as CompoundRoot['position'],
          level: mild.has(r.root) ? 'mild' : 'strong',
        });
    // Its forms too ("mists" is English), unless English swears with the same form ("pisses").
    for (const word of data.needsLanguage) {
      const key = listKey(word);
      needsLanguage.set(key, language);
      for (const form of wordForms(key))
        if (!isEnglishForm(form) && !needsLanguage.has(form)) needsLanguage.set(form, language);
      // "fick" builds German compounds, and "fickle" is English.
      if (data.compoundRoots.some((r) => r.root === key))
        languageRoots.push({ root: key, language });
    }
    for (const phrase of data.innocentPhrases) innocentPhrases.add(phrase, true);
    for (const word of data.innocentEnglish) {
      const key = listKey(word);
      innocentEnglish.set(key, [...(innocentEnglish.get(key) ?? []), language]);
    }
  }
  /**
   * The language a word needs for being built on one of its compound roots that is innocent
   * elsewhere, unless the word is listed in its own right or is an English swear word's form.
   */
  const rootLanguageOf = (key: string): PostLanguage | undefined => {
    if (entries.has(key) || isEnglishForm(key)) return undefined;
    return languageRoots.find((r) => key.startsWith(r.root))?.language;
  };
  return {
    entries,
    compoundRoots,
    needsLanguage,
    rootLanguageOf,
    innocentPhrases,
    innocentEnglish,
  };
}

/**
 * The hit's sentence is in one of `languages`. The detector reads "Such a dick move" and
 * "Heavy mist, drive carefully" as German: a short sentence has too few letters to tell. So
 * the detected language counts only when one of its common words ("ist", "der", "so")
 * stands near the word too.
 */
function saidIn(analysis: TextAnalysis, hit: LexiconHit, languages: readonly PostLanguage[]) {
  const language = languageAt(analysis, hit.start);
  if (language === undefined || !languages.includes(language)) return false;
  return commonWordNear(analysis, hit.start, hit.end, language);
}

function hitKey(analysis: TextAnalysis, hit: LexiconHit): string {
  const start = analysis.text.charAt(hit.start) === '#' ? hit.start + 1 : hit.start;
  return listKey(analysis.text.slice(start, hit.end));
}

export interface OtherLanguagesProfanity {
  /** Words and compound roots to add to the English lexicon. */
  entries: ReadonlyMap<string, Level>;
  compoundRoots: readonly CompoundRoot[];
  /** The lexicon's hits without those innocent in their sentence's language. */
  filter(analysis: TextAnalysis, hits: readonly LexiconHit[]): LexiconHit[];
}

/**
 * The swear words of those of `languages` that have a list of their own (all but English,
 * whose words are the lexicon's already); undefined when none has.
 */
export function otherLanguagesProfanity(
  languages: readonly PostLanguage[],
  removed: ReadonlySet<string>,
  englishWords: ReadonlyMap<string, unknown> = new Map(),
): OtherLanguagesProfanity | undefined {
  const lists = languages.flatMap((language): [PostLanguage, ProfanityList][] => {
    const list = TONE_LANGUAGES[language].profanity;
    return list ? [[language, list]] : [];
  });
  if (lists.length === 0) return undefined;
  const isEnglishForm = (key: string) => isFormOfListed(key, (word) => englishWords.has(word));
  const lexicon = combinedLexicon(lists, removed, isEnglishForm);
  return {
    entries: lexicon.entries,
    compoundRoots: lexicon.compoundRoots,
    filter(analysis, hits) {
      let innocent: { start: number; end: number }[] | undefined;
      return hits.filter((hit) => {
        const key = hitKey(analysis, hit);
        const innocentIn = lexicon.innocentEnglish.get(key);
        if (innocentIn && saidIn(analysis, hit, innocentIn)) return false;
        const language = lexicon.needsLanguage.get(key) ?? lexicon.rootLanguageOf(key);
        if (language && !saidIn(analysis, hit, [language])) return false;
        innocent ??= lexicon.innocentPhrases.match(analysis);
        return !innocent.some((p) => p.start <= hit.start && hit.end <= p.end);
      });
    },
  };
}
