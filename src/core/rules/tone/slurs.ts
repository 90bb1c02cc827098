import slurs from '../../data/slurs.json';
import type { Severity } from '../../pack/schema';
import type { TextAnalysis } from '../../text/analysis';
import { isPostLanguage, languageAt, type PostLanguage } from '../../text/language';
import { wordKey } from '../support/finding';
import { languagesOfCommonWord, wordsNear } from './common-words';
import { languagesInForce } from './languages';
import { Lexicon, type Level, type LexiconHit } from './lexicon';
import { listKey } from './lists';
import { adjustedWords } from './profanity';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `slurs`: slurs and hate terms (src/core/data/slurs.json), their own check so that a pack
 * can hold them to a higher severity than swearing (the starter pack: `error`, which holds
 * the post). Matched by the same lexicon as profanity: inflections, symbols for letters,
 * innocent phrases ("Montenegro", "a chink in the armour").
 *
 * The list is English. A few of its words are everyday words of the other languages
 * (`everydayIn`: Spanish "negro", black; French "retard", delay; German "Abo",
 * subscription): one of those is a slur only where its sentence is not in such a language.
 * Where the sentence's language cannot be told (a post of a word or two), it is reported at
 * `warning` at most: an error would hold a post that may well be innocent ("Trop tard."),
 * and nothing at all would let a slur through without a word.
 */

const BUILT_IN = new Map<string, Level>(slurs.words.map((word) => [listKey(word), 'slur']));

const EVERYDAY_IN = new Map<string, readonly PostLanguage[]>(
  Object.entries(slurs.everydayIn).map(([word, languages]) => [
    listKey(word),
    languages.filter(isPostLanguage),
  ]),
);

/** How a listed everyday word reads where it stands. */
type Reading = 'slur' | 'innocent' | 'untold';

/**
 * The reading of a word that is a slur in English and an everyday word in `everydayIn`.
 * The sentence's common words say it first: those of one of `everydayIn` only ("Le train
 * est en retard") make it innocent, those of another language only ("You retard", "dirty
 * krauts") a slur. Where there are both or none, the detected language decides: one of
 * `everydayIn` (innocent) or English (a slur); any other, or none, leaves it untold.
 */
function readingOf(
  analysis: TextAnalysis,
  hit: LexiconHit,
  everydayIn: readonly PostLanguage[],
): Reading {
  let innocent = false;
  let slur = false;
  for (const word of wordsNear(analysis, hit.start, hit.end, true)) {
    const languages = languagesOfCommonWord(wordKey(word));
    if (!languages) continue;
    // A word common to both ("en" is French and Spanish) speaks for the everyday reading.
    if (languages.some((language) => everydayIn.includes(language))) innocent = true;
    else slur = true;
  }
  if (innocent !== slur) return innocent ? 'innocent' : 'slur';
  const language = languageAt(analysis, hit.start);
  if (language !== undefined && everydayIn.includes(language)) return 'innocent';
  return language === 'en' ? 'slur' : 'untold';
}

/** The listed word a hit is, as `everydayIn` keys it: "#Negro" → "negro", "negroooo" too. */
function keyOf(analysis: TextAnalysis, hit: LexiconHit): string {
  const start = analysis.text.charAt(hit.start) === '#' ? hit.start + 1 : hit.start;
  return listKey(analysis.text.slice(start, hit.end)).replace(/(\p{L})\1{2,}/gu, '$1');
}

/** An untold word's severity: the rule's, but never one that holds the post. */
function untoldSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity;
}

export const compileSlurs: ToneCheckCompiler = (rule, context) => {
  const { words } = adjustedWords(BUILT_IN, rule.add?.slurs, rule.remove?.slurs, 'slur');
  const lexicon = new Lexicon({ entries: words });
  const plain = ({ level: _level, ...hit }: LexiconHit): ToneHit => hit;
  // A rule for English alone reads every word as English, as before there were other
  // languages: its posts are English, and the checker leaves out sentences told otherwise.
  const english = languagesInForce(context).every((language) => language === 'en');
  if (english) return (analysis) => lexicon.match(analysis).map(plain);

  const untold = untoldSeverity(rule.severity);
  return (analysis) =>
    lexicon.match(analysis).flatMap((hit): ToneHit[] => {
      const everydayIn = EVERYDAY_IN.get(keyOf(analysis, hit));
      if (!everydayIn) return [plain(hit)];
      const reading = readingOf(analysis, hit, everydayIn);
      if (reading === 'innocent') return [];
      return [reading === 'slur' ? plain(hit) : { ...plain(hit), severity: untold }];
    });
};
