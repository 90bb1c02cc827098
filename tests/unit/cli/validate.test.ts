import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACME, noStackTrace, runCli, spawnCli, STARTER, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function writePack(name: string, pack: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof pack === 'string' ? pack : JSON.stringify(pack, null, 2));
  return file;
}

const minimal = (extra: Record<string, unknown> = {}) => ({
  format: 'postguard/pack@1',
  id: 'team',
  name: 'Team pack',
  version: '1.2.3',
  ...extra,
});

describe('postguard validate', () => {
  it('passes the bundled packs, layered together', async () => {
    const result = await runCli(['validate', STARTER, ACME]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/starter\.json: ok \(postguard-starter@\d+\.\d+\.\d+, \d+ rules\)$/),
      expect.stringMatching(/acme-demo\.json: ok \(acme-social@2026\.12\.0, \d+ rules\)$/),
    ]);
  });

  it('resolves extends of postguard-starter to the bundled starter when it is not given', async () => {
    const result = await runCli(['validate', ACME]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /acme-demo\.json: ok \(acme-social@2026\.12\.0, \d+ rules; extends the bundled postguard-starter\)/,
    );
  });

  it('reports every problem on its own line with the path inside the pack, and exits 2', async () => {
    const file = writePack(
      'bad.json',
      minimal({
        rules: [
          { id: 'ok.rule', kind: 'terms', severity: 'warning', message: 'm', terms: ['x'] },
          { id: 'bad.severity', kind: 'terms', severity: 'fatal', message: 'm', terms: ['x'] },
        ],
        version: 'one',
      }),
    );
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.startsWith(`${file}: `)).toBe(true);
    expect(result.stdout).toContain(`${file}: version: `);
    expect(result.stdout).toContain(`${file}: rules[1].severity: `);
  });

  it('reports a pattern RE2 cannot compile at its path (validation compiles the packs)', async () => {
    const file = writePack(
      'regex.json',
      minimal({
        rules: [
          { id: 'ok', kind: 'pattern', severity: 'info', message: 'm', patterns: ['fine'] },
          {
            id: 'lookahead',
            kind: 'pattern',
            severity: 'info',
            message: 'm',
            patterns: ['ok', '(?=ahead)x'],
          },
        ],
      }),
    );
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(`^${escape(file)}: rules\\[1\\]\\.patterns\\[1\\]: .+`),
    );
  });

  it('resolves extends among the packs given, and reports a missing one', async () => {
    const base = writePack('base.json', minimal({ id: 'base' }));
    const child = writePack('child.json', minimal({ id: 'child', extends: ['base'] }));
    expect((await runCli(['validate', base, child])).code).toBe(0);
    const alone = await runCli(['validate', child]);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toMatch(new RegExp(`^${escape(child)}: extends\\[0\\]: .*base`));
  });

  it('says which file is not JSON, without a stack trace', async () => {
    const file = writePack('garbage.json', '{ "format": "postguard/pack@1", oops }');
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(`^${escape(file)}: not valid JSON at line 1, column \\d+`),
    );
    expect(noStackTrace(result.stdout + result.stderr)).toBe(true);
  });

  it('says which file is missing, and still checks the others', async () => {
    const missing = path.join(dir, 'nope.json');
    const result = await runCli(['validate', missing, STARTER]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`${missing}: no such file`);
  });

  it('is a usage error without packs', async () => {
    const result = await runCli(['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^postguard: validate: give at least one pack file/);
  });

  it('runs from bin/postguard.mjs with no stack trace on garbage, binary and missing files', () => {
    const garbage = writePack('garbage.json', 'not json at all');
    const binary = path.join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x92]));
    const result = spawnCli(['validate', garbage, binary, path.join(dir, 'missing.json')], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${garbage}: not valid JSON`);
    expect(result.stdout).toContain(`${binary}: the pack is not UTF-8 text`);
    expect(result.stdout).toContain('missing.json: no such file');
    expect(noStackTrace(result.stdout + result.stderr)).toBe(true);
  }, 30_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('postguard validate --format json', () => {
  it('gives every problem with its code, kind and path, per file', async () => {
    const good = writePack('good.json', minimal());
    const bad = writePack(
      'bad.json',
      minimal({ id: 'bad', polcyUrl: 'https://x.example', rules: [{ id: 'r', kind: 'terms' }] }),
    );
    const missing = path.join(dir, 'missing.json');
    const result = await runCli(['validate', '--format', 'json', good, bad, missing]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as {
      files: { file: string; ok: boolean; errors: { code: string | null }[] }[];
    };
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([
      [good, true],
      [bad, false],
      [missing, false],
    ]);
    expect(report.files[1]?.errors).toContainEqual({
      code: 'PG201',
      kind: 'invalid-field',
      path: 'polcyUrl',
      message: 'unknown field (did you mean "policyUrl"?)',
    });
    expect(report.files[1]?.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['PG201', 'PG202']),
    );
    expect(report.files[2]?.errors).toEqual([
      { code: null, kind: null, path: '', message: 'no such file' },
    ]);
  });

  it('says ok with the pack it read', async () => {
    const result = await runCli(['validate', '--format', 'json', ACME]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      files: [{ file: ACME, ok: true, pack: { id: 'acme-social' }, errors: [] }],
    });
  });
});
