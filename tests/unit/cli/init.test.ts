import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packIdFrom } from '@/src/cli/commands/init';
import { runCli, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
let cwd: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cwd = process.cwd();
});
afterEach(() => {
  process.chdir(cwd);
  cleanup();
});

const read = (file: string) => readFileSync(path.join(dir, 'repo', file), 'utf8');

describe('postguard init', () => {
  it.each([[[]], [['--org', 'ACME', '--id', 'acme-social']]])(
    'scaffolds a repository whose pack validates, whose corpus passes and whose draft is clean (%j)',
    async (options) => {
      const repo = path.join(dir, 'repo');
      const made = await runCli(['init', repo, ...options]);
      expect(made.code, made.stderr).toBe(0);
      process.chdir(repo);
      expect(await runCli(['validate', 'pack.json'])).toMatchObject({ code: 0 });
      const tested = await runCli(['test', 'pack.json', 'corpus']);
      expect(tested.stdout).toMatch(/4 posts, 0 misses; precision 1\.000, recall 1\.000\./);
      expect(tested.code).toBe(0);
      expect(await runCli(['check', '--pack', 'pack.json', 'posts/open-day.txt'])).toMatchObject({
        code: 0,
      });
    },
  );

  it('points the pack at the JSON Schema it writes beside it, which accepts the pack', async () => {
    await runCli(['init', path.join(dir, 'repo'), '--org', 'ACME']);
    const pack = JSON.parse(read('pack.json')) as { $schema: string; id: string; org: unknown };
    expect(pack).toMatchObject({
      $schema: './pack.schema.json',
      id: 'repo',
      org: { name: 'ACME' },
    });
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(read('pack.schema.json')) as object);
    expect(validate(pack)).toBe(true);
  });

  it('writes CI for GitHub Actions and GitLab that validates, tests and uploads the SARIF', async () => {
    await runCli(['init', path.join(dir, 'repo'), '--package', 'file:../postguard-0.1.0.tgz']);
    const github = read('.github/workflows/postguard.yml');
    const gitlab = read('.gitlab-ci.yml');
    for (const ci of [github, gitlab]) {
      expect(ci).toContain('npx postguard validate pack.json');
      expect(ci).toContain('npx postguard test pack.json corpus --format junit > junit.xml');
      expect(ci).toContain('--format sarif posts/*.txt > postguard.sarif');
      expect(ci).not.toMatch(/\t/);
    }
    expect(github).toContain('uses: github/codeql-action/upload-sarif@v3');
    expect(github).toContain('sarif_file: postguard.sarif');
    expect(github).toContain('security-events: write');
    expect(gitlab).toMatch(/reports:\n\s+junit: junit\.xml/);
    expect(gitlab).toMatch(/paths:\n\s+- junit\.xml\n\s+- postguard\.sarif/);
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.postguard).toBe('file:../postguard-0.1.0.tgz');
  });

  it('replaces nothing: with one file there already, it writes none', async () => {
    const repo = path.join(dir, 'repo');
    await runCli(['init', repo]);
    writeFileSync(path.join(repo, 'pack.json'), '{ "mine": true }');
    const again = await runCli(['init', repo]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `${path.join(repo, 'pack.json')}: already exists; nothing was written`,
    );
    expect(read('pack.json')).toBe('{ "mine": true }');
    const fresh = path.join(dir, 'fresh');
    await runCli(['init', fresh]);
    expect(existsSync(path.join(fresh, '.gitlab-ci.yml'))).toBe(true);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await runCli(['init'])).code).toBe(2);
    const badId = await runCli(['init', path.join(dir, 'x'), '--id', 'Bad Id']);
    expect(badId).toMatchObject({ code: 2, stderr: expect.stringContaining('--id must be') });
    expect(packIdFrom('ACME Social Packs')).toBe('acme-social-packs');
    expect(packIdFrom('___')).toBe('my-pack');
  });
});
