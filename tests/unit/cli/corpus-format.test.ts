import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@/src/core/index';
import { parseCorpusFile, scoreCorpus, type CorpusCase } from '@/src/cli/corpus';
import { ACME, runCli, STARTER, tempDir } from './helpers';

describe('corpus files', () => {
  it('reads the network, the expected rule ids, the date and the post', () => {
    const parsed = parseCorpusFile(
      'a.txt',
      '---\nnetwork: linkedin\nexpect: [confidential.codenames, "disclosure.affiliation"]\nnow: 2026-12-01\nnote: why\n---\nLine one\nLine two\n',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        file: 'a.txt',
        network: 'linkedin',
        now: new Date(2026, 11, 1, 12),
        expect: ['confidential.codenames', 'disclosure.affiliation'],
        text: 'Line one\nLine two',
      },
    });
  });

  it('accepts an empty list, a block list and Windows line ends', () => {
    const empty = parseCorpusFile('a.txt', '---\r\nnetwork: x\r\nexpect: []\r\n---\r\nHello\r\n');
    expect(empty).toMatchObject({ ok: true, value: { expect: [], text: 'Hello' } });
    const block = parseCorpusFile('b.txt', '---\nnetwork: x\nexpect:\n  - a.b\n  - c.d\n---\nHi');
    expect(block).toMatchObject({ ok: true, value: { expect: ['a.b', 'c.d'], now: undefined } });
  });

  it.each([
    [
      'no front matter',
      'Just a post',
      'a.txt:1: a corpus file starts with a "---" front-matter line',
    ],
    [
      'unclosed',
      '---\nnetwork: x\nexpect: []\nHello',
      'a.txt:1: the front matter is not closed by a "---" line',
    ],
    [
      'unknown key',
      '---\nnetwork: x\nexpects: []\n---\nHi',
      'a.txt:3: unknown key "expects" (known: network, expect, now, note)',
    ],
    [
      'no network',
      '---\nexpect: []\n---\nHi',
      'a.txt:1: "network:" is required (x, facebook, linkedin)',
    ],
    [
      'bad network',
      '---\nnetwork: myspace\nexpect: []\n---\nHi',
      'a.txt:1: network must be one of x, facebook, linkedin, not "myspace"',
    ],
    [
      'no expect',
      '---\nnetwork: x\n---\nHi',
      'a.txt:1: "expect:" is required ([] for a clean post)',
    ],
    [
      'expect not a list',
      '---\nnetwork: x\nexpect: a.b\n---\nHi',
      'a.txt:3: expect is a list: [rule.id, other.id] or [] for none',
    ],
    [
      'bad date',
      '---\nnetwork: x\nexpect: []\nnow: 2027-02-30\n---\nHi',
      'a.txt:1: now must be a date as YYYY-MM-DD, not "2027-02-30"',
    ],
    [
      'empty post',
      '---\nnetwork: x\nexpect: []\n---\n\n',
      'a.txt:5: the post text after the front matter is empty',
    ],
  ])('says what is wrong: %s', (_name, source, error) => {
    expect(parseCorpusFile('a.txt', source)).toEqual({ ok: false, error });
  });
});

