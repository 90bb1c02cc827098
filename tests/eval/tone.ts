import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cuss } from 'cuss';
import wordListPath from 'word-list';
import profanityData from '../../src/core/data/profanity.json';
import slurData from '../../src/core/data/slurs.json';
import { compilePacks, type Checker, type Pack } from '../../src/core/index';
import type { ToneCheck } from '../../src/core/pack/schema';
import { wordForms } from '../../src/core/rules/tone/lexicon';
import { readData, score, type Score } from './entities';

/**
 * Recall and precision of the tone rule's `profanity` and `slurs` checks:
 * - on labelled sentences (tests/data/profanity.json), by exact span;
 * - on a labelled list, badwords-list's 450 entries with our labels
 *   (tests/data/profanity-list.json): an entry is found when its check reports it;
 * - on innocent text: the labelled innocent sentences, and every word of the word-list
 *   package (274,000 English words) that no profanity list has, where any hit is false.
 */

const require = createRequire(import.meta.url);
const badwords = (require('badwords-list') as { array: string[] }).array;

const checkers = new Map<ToneCheck, Checker>();

function checkerFor(check: ToneCheck): Checker {
  const cached = checkers.get(check);
  if (cached) return cached;
  const pack: Pack = {
    format: 'postguard/pack@1',
    id: 'eval',
    name: 'Evaluation',
    version: '1.0.0',
    rules: [
      {
        id: `eval.${check}`,
        kind: 'tone',
        severity: 'warning',
        message: '{match}',
        checks: [check],
      },
    ],
    content: [],
  };
  const compiled = compilePacks([pack]);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  checkers.set(check, compiled.value);
  return compiled.value;
}

function hitsOf(check: ToneCheck, text: string) {
  return checkerFor(check).check(text, { network: 'linkedin' });
}

interface ProfanityCase {
  text: string;
  profanity?: string[];
  slurs?: string[];
}

export function caseScore(check: 'profanity' | 'slurs'): Score {
  const { cases } = readData<{ cases: ProfanityCase[] }>('profanity.json');
  let expected = 0;
  let found = 0;
  let reported = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const c of cases) {
    const want = c[check] ?? [];
    let from = 0;
    const keys = want.map((value) => {
      const at = c.text.indexOf(value, from);
      if (at < 0) throw new Error(`${value} not in ${c.text}`);
      from = at + value.length;
      return `${at}:${at + value.length}`;
    });
    const got = hitsOf(check, c.text);
    expected += want.length;
    reported += got.length;
    const gotKeys = new Set(got.map((f) => `${f.start}:${f.end}`));
    keys.forEach((key, i) => {
      if (gotKeys.has(key)) found++;
      else
        missed.push(
          `${want[i]}  ←  ${c.text}  (got ${got.map((f) => f.match).join(', ') || 'nothing'})`,
        );
    });
    for (const f of got)
      if (!keys.includes(`${f.start}:${f.end}`)) extra.push(`${f.match}  ←  ${c.text}`);
  }
  return { ...score(expected, found, reported), missed, extra };
}

export interface ListScores {
  profanity: Score;
  slurs: Score;
  /** Entries labelled as neither that a check reports anyway. */
  unlabelledHits: string[];
}

export function listScores(): ListScores {
  const labels = readData<{ none: string[]; slurs: string[] }>('profanity-list.json');
  const none = new Set(labels.none);
  const slurs = new Set(labels.slurs);
  const result = {
    profanity: score(0, 0, 0),
    slurs: score(0, 0, 0),
    unlabelledHits: [] as string[],
  };
  const counts = { profanity: { expected: 0, found: 0 }, slurs: { expected: 0, found: 0 } };
  for (const entry of badwords) {
    const profane = hitsOf('profanity', entry).length > 0;
    const slur = hitsOf('slurs', entry).length > 0;
    if (none.has(entry)) {
      if (profane || slur) result.unlabelledHits.push(entry);
      continue;
    }
    const check = slurs.has(entry) ? 'slurs' : 'profanity';
    const hit = check === 'slurs' ? slur : profane;
    const count = counts[check];
    count.expected++;
    if (hit) count.found++;
    else result[check].missed.push(entry);
  }
  for (const check of ['profanity', 'slurs'] as const) {
    const { expected, found } = counts[check];
    result[check] = { ...score(expected, found, found), missed: result[check].missed };
  }
  return result;
}

export interface InnocentScore {
  sentences: number;
  sentenceHits: string[];
  words: number;
  wordHits: string[];
  rate: number;
}

/**
 * The words the checks mean to report, with their forms: cuss's "sure" words less our
 * not-profanity list, badwords-list's entries labelled as swearing or slurs, and our lists.
 * Every other word of the dictionary is innocent, including cuss's unsure words ("cocktail",
 * "devil") and the entries we label as not swearing ("penis", "hell").
 */
function listedWords(): Set<string> {
  const notProfanity = new Set(profanityData.notProfanity);
  const { none } = readData<{ none: string[] }>('profanity-list.json');
  const labelledNone = new Set(none);
  const listed = new Set<string>();
  const add = (w: string) => {
    for (const form of wordForms(w.toLowerCase())) listed.add(form);
  };
  for (const [word, rating] of Object.entries(cuss))
    if (rating === 2 && !notProfanity.has(word)) add(word);
  for (const word of badwords) if (!labelledNone.has(word)) add(word);
  profanityData.strong.forEach(add);
  profanityData.mild.forEach(add);
  slurData.words.forEach(add);
  return listed;
}

export function innocentScore(): InnocentScore {
  const { innocent } = readData<{ innocent: string[] }>('profanity.json');
  const sentenceHits: string[] = [];
  for (const text of innocent) {
    for (const check of ['profanity', 'slurs'] as const) {
      for (const f of hitsOf(check, text)) sentenceHits.push(`${check}: ${f.match}  ←  ${text}`);
    }
  }
  const listed = listedWords();
  const words = readFileSync(wordListPath, 'utf8')
    .split('\n')
    .filter((w) => w && !listed.has(w));
  // One word a line: a hit covers one word, and the line tells which.
  const text = words.join('\n');
  const hitWords = new Set<string>();
  for (const check of ['profanity', 'slurs'] as const) {
    for (const f of hitsOf(check, text)) {
      const lineStart = text.lastIndexOf('\n', f.start) + 1;
      const lineEnd = text.indexOf('\n', f.start);
      hitWords.add(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
    }
  }
  return {
    sentences: innocent.length,
    sentenceHits,
    words: words.length,
    wordHits: [...hitWords].sort(),
    rate: hitWords.size / words.length,
  };
}
