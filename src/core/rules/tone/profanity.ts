import profanity from '../../data/profanity.json';
import { removeSuggestion } from '../../suggestions';
import { PhraseMatcher } from '../../text/phrases';
import { adjustGroups, listKey } from './lists';
import type { ToneCheckCompiler, ToneHit } from './types';

/**
 * `profanity`: whole words only (the phrase matcher works on word tokens, so "Scunthorpe",
 * "classy" and "cocktail" are never hits), plus words written with symbols for letters
 * ("f*ck", "sh!t", "a$$"), compared letter by letter with the list.
 */

/** What each symbol may stand for in a disguised word; `*` stands for any letter. */
const LEET: Record<string, string> = {
  '!': 'il',
  '1': 'il',
  '|': 'il',
  '@': 'a',
  '4': 'a',
  $: 's',
  '5': 's',
  '0': 'o',
  '3': 'e',
  '7': 't',
};
/** Runs are found from their symbols: most words have none, and are never looked at twice. */
const SYMBOL = /[*!@$|0-9]/g;
const RUN_CHAR = /[\p{L}\p{N}*!@$|]/u;
const HAS_SYMBOL = /[*!@$|0-9]/;
const LETTER = /\p{L}/u;

function fits(candidate: string, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = candidate.charAt(i);
    const w = word.charAt(i);
    if (c === w || c === '*') continue;
    if (!LEET[c]?.includes(w)) return false;
  }
  return true;
}

/** Where in `run` a disguised listed word is (offset and length), if it spells one. */
function disguised(
  run: string,
  byLength: Map<number, string[]>,
): { offset: number; length: number } | undefined {
  let offset = 0;
  let word = run;
  // Markdown emphasis (*word*) and exclamation marks after a word are not part of it.
  if (word.startsWith('*') && word.endsWith('*')) {
    offset = word.search(/[^*]/);
    word = word.replace(/^\*+|\*+$/g, '');
  }
  word = word.replace(/[!|]+$/, '');
  if (word.length < 3 || word.startsWith('*') || !HAS_SYMBOL.test(word) || !LETTER.test(word))
    return undefined;
  // Digits that stand for no letter: a code or a count ("b2b", "4x4"), not a disguise.
  if (/[2689]/.test(word)) return undefined;
  const lower = word.toLowerCase();
  const candidates = byLength.get(lower.length) ?? [];
  return candidates.some((w) => fits(lower, w)) ? { offset, length: word.length } : undefined;
}

export const compileProfanity: ToneCheckCompiler = (rule) => {
  const groups = adjustGroups(profanity.groups, rule.add?.profanity, rule.remove?.profanity);
  const matcher = new PhraseMatcher<true>(false);
  const byLength = new Map<number, string[]>();
  for (const form of groups.flat()) {
    matcher.add(form, true);
    const key = listKey(form);
    if (/^\p{L}+$/u.test(key)) byLength.set(key.length, [...(byLength.get(key.length) ?? []), key]);
  }

  return (analysis) => {
    const { text } = analysis;
    const hits: ToneHit[] = matcher.match(analysis).map((hit) => ({
      start: hit.start,
      end: hit.end,
      suggestions: [removeSuggestion(text, hit.start, hit.end)],
    }));
    let reached = 0;
    SYMBOL.lastIndex = 0;
    for (let symbol = SYMBOL.exec(text); symbol !== null; symbol = SYMBOL.exec(text)) {
      if (symbol.index < reached) continue;
      let from = symbol.index;
      while (from > 0 && RUN_CHAR.test(text.charAt(from - 1))) from--;
      let to = symbol.index + 1;
      while (to < text.length && RUN_CHAR.test(text.charAt(to))) to++;
      reached = to;
      const run = text.slice(from, to);
      // A hashtag, a mention, or part of an address or a domain ("c0ck@host.example") is not a word.
      if (
        run.length < 3 ||
        run.length > 20 ||
        run.startsWith('@') ||
        /[#.]/.test(text.charAt(from - 1)) ||
        (text.charAt(to) === '.' && LETTER.test(text.charAt(to + 1)))
      ) {
        continue;
      }
      const found = disguised(run, byLength);
      if (!found) continue;
      const start = from + found.offset;
      const end = start + found.length;
      hits.push({ start, end, suggestions: [removeSuggestion(text, start, end)] });
    }
    return hits;
  };
};
