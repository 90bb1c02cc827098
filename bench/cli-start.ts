import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What an admin's CI or an editor's validate-on-save pays for one CLI run: `postguard check`
 * of a short post with the ACME demo pack (which extends the bundled starter), from the
 * built one-file CLI (dist/postguard.mjs, the package's bin) and from the source launcher
 * (bin/postguard.mjs, TypeScript through tsx), each beside a bare `node -e 0` on the same
 * machine, runs interleaved so that the machine's load hits all three alike.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;
const TARGET_RATIO = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  // check exits 1 on an error finding, which this post has; anything else is a broken run.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

export async function runCliStartBenchmark(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT });
  if (build.status !== 0) throw new Error(`build:cli failed: ${String(build.stderr)}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-bench-'));
  const post = path.join(dir, 'post.txt');
  writeFileSync(post, 'Six months into Project Falcon and I still love it. #teamwork\n');
  const pack = path.join(ROOT, 'public/packs/acme-demo.json');
  const check = ['check', '--pack', pack, '--network', 'linkedin', post];
  const tasks = {
    'node -e 0': ['-e', '0'],
    'postguard check (dist/postguard.mjs, built)': [
      path.join(ROOT, 'dist/postguard.mjs'),
      ...check,
    ],
    'postguard check (bin/postguard.mjs, tsx)': [path.join(ROOT, 'bin/postguard.mjs'), ...check],
  };
  const times = new Map<string, number[]>(Object.keys(tasks).map((name) => [name, []]));
  try {
    for (const args of Object.values(tasks)) timeRun(args); // warm the file cache
    for (let i = 0; i < RUNS; i++) {
      for (const [name, args] of Object.entries(tasks)) times.get(name)?.push(timeRun(args));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bare = median(times.get('node -e 0') ?? []);
  console.log(`\nCLI start (one check of a short post, ${RUNS} runs each, interleaved)`);
  const width = Math.max(...Object.keys(tasks).map((name) => name.length));
  console.log(
    `${'task'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'× node -e 0'.padStart(11)}`,
  );
  for (const [name, values] of times) {
    const m = median(values);
    console.log(
      `${name.padEnd(width)}  ${m.toFixed(0).padStart(10)}  ${(m / bare).toFixed(1).padStart(11)}`,
    );
  }
  const built = median(times.get('postguard check (dist/postguard.mjs, built)') ?? []);
  const met = built / bare <= TARGET_RATIO;
  console.log('\nTargets:');
  console.log(
    `  ${met ? 'met   ' : 'MISSED'} built CLI check ≤ ${TARGET_RATIO}× node -e 0 (${(built / bare).toFixed(1)}×)`,
  );
}
