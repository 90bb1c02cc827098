import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@/src/core/index';
import { formatText } from '@/src/cli/commands/check';
import { LineIndex } from '@/src/cli/position';
import { ACME, noStackTrace, runCli, spawnCli, STARTER, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function post(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const packs = ['--pack', STARTER, '--pack', ACME];

describe('postguard check', () => {
  it('prints file:line:col severity message [ruleId] and a summary, and exits 1 on an error finding', async () => {
    const file = post('falcon.txt', 'Good morning!\nProject Falcon ships soon.\n');
    const result = await runCli(['check', ...packs, file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      `${file}:2:1 error Project Falcon is an internal code name. Please leave it out of public posts until it is announced. [confidential.codenames]`,
    );
    expect(lines.at(-1)).toMatch(
      /^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\); 1 file checked\.$/,
    );
  });

  it('words findings in the language --lang names, when the pack has it', async () => {
    const pack = path.join(dir, 'languages.json');
    writeFileSync(
      pack,
      JSON.stringify({
        format: 'postguard/pack@1',
        id: 'languages',
        name: 'Languages',
        version: '1.0.0',
        rules: [
          {
            id: 'codename',
            kind: 'terms',
            terms: ['Halcón'],
            severity: 'warning',
            message: { default: '{match} is a code name.', es: '{match} es un nombre en clave.' },
          },
        ],
      }),
    );
    const english = post('english.txt', 'Tomorrow we present project Halcón at the London office.');
    const detected = await runCli(['check', '--pack', pack, english]);
    expect(detected.stdout.split('\n')[0]).toBe(
      `${english}:1:29 warning Halcón is a code name. [codename]`,
    );
    const asked = await runCli(['check', '--pack', pack, '--lang', 'es', english]);
    expect(asked.stdout.split('\n')[0]).toBe(
      `${english}:1:29 warning Halcón es un nombre en clave. [codename]`,
    );
    const wrong = await runCli(['check', '--pack', pack, '--lang', 'it', english]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--lang must be one of en, es, fr, de, pt, not "it"');
  });

  it('exits 0 when findings are only warnings or info', async () => {
    const file = post('guys.txt', 'Thanks guys, great meetup!');
    const result = await runCli(['check', ...packs, file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file}:1:8 info `);
    expect(result.stdout).toContain('[style.inclusive-language]');
  });

  it('says so when there is nothing to report', async () => {
    const file = post('clean.txt', 'Off to the mountains for the weekend.\n');
    const result = await runCli(['check', '--pack', STARTER, file]);
    expect(result).toEqual({ code: 0, stdout: 'No problems; 1 file checked.', stderr: '' });
  });

  it('counts columns in code points, so an emoji before a finding is one column', async () => {
    const file = post('emoji.txt', '🚀🚀 Nightjar!');
    const result = await runCli(['check', ...packs, file]);
    expect(result.stdout.split('\n')[0]).toMatch(
      new RegExp(`^${escape(file)}:1:4 error .*\\[confidential\\.codenames\\]$`),
    );
  });

  it('prints exactly one JSON object with the findings as the engine reports them', async () => {
    const a = post('a.txt', 'Hi guys, Nightjar is coming.');
    const b = post('b.txt', 'Nothing to see here.');
    const result = await runCli([
      'check',
      ...packs,
      '--format',
      'json',
      '--network',
      'linkedin',
      a,
      b,
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { files: { file: string; findings: Finding[] }[] };
    expect(Object.keys(parsed)).toEqual(['files']);
    expect(parsed.files.map((f) => f.file)).toEqual([a, b]);
    expect(parsed.files[1]?.findings).toEqual([]);
    const findings = parsed.files[0]?.findings ?? [];
    expect(findings.map((f) => f.ruleId)).toEqual([
      'style.inclusive-language',
      'confidential.codenames',
    ]);
    expect(findings[1]).toMatchObject({
      ruleId: 'confidential.codenames',
      packId: 'acme-social',
      kind: 'terms',
      severity: 'error',
      start: 9,
      end: 17,
      match: 'Nightjar',
    });
  });

  it('reads the post from stdin with -', async () => {
    const result = await runCli(
      ['check', ...packs, '--format', 'json', '-'],
      'Project Magpie kickoff\n',
    );
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { files: { file: string; findings: Finding[] }[] };
    expect(parsed.files[0]?.file).toBe('-');
    expect(parsed.files[0]?.findings[0]).toMatchObject({
      ruleId: 'confidential.codenames',
      match: 'Project Magpie',
    });
  });

  it('applies --network: a rule limited to X and LinkedIn is silent on Facebook', async () => {
    const file = post('cashtag.txt', 'Watching $ACME today #ACMEemployee');
    const onX = await runCli(['check', ...packs, '--network', 'x', '--format', 'json', file]);
    const onFacebook = await runCli([
      'check',
      ...packs,
      '--network',
      'facebook',
      '--format',
      'json',
      file,
    ]);
    const ruleIds = (stdout: string) =>
      (JSON.parse(stdout) as { files: { findings: Finding[] }[] }).files[0]?.findings.map(
        (f) => f.ruleId,
      );
    expect(ruleIds(onX.stdout)).toContain('finance.cashtag');
    expect(ruleIds(onFacebook.stdout)).not.toContain('finance.cashtag');
  });

  it('checks as of --now, so embargoes end on their date', async () => {
    const file = post('stratus.txt', 'Stratus X2 is great.');
    const before = await runCli(['check', ...packs, '--now', '2026-12-01', file]);
    const after = await runCli(['check', ...packs, '--now', '2027-01-16', file]);
    expect(before.stdout).toContain('[confidential.embargo]');
    expect(after.stdout).not.toContain('[confidential.embargo]');
  });

  it('reads --now as that calendar day in any time zone, as the extension does', () => {
    const file = post('stratus.txt', 'Stratus X2 is great.');
    for (const TZ of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      const onTheDay = spawnCli(['check', ...packs, '--now', '2027-01-15', file], { env: { TZ } });
      const dayBefore = spawnCli(['check', ...packs, '--now', '2027-01-14', file], { env: { TZ } });
      expect(onTheDay.stdout, TZ).not.toContain('[confidential.embargo]');
      expect(dayBefore.stdout, TZ).toContain('[confidential.embargo]');
    }
  }, 60_000);

  it('layers packs in order: a later pack switches a starter rule off', async () => {
    const file = post('labels.txt', 'This deck is strictly confidential.');
    expect((await runCli(['check', '--pack', STARTER, file])).stdout).toContain(
      '[confidential.labels]',
    );
    expect((await runCli(['check', ...packs, file])).stdout).not.toContain('[confidential.labels]');
  });

  it.each([
    [['check', 'post.txt'], /give at least one --pack/],
    [['check', '--pack', 'p.json'], /give the files to check/],
    [
      ['check', '--pack', 'p.json', '--network', 'myspace', 'post.txt'],
      /--network must be one of x, facebook, linkedin/,
    ],
    [
      ['check', '--pack', 'p.json', '--format', 'xml', 'post.txt'],
      /--format must be one of text, json/,
    ],
    [['check', '--pack', 'p.json', '--now', '2026-02-30', 'post.txt'], /--now must be a date/],
    [['check', '--pack', 'p.json', '--netwrk', 'x', 'post.txt'], /Unknown option '--netwrk'/],
    [['check', '--pack', '-', '-'], /stdin \(-\) can be read only once/],
    [['check', '--pack', 'p.json', '-', '-'], /stdin \(-\) can be read only once/],
  ])('is a usage error (exit 2): %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('exits 2 with the pack errors when a pack is invalid', async () => {
    const badPack = post('bad.json', '{"format": "postguard/pack@2"}');
    const result = await runCli(['check', '--pack', badPack, post('p.txt', 'hello')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${badPack}: format: `);
  });

  it('exits 2 for a missing post file, in one line', async () => {
    const missing = path.join(dir, 'missing.txt');
    const result = await runCli(['check', '--pack', STARTER, missing]);
    expect(result).toMatchObject({ code: 2, stderr: `postguard: ${missing}: no such file` });
  });

  it('runs from bin/postguard.mjs reading stdin', () => {
    const result = spawnCli(['check', '--pack', 'public/packs/acme-demo.json', '-'], {
      stdin: 'Hello from Nightjar 👋\n',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:1:12 error .*\[confidential\.codenames\]$/m);
    expect(noStackTrace(result.stderr)).toBe(true);
  }, 30_000);
});

describe('text output', () => {
  it('puts multi-line messages on one line and counts severities', () => {
    const finding = (severity: Finding['severity'], start: number): Finding => ({
      ruleId: 'r',
      packId: 'p',
      kind: 'terms',
      severity,
      message: 'two\nlines',
      start,
      end: start + 1,
      match: 'x',
      suggestions: [],
    });
    const text = formatText([
      { file: 'a.txt', text: 'x\nx x', findings: [finding('error', 0), finding('info', 4)] },
      { file: '-', text: 'x', findings: [finding('warning', 0)] },
    ]);
    expect(text.split('\n')).toEqual([
      'a.txt:1:1 error two lines [r]',
      'a.txt:2:3 info two lines [r]',
      '<stdin>:1:1 warning two lines [r]',
      '3 problems (1 error, 1 warning, 1 info); 2 files checked.',
    ]);
  });

  it('maps UTF-16 offsets to 1-based lines and code-point columns', () => {
    const text = 'a😀b\r\n€😀😀x\n';
    const index = new LineIndex(text);
    expect(index.positionOf(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionOf(3)).toEqual({ line: 1, column: 3 });
    expect(index.positionOf(text.indexOf('x'))).toEqual({ line: 2, column: 4 });
    expect(index.positionOf(text.length)).toEqual({ line: 3, column: 1 });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
