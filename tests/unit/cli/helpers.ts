import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '@/src/cli/main';
import { nodeIo, type Io } from '@/src/cli/io';

export const ROOT = path.resolve(__dirname, '../../..');
export const STARTER = path.join(ROOT, 'public/packs/starter.json');
export const ACME = path.join(ROOT, 'public/packs/acme-demo.json');
export const BIN = path.join(ROOT, 'bin/postguard.mjs');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process on the real file system, capturing what it prints. */
export async function runCli(args: string[], stdin = ''): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    ...nodeIo(),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => new TextEncoder().encode(stdin),
  };
  const code = await run(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs bin/postguard.mjs as a person would, in a separate Node process. */
export function spawnCli(
  args: string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {},
): Outcome {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function noStackTrace(text: string): boolean {
  return !/\n\s+at .+\(.*:\d+:\d+\)/.test(text) && !/^\s+at /m.test(text);
}
