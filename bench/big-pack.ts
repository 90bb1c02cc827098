import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compilePacks } from '../src/core/index';
import { syntheticPack } from './synthetic';
import { formatMs } from './targets';

/**
 * A 50,000-term pack: how long one compile takes and how much heap the compiled checker keeps.
 * The extension compiles the packs in force once, in the background (src/background/engine.ts),
 * so this is paid once per browser (and once per change of the packs), never once per tab.
 */
export function runBigPackBenchmark(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const pack = syntheticPack(50_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const compiled = compilePacks([pack]);
  const compileMs = performance.now() - started;
  if (!compiled.ok) throw new Error('the 50,000-term pack does not compile');
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1_048_576;
  // Kept alive to here, so the figure is the checker's and not what the collector took back.
  const rules = compiled.value.rules.length;
  console.log(
    `\nA 50,000-term pack (${rules} rules), compiled once: ${formatMs(compileMs)}, ` +
      `${heapMb.toFixed(1)} MB of heap kept by the compiled checker`,
  );
}
