import { cuss } from 'cuss';
import profanity from '../../data/profanity.json';
import slurs from '../../data/slurs.json';
import type { Severity, ToneRule } from '../../pack/schema';
import { Lexicon, wordForms, type CompoundRoot, type Level, type LexiconHit } from './lexicon';
import { languagesInForce } from './languages';
import { listKey } from './lists';
import { otherLanguagesProfanity } from './profanity-languages';
import type { ToneCheckCompiler } from './types';

/**
 * `profanity`: swear words, from the cuss package's words rated "sure" (2) with our
 * corrections (src/core/data/profanity.json: words cuss rates that are not swearing, the
 * mild ones, forms cuss lacks), matched by the lexicon (lexicon.ts) in their inflections,
 * compounds and disguises. Slurs are not here: they are the `slurs` check.
 *
 * Each hit has the severity the rule sets for its word's level (`severities.mild`,
 * `severities.strong`), else the rule's own.
 */

const SLURS = new Set(slurs.words.map(listKey));
const NOT_PROFANITY = new Set(profanity.notProfanity.map(listKey));
const MILD = new Set(profanity.mild.map(listKey));

const ROOTS: CompoundRoot[] = profanity.compoundRoots.map((root) => ({
  root: root.root,
  position: root.position as CompoundRoot['position'],
  level: MILD.has(root.root) ? 'mild' : 'strong',
}));

/** The built-in words with their levels, before a pack's `add` and `remove`. */
function builtIn(): Map<string, Level> {
  const words = new Map<string, Level>();
  for (const [word, rating] of Object.entries(cuss)) {
    const key = listKey(word);
    if (rating < 2 || SLURS.has(key) || NOT_PROFANITY.has(key)) continue;
    words.set(key, MILD.has(key) ? 'mild' : 'strong');
  }
  for (const word of profanity.strong) words.set(listKey(word), 'strong');
  for (const word of profanity.mild) words.set(listKey(word), 'mild');
  return words;
}
const BUILT_IN = builtIn();

/**
 * A pack's `remove` takes out a word with its forms and the words built on it ("crap" also
 * removes "crappy" and "crapola"); `add` puts words in at the strong level.
 */
export function adjustedWords(
  base: ReadonlyMap<string, Level>,
  add: readonly string[] = [],
  remove: readonly string[] = [],
  level: Level = 'strong',
): { words: Map<string, Level>; removed: Set<string> } {
  const removed = new Set(remove.map(listKey));
  const isRemoved = (key: string) =>
    [...removed].some((r) => key === r || (key.startsWith(r) && /^\p{L}+$/u.test(r)));
  const words = new Map([...base].filter(([key]) => !isRemoved(key)));
  for (const word of add) {
    const key = listKey(word);
    if (!removed.has(key)) for (const form of wordForms(key)) words.set(form, level);
  }
  return { words, removed };
}

function severityFor(rule: ToneRule, level: Level): Severity {
  if (level === 'mild') return rule.severities?.mild ?? rule.severity;
  if (level === 'strong') return rule.severities?.strong ?? rule.severity;
  return rule.severity;
}

export const compileProfanity: ToneCheckCompiler = (rule, context) => {
  const languages = languagesInForce(context);
  // English's words are cuss's and ours (BUILT_IN); a pack's own words count in any language.
  const english = languages.includes('en');
  const { words, removed } = adjustedWords(
    english ? BUILT_IN : new Map(),
    rule.add?.profanity,
    rule.remove?.profanity,
  );
  const otherLanguages = otherLanguagesProfanity(languages, removed, words);
  // English first: a word listed in both keeps its English level and forms.
  for (const [word, level] of otherLanguages?.entries ?? [])
    if (!words.has(word)) words.set(word, level);
  const lexicon = new Lexicon({
    entries: words,
    compoundRoots: [
      ...(english ? ROOTS.filter((r) => ![...removed].some((w) => r.root.startsWith(w))) : []),
      ...(otherLanguages?.compoundRoots ?? []),
    ],
  });
  const withSeverity = (hits: readonly LexiconHit[]) =>
    hits.map(({ level, ...hit }) => ({ ...hit, severity: severityFor(rule, level) }));
  if (!otherLanguages) return (analysis) => withSeverity(lexicon.match(analysis));
  return (analysis) => withSeverity(otherLanguages.filter(analysis, lexicon.match(analysis)));
};
