import slurs from '../../data/slurs.json';
import { Lexicon, type Level } from './lexicon';
import { listKey } from './lists';
import { adjustedWords } from './profanity';
import type { ToneCheckCompiler } from './types';

/**
 * `slurs`: slurs and hate terms (src/core/data/slurs.json), their own check so that a pack
 * can hold them to a higher severity than swearing (the starter pack: `error`). Matched by
 * the same lexicon as profanity: inflections, symbols for letters, innocent phrases
 * ("Montenegro", "a chink in the armour").
 */

const BUILT_IN = new Map<string, Level>(slurs.words.map((word) => [listKey(word), 'slur']));

export const compileSlurs: ToneCheckCompiler = (rule) => {
  const { words } = adjustedWords(BUILT_IN, rule.add?.slurs, rule.remove?.slurs, 'slur');
  const lexicon = new Lexicon({ entries: words });
  return (analysis) => lexicon.match(analysis).map(({ level: _level, ...hit }) => hit);
};
