import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { inflectionsModuleSource, lazyCompromiseSource } from './cli-inflections.mjs';

/**
 * compromise in the extension's bundles, as the CLI has it (scripts/build-cli.mjs): loading
 * compromise builds its tagging lexicon, about 200 ms of the background's start in Chrome, and
 * a background that Chrome had stopped starts again when a person focuses a box. Two stand-ins:
 * - `compromise/two` (src/core/text/inflect.ts, plurals and verb forms when a pack compiles)
 *   becomes compromise's own transform functions with the little of its model they read,
 *   taken at build time (scripts/cli-inflections.mjs, whose unit test checks it inflects every
 *   word of the lexicon as compromise does);
 * - `compromise` (names, the shouting check's English words) is compromise's whole code in a
 *   function that runs on its first call: a check that meets no name and no capitals never
 *   builds the lexicon. A service worker may not `import()`, so the code is in the bundle,
 *   bundled by esbuild as an IIFE, and only its evaluation waits. No eval.
 * The engine's code is unchanged; only imports from outside node_modules are replaced.
 */

const LAZY = '\0postguard:compromise-lazy';
const TWO = '\0postguard:compromise-two';

async function lazyModule(root: string): Promise<string> {
  const { outputFiles } = await build({
    absWorkingDir: root,
    stdin: { contents: "export { default } from 'compromise';", resolveDir: root },
    bundle: true,
    format: 'iife',
    globalName: '__pgCompromise',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = outputFiles[0]?.text;
  if (!code) throw new Error('esbuild bundled no compromise');
  return lazyCompromiseSource(`let library;
function load() {
  if (library === undefined) {
    library = (function () {
${code}
return __pgCompromise.default;
    })();
  }
  return library;
}`);
}

export function compromiseLazily(root: string): Plugin {
  let modules: Promise<[string, string]> | undefined;
  return {
    name: 'postguard:compromise-lazily',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || /[\\/]node_modules[\\/]/.test(importer)) return null;
      if (source === 'compromise') return LAZY;
      if (source === 'compromise/two') return TWO;
      return null;
    },
    async load(id) {
      if (id !== LAZY && id !== TWO) return null;
      modules ??= Promise.all([lazyModule(root), inflectionsModuleSource()]);
      const [lazy, two] = await modules;
      return id === LAZY ? lazy : two;
    },
  };
}
