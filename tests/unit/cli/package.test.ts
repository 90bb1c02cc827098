import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACME, ROOT, STARTER } from './helpers';

/**
 * The CLI as admins get it: `npm pack`, installed into an empty project with
 * `--omit=dev`, run through node_modules/.bin. Dependencies come from npm's cache when
 * they are there (`--prefer-offline`), so the test needs no network on a machine that has
 * run `npm ci`.
 */

let dir: string;
let bin: string;
let installed: string;

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000, ...options });
  return {
    code: result.status ?? -1,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}

/** For the slow set-up steps: the test worker must keep answering its runner meanwhile. */
async function shAsync(command: string, args: string[], cwd: string) {
  try {
    const { stdout } = await promisify(execFile)(command, args, {
      cwd,
      encoding: 'utf8',
      timeout: 240_000,
    });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr ?? message}`);
  }
}

const postguard = (args: string[], input = '') =>
  sh(process.execPath, [bin, ...args], { cwd: dir, input });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'postguard-package-'));
  await shAsync(process.execPath, ['scripts/build-cli.mjs'], ROOT);
  const packed = await shAsync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    ROOT,
  );
  const [tarball] = JSON.parse(packed) as { filename: string }[];
  const filename = tarball?.filename ?? '';
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "admin-repo", "private": true }\n');
  await shAsync(
    'npm',
    ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', `./${filename}`],
    dir,
  );
  installed = path.join(dir, 'node_modules', 'postguard');
  bin = path.join(dir, 'node_modules', '.bin', 'postguard');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package, installed without dev dependencies', () => {
  it('holds the one-file CLI, the schema and the docs, and no sources or dev tools', () => {
    expect(existsSync(path.join(installed, 'dist/postguard.mjs'))).toBe(true);
    expect(readFileSync(path.join(installed, 'dist/THIRD-PARTY-LICENSES.txt'), 'utf8')).toMatch(
      /^zod@\d[^\n]*\(MIT\)$/m,
    );
    expect(existsSync(path.join(installed, 'schema/pack.schema.json'))).toBe(true);
    expect(existsSync(path.join(installed, 'docs/pack-format.md'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    for (const devTool of ['tsx', 'esbuild', 'vitest', 'wxt'])
      expect(existsSync(path.join(dir, 'node_modules', devTool)), devTool).toBe(false);
  });

  it('answers --version and --help', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(postguard(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(postguard(['--help']).stdout).toContain('Usage: postguard COMMAND');
    // Through its shebang, as npx and CI scripts start it.
    expect(sh(bin, ['--version'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it('validates, checks and tests packs', () => {
    expect(postguard(['validate', ACME])).toMatchObject({ code: 0 });
    const checked = postguard(['check', '--pack', ACME, '-'], 'Project Falcon is on track');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('[confidential.codenames]');
    const tested = postguard(['test', STARTER, ACME, path.join(ROOT, 'tests/corpus')]);
    expect(tested.stderr).toBe('');
    expect(tested.stdout).toMatch(/\d+ posts, 0 misses; precision 1\.000, recall 1\.000\./);
    expect(tested.code).toBe(0);
  });

  it('prints the schema it ships', () => {
    const printed = postguard(['schema']);
    expect(printed.code).toBe(0);
    const shipped = readFileSync(path.join(installed, 'schema/pack.schema.json'), 'utf8');
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(shipped));
  });

  it('scaffolds a pack repository that its own commands pass, with SARIF and JUnit', () => {
    const repo = path.join(dir, 'repo');
    expect(postguard(['init', repo, '--org', 'ACME']).code).toBe(0);
    const inRepo = (args: string[]) => sh(process.execPath, [bin, ...args], { cwd: repo });
    expect(inRepo(['validate', 'pack.json']).code).toBe(0);
    const junit = inRepo(['test', 'pack.json', 'corpus', '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(
      /^<\?xml [^>]+\?>\n<testsuites name="postguard test" tests="4" failures="0"/,
    );
    const sarif = inRepo([
      'check',
      '--pack',
      'pack.json',
      '--format',
      'sarif',
      'posts/open-day.txt',
    ]);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ results: [] }] });
  });

  it('makes keys, signs and verifies', () => {
    const keys = postguard(['keygen', '--out', path.join(dir, 'acme')]);
    expect(keys.code).toBe(0);
    const pack = path.join(dir, 'acme.json');
    writeFileSync(pack, readFileSync(ACME));
    expect(postguard(['sign', pack, '--key', path.join(dir, 'acme.key')]).code).toBe(0);
    expect(postguard(['verify', pack, '--pub', path.join(dir, 'acme.pub')])).toMatchObject({
      code: 0,
      stdout: `${pack}: verified\n`,
    });
  });
});
