// `npm run build:cli`: the admin CLI as one JavaScript file, dist/postguard.mjs (the
// package's `bin`). esbuild bundles src/cli/bin.ts with the engine and its runtime
// packages (zod, re2js, compromise, twitter-text), so the installed CLI starts without
// compiling TypeScript and needs nothing from devDependencies. `npm pack` runs this first.
import { build } from 'esbuild';
import { chmodSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflectionsModuleSource, lazyCompromiseSource } from './cli-inflections.mjs';
import { packageDirOf, thirdPartyLicenceText } from './third-party-licences.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = 'dist/postguard.mjs';
export const LICENSES_FILE = 'dist/THIRD-PARTY-LICENSES.txt';

/** The packages whose code is in the bundle, each with its licence text, for the package. */
function thirdPartyLicenses(metafile) {
  const dirs = Object.keys(metafile.inputs)
    .map((input) => packageDirOf(input, root))
    .filter((dir) => dir !== undefined);
  return thirdPartyLicenceText(
    dirs,
    root,
    'The postguard CLI (dist/postguard.mjs) includes these packages, under these licences.',
  );
}

/**
 * compromise (the NLP library behind names, inflections and acronyms) spends most of its
 * load time building its tagging lexicon. Two stand-ins keep that off a check's path:
 * - `compromise/two`, which src/core/text/inflect.ts uses for plurals and verb forms when
 *   a pack compiles, becomes compromise's own transform functions with the little of its
 *   model they read, taken at build time (scripts/cli-inflections.mjs);
 * - `compromise` (names, acronyms) loads on its first call, through a CommonJS `require`
 *   that esbuild evaluates lazily: a post without a name near a client word or a run of
 *   capitals never needs it.
 * The engine's code is unchanged.
 */
const inflections = await inflectionsModuleSource();
const compromiseStandIns = {
  name: 'compromise-stand-ins',
  setup(context) {
    context.onResolve({ filter: /^compromise(\/two)?$/ }, (args) =>
      args.kind === 'import-statement' && args.namespace === 'file'
        ? { path: args.path, namespace: 'compromise-stand-in' }
        : undefined,
    );
    context.onLoad({ filter: /^compromise\/two$/, namespace: 'compromise-stand-in' }, () => ({
      resolveDir: root,
      contents: inflections,
    }));
    context.onLoad({ filter: /^compromise$/, namespace: 'compromise-stand-in' }, () => ({
      resolveDir: root,
      contents: lazyCompromiseSource(
        "let library;\nfunction load() {\n  return (library ??= require('compromise'));\n}",
      ),
    }));
  },
};

const outfile = `${root}${CLI_BUNDLE}`;
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/bin.ts'],
  // Standalone (no `wxt prepare` needed): relative imports and eld's detector path.
  tsconfig: 'tsconfig.cli.json',
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.6',
  minify: true,
  // The licences of everything bundled go in one file beside it (below).
  legalComments: 'none',
  metafile: true,
  // A shebang for the bin, and `require` for the CommonJS packages inside the ES module.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __pgRequire } from 'node:module';\nconst require = __pgRequire(import.meta.url);",
  },
  plugins: [compromiseStandIns],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
rmSync(`${outfile}.LEGAL.txt`, { force: true });
writeFileSync(`${root}${LICENSES_FILE}`, thirdPartyLicenses(result.metafile));
const kb = (statSync(outfile).size / 1024).toFixed(0);
console.log(`Wrote ${CLI_BUNDLE} (${kb} kB)`);
