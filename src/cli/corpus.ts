import { NETWORKS, type Network } from '../core/pack/schema';
import type { Finding } from '../core/findings';
import { parseIsoDate } from './args';

/**
 * A labelled corpus: one post per `.txt` file, with a front-matter block that says on
 * which network it is posted and which rule ids a correct check reports:
 *
 *     ---
 *     network: linkedin
 *     expect: [confidential.codenames, disclosure.affiliation]
 *     now: 2026-12-01        (optional: the date of checking, for embargoes)
 *     note: why this case    (optional, ignored)
 *     ---
 *     The post text…
 */
export interface CorpusCase {
  file: string;
  network: Network;
  now: Date | undefined;
  expect: string[];
  text: string;
}

export type CorpusParse = { ok: true; value: CorpusCase } | { ok: false; error: string };

const KEYS = new Set(['network', 'expect', 'now', 'note']);

export function parseCorpusFile(file: string, source: string): CorpusParse {
  const fail = (line: number, message: string): CorpusParse => ({
    ok: false,
    error: `${file}:${line}: ${message}`,
  });
  const lines = source.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines[0] !== '---') return fail(1, 'a corpus file starts with a "---" front-matter line');
  const close = lines.indexOf('---', 1);
  if (close === -1) return fail(1, 'the front matter is not closed by a "---" line');

  const fields = new Map<string, string | string[]>();
  let listKey: string | undefined;
  for (let i = 1; i < close; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s*(.+?)\s*$/.exec(line);
    if (item && listKey) {
      (fields.get(listKey) as string[]).push(unquote(item[1] ?? ''));
      continue;
    }
    const pair = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (!pair) return fail(i + 1, `expected "key: value", got "${line}"`);
    const key = pair[1] ?? '';
    const value = pair[2] ?? '';
    if (!KEYS.has(key)) return fail(i + 1, `unknown key "${key}" (known: ${[...KEYS].join(', ')})`);
    if (fields.has(key)) return fail(i + 1, `"${key}" is given twice`);
    listKey = undefined;
    if (key === 'expect') {
      if (value === '') {
        fields.set(key, []);
        listKey = key;
      } else {
        const list = /^\[(.*)\]$/.exec(value);
        if (!list) return fail(i + 1, 'expect is a list: [rule.id, other.id] or [] for none');
        fields.set(
          key,
          (list[1] ?? '')
            .split(',')
            .map((id) => unquote(id.trim()))
            .filter((id) => id !== ''),
        );
      }
    } else {
      fields.set(key, unquote(value));
    }
  }

  const network = fields.get('network');
  if (typeof network !== 'string')
    return fail(1, `"network:" is required (${NETWORKS.join(', ')})`);
  if (!(NETWORKS as readonly string[]).includes(network)) {
    return fail(1, `network must be one of ${NETWORKS.join(', ')}, not "${network}"`);
  }
  const expect = fields.get('expect');
  if (!Array.isArray(expect)) return fail(1, '"expect:" is required ([] for a clean post)');
  const nowText = fields.get('now');
  let now: Date | undefined;
  if (typeof nowText === 'string') {
    now = parseIsoDate(nowText);
    if (!now) return fail(1, `now must be a date as YYYY-MM-DD, not "${nowText}"`);
  }

  // Editors end files with a newline that is not part of the post.
  const text = lines
    .slice(close + 1)
    .join('\n')
    .replace(/\n$/, '');
  if (text.trim() === '') return fail(close + 2, 'the post text after the front matter is empty');
  return {
    ok: true,
    value: { file, network: network as Network, now, expect: [...new Set(expect)], text },
  };
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

export interface CaseResult {
  case: CorpusCase;
  findings: readonly Finding[];
}

export interface Miss {
  file: string;
  ruleId: string;
  /** `missed`: expected but not reported (a false negative); `unexpected`: a false positive. */
  type: 'missed' | 'unexpected';
  /** For an unexpected rule, the first finding that reported it. */
  finding?: Finding;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  /** null when the rule reported nothing (no precision to speak of). */
  precision: number | null;
  /** null when nothing expected the rule. */
  recall: number | null;
}

export interface CorpusReport {
  cases: number;
  rules: (Score & { ruleId: string })[];
  overall: Score;
  misses: Miss[];
}

/**
 * Scores per post and rule id: a rule reported on a post that expects it is a true
 * positive however many findings it made there, so labels say which rules apply, not how
 * often they fire.
 */
export function scoreCorpus(results: readonly CaseResult[]): CorpusReport {
  const perRule = new Map<string, Counts>();
  const counts = (ruleId: string): Counts => {
    let entry = perRule.get(ruleId);
    if (!entry) perRule.set(ruleId, (entry = { tp: 0, fp: 0, fn: 0 }));
    return entry;
  };
  const misses: Miss[] = [];
  for (const { case: corpusCase, findings } of results) {
    const expected = new Set(corpusCase.expect);
    const firstByRule = new Map<string, Finding>();
    for (const finding of findings) {
      if (!firstByRule.has(finding.ruleId)) firstByRule.set(finding.ruleId, finding);
    }
    for (const ruleId of expected) {
      if (firstByRule.has(ruleId)) counts(ruleId).tp++;
      else {
        counts(ruleId).fn++;
        misses.push({ file: corpusCase.file, ruleId, type: 'missed' });
      }
    }
    for (const [ruleId, finding] of firstByRule) {
      if (expected.has(ruleId)) continue;
      counts(ruleId).fp++;
      misses.push({ file: corpusCase.file, ruleId, type: 'unexpected', finding });
    }
  }
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const rules = [...perRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ruleId, c]) => {
      total.tp += c.tp;
      total.fp += c.fp;
      total.fn += c.fn;
      return { ruleId, ...withRates(c) };
    });
  return { cases: results.length, rules, overall: withRates(total), misses };
}

function withRates(c: Counts): Score {
  return {
    ...c,
    precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn),
  };
}
