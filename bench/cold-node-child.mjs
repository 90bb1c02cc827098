// Run by bench/cold-node.ts in a fresh `node` process: times, in this process's first second,
// importing the engine bundle, compiling the pack and the first checks. Plain JavaScript, so
// nothing is transpiled on the way. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const started = performance.now(); // since the process began (performance.timeOrigin)
const [mode, bundle, packFile, postFile] = process.argv.slice(2);
if (mode === 'compromise') {
  const before = performance.now();
  await import('compromise');
  const imported = performance.now();
  console.log(JSON.stringify({ start: started, importMs: imported - before }));
} else {
  const pack = JSON.parse(readFileSync(packFile, 'utf8'));
  const post = readFileSync(postFile, 'utf8');
  const before = performance.now();
  const engine = await import(pathToFileURL(bundle).href);
  const imported = performance.now();
  const compiled = engine.compilePacks([pack]);
  if (!compiled.ok) throw new Error('the pack does not compile');
  const ready = performance.now();
  compiled.value.check(post, { network: 'linkedin' });
  const first = performance.now();
  compiled.value.check(`${post} and`, { network: 'linkedin' });
  const second = performance.now();
  console.log(
    JSON.stringify({
      start: started,
      importMs: imported - before,
      compileMs: ready - imported,
      firstCheckMs: first - ready,
      secondCheckMs: second - first,
      totalMs: second,
    }),
  );
}
