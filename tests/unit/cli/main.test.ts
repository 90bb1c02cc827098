import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, spawnCli } from './helpers';

const COMMANDS = ['validate', 'check', 'test', 'guide', 'schema', 'keygen', 'sign', 'verify'];

describe('postguard', () => {
  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: pkg.version, stderr: '' });
  });

  it('lists every command in --help, and exits 2 with the list when given no command', async () => {
    const helpText = await runCli(['--help']);
    expect(helpText.code).toBe(0);
    for (const name of COMMANDS) expect(helpText.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect((await runCli([])).code).toBe(2);
  });

  it.each(COMMANDS)('has --help for %s, also as `help %s`', async (name) => {
    const viaFlag = await runCli([name, '--help']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toMatch(new RegExp(`^Usage: postguard ${name}`));
    expect(viaFlag.stdout).toMatch(/Exit status:/);
    expect((await runCli(['help', name])).stdout).toBe(viaFlag.stdout);
  });

  it('names the commands when given an unknown one', async () => {
    expect(await runCli(['lint', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'postguard: unknown command "lint" (commands: validate, check, test, guide, schema, init, keygen, sign, verify)',
    });
    expect((await runCli(['toString'])).code).toBe(2);
  });

  it('prints the pack JSON Schema, with rules and every rule kind', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      $schema: string;
      type: string;
      properties: Record<string, { items?: unknown }>;
      required: string[];
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.properties.rules).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'id', 'name', 'version']));
    expect(schema.required).not.toContain('rules');
    for (const kind of ['terms', 'pattern', 'entities', 'disclosure', 'tone', 'length']) {
      expect(JSON.stringify(schema.properties.rules)).toContain(`"const":"${kind}"`);
    }
  });

  it('starts from any working directory through bin/postguard.mjs', () => {
    const result = spawnCli(['schema'], { cwd: '/' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('properties.rules');
  }, 30_000);
});

describe('the launcher', () => {
  it('needs no tsconfig: src/core and src/cli import by relative paths only', () => {
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          const source = readFileSync(file, 'utf8');
          for (const m of source.matchAll(/\bfrom\s+['"]([@~][^'"]*)['"]/g)) {
            const specifier = m[1] ?? '';
            // The aliases of .wxt/tsconfig.json: @, @@, ~ and ~~.
            if (/^(?:@@?|~~?)(?:\/|$)/.test(specifier))
              offenders.push(`${path.relative(ROOT, file)}: ${specifier}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'src/core'));
    walk(path.join(ROOT, 'src/cli'));
    expect(offenders).toEqual([]);
  });
});