describe('scoring', () => {
  const corpusCase = (file: string, expect: string[]): CorpusCase => ({
    file,
    network: 'x',
    now: undefined,
    expect,
    text: 'text',
  });
  const finding = (ruleId: string, start = 0): Finding => ({
    ruleId,
    packId: 'p',
    kind: 'terms',
    severity: 'warning',
    message: 'm',
    start,
    end: start + 1,
    match: 't',
    suggestions: [],
  });

  it('counts each rule once per post: true positives, false positives and false negatives', () => {
    const report = scoreCorpus([
      {
        case: corpusCase('a', ['r1', 'r2']),
        findings: [finding('r1'), finding('r1', 2), finding('r3')],
      },
      { case: corpusCase('b', []), findings: [] },
      { case: corpusCase('c', ['r1']), findings: [finding('r1')] },
    ]);
    expect(report.rules).toEqual([
      { ruleId: 'r1', tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 },
      { ruleId: 'r2', tp: 0, fp: 0, fn: 1, precision: null, recall: 0 },
      { ruleId: 'r3', tp: 0, fp: 1, fn: 0, precision: 0, recall: null },
    ]);
    expect(report.overall).toEqual({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
    expect(report.misses).toEqual([
      { file: 'a', ruleId: 'r2', type: 'missed' },
      { file: 'a', ruleId: 'r3', type: 'unexpected', finding: finding('r3') },
    ]);
    expect(report.cases).toBe(3);
  });
});

describe('postguard test', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  function corpusFile(name: string, content: string) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  it('prints the per-rule table, each miss, the overall figures, and exits 1 on a miss', async () => {
    corpusFile(
      'x/hit.txt',
      '---\nnetwork: x\nexpect: [confidential.codenames]\n---\nNightjar is close.\n',
    );
    corpusFile(
      'x/missed.txt',
      '---\nnetwork: x\nexpect: [confidential.customers]\n---\nA nice day out.\n',
    );
    corpusFile(
      'linkedin/extra.txt',
      '---\nnetwork: linkedin\nexpect: []\n---\nHey guys, quick one.\n',
    );
    corpusFile('README.md', 'not a corpus file');
    const result = await runCli(['test', STARTER, ACME, dir]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^rule\s+TP\s+FP\s+FN\s+precision\s+recall$/);
    expect(result.stdout).toMatch(/^confidential\.codenames\s+1\s+0\s+0\s+1\.000\s+1\.000$/m);
    expect(result.stdout).toMatch(/^confidential\.customers\s+0\s+0\s+1\s+-\s+0\.000$/m);
    expect(result.stdout).toContain(
      `${path.join(dir, 'x/missed.txt')}: confidential.customers missed`,
    );
    expect(result.stdout).toContain(
      `${path.join(dir, 'linkedin/extra.txt')}:1:5: style.inclusive-language unexpected "guys"`,
    );
    expect(lines.at(-1)).toBe('3 posts, 2 misses; precision 0.500, recall 0.500.');
  });

  it('exits 0 when every post gets exactly its rules, and reports JSON on request', async () => {
    corpusFile('a.txt', '---\nnetwork: x\nexpect: [confidential.codenames]\n---\nNightjar!\n');
    corpusFile('b.txt', '---\nnetwork: facebook\nexpect: []\n---\nLovely weather.\n');
    const result = await runCli(['test', STARTER, ACME, dir, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      cases: number;
      overall: { precision: number; recall: number };
    };
    expect(report).toMatchObject({
      cases: 2,
      overall: { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 },
      misses: [],
    });
  });

  it('uses each post\'s "now", then --now', async () => {
    corpusFile(
      'before.txt',
      '---\nnetwork: x\nexpect: [confidential.embargo]\nnow: 2026-12-01\n---\nStratus X2!\n',
    );
    corpusFile('after.txt', '---\nnetwork: x\nexpect: []\n---\nStratus X2!\n');
    expect((await runCli(['test', STARTER, ACME, dir, '--now', '2027-03-01'])).code).toBe(0);
    expect((await runCli(['test', STARTER, ACME, dir, '--now', '2026-03-01'])).code).toBe(1);
  });

  it('exits 2 for a rule id that no pack defines (a typo in a label)', async () => {
    corpusFile('a.txt', '---\nnetwork: x\nexpect: [confidential.codename]\n---\nNightjar!\n');
    const result = await runCli(['test', STARTER, ACME, dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${path.join(dir, 'a.txt')}: expects "confidential.codename", which no pack defines`,
    );
  });

  it('exits 2 for malformed corpus files, listing each', async () => {
    corpusFile('a.txt', 'no front matter');
    corpusFile('b.txt', '---\nnetwork: x\n---\nHi');
    const result = await runCli(['test', STARTER, dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      `postguard: ${path.join(dir, 'a.txt')}:1: a corpus file starts with a "---" front-matter line`,
      `postguard: ${path.join(dir, 'b.txt')}:1: "expect:" is required ([] for a clean post)`,
    ]);
  });

  it('exits 2 without a corpus folder, or with an empty one', async () => {
    expect((await runCli(['test', STARTER])).stderr).toMatch(
      /give one or more pack files, then the corpus folder/,
    );
    expect(await runCli(['test', STARTER, path.join(dir, 'none')])).toMatchObject({
      code: 2,
      stderr: `postguard: ${path.join(dir, 'none')}: no such folder`,
    });
    expect(await runCli(['test', STARTER, dir])).toMatchObject({
      code: 2,
      stderr: `postguard: ${dir}: no *.txt corpus files found`,
    });
  });
});
