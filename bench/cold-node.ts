import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { syntheticPack, syntheticPost, syntheticTerms } from './synthetic';
import { summarise } from './typing';

/**
 * The engine in a fresh Node process, as the first check after a start pays for it: the
 * engine (src/core) bundled by esbuild into one minified ES module, as the extension ships it
 * (compromise and all, loaded at import; the CLI's lazy stand-ins are not used), then
 * bench/cold-node-child.mjs, plain JavaScript in a new `node`, times importing it, compiling
 * the 5,000-term pack and the first two checks of a 3,000-character post. Beside it, in fresh
 * processes too: compromise alone, and a bare `node -e 0`. Runs interleaved.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = path.join(ROOT, 'bench/cold-node-child.mjs');
const RUNS = 7;

export interface ColdNodeFigures {
  bareStartMs: number;
  scriptStartMs: number;
  importMs: number;
  compromiseImportMs: number;
  compileMs: number;
  firstCheckMs: number;
  secondCheckMs: number;
  totalMs: number;
  bundleKb: number;
}

interface ChildTimes {
  start: number;
  importMs: number;
  compileMs?: number;
  firstCheckMs?: number;
  secondCheckMs?: number;
  totalMs?: number;
}

function spawnTimed(args: string[]): { wallMs: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return { wallMs, stdout: result.stdout };
}

export async function runColdNodeBenchmark(): Promise<ColdNodeFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'postguard-cold-'));
  try {
    const bundle = path.join(dir, 'engine.mjs');
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/core/index.ts'],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      legalComments: 'none',
      // `require` for the CommonJS packages inside the ES module.
      banner: {
        js: "import { createRequire as __pgRequire } from 'node:module';\nconst require = __pgRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    const packFile = path.join(dir, 'pack.json');
    const postFile = path.join(dir, 'post.txt');
    writeFileSync(packFile, JSON.stringify(syntheticPack(5_000)));
    writeFileSync(postFile, syntheticPost(3_000, syntheticTerms(5_000), 3));

    const engineArgs = [CHILD, 'engine', bundle, packFile, postFile];
    const compromiseArgs = [CHILD, 'compromise'];
    const bare = ['-e', '0'];
    // Once each first, unmeasured: the file cache, not the process, is what that would time.
    for (const args of [engineArgs, compromiseArgs, bare]) spawnTimed(args);
    const engine: ChildTimes[] = [];
    const compromise: ChildTimes[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      engine.push(JSON.parse(spawnTimed(engineArgs).stdout) as ChildTimes);
      compromise.push(JSON.parse(spawnTimed(compromiseArgs).stdout) as ChildTimes);
      bareMs.push(spawnTimed(bare).wallMs);
    }
    const median = (values: (number | undefined)[]) =>
      summarise(values.filter((v): v is number => v !== undefined)).median;
    const figures: ColdNodeFigures = {
      bareStartMs: median(bareMs),
      scriptStartMs: median(engine.map((t) => t.start)),
      importMs: median(engine.map((t) => t.importMs)),
      compromiseImportMs: median(compromise.map((t) => t.importMs)),
      compileMs: median(engine.map((t) => t.compileMs)),
      firstCheckMs: median(engine.map((t) => t.firstCheckMs)),
      secondCheckMs: median(engine.map((t) => t.secondCheckMs)),
      totalMs: median(engine.map((t) => t.totalMs)),
      bundleKb: statSync(bundle).size / 1024,
    };
    const row = (label: string, value: number) =>
      console.log(`  ${label.padEnd(58)} ${value.toFixed(0).padStart(6)} ms`);
    console.log(
      `\nA fresh Node process (median of ${RUNS} runs, interleaved; engine bundle ${figures.bundleKb.toFixed(0)} kB)`,
    );
    row('bare `node -e 0`, whole process', figures.bareStartMs);
    row('process start → the script runs', figures.scriptStartMs);
    row('import the engine (compromise, re2js, zod, twitter-text…)', figures.importMs);
    row('import compromise alone (in a fresh process of its own)', figures.compromiseImportMs);
    row('compile the 5,000-term pack, every rule kind', figures.compileMs);
    row('first check, 3,000-char post', figures.firstCheckMs);
    row('second check, one word more', figures.secondCheckMs);
    row('process start → the second check done', figures.totalMs);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
