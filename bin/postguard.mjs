#!/usr/bin/env node
// The `postguard` admin CLI from the TypeScript sources, for work in a clone: it runs them
// through tsx (a devDependency, so present after `npm ci`), with no build step. The package's
// `bin` is the built one-file CLI, dist/postguard.mjs (`npm run build:cli`, src/cli/bin.ts).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  process.stderr.write(`postguard: needs Node.js 20.6 or later (this is ${process.version})\n`);
  process.exit(2);
}

const { fileURLToPath } = await import('node:url');

let cli;
try {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport('../src/cli/main.ts', {
    parentURL: import.meta.url,
    // Not the project's tsconfig: it extends .wxt/tsconfig.json, which exists only after
    // `wxt prepare`, and one in the working directory must not change how the CLI runs.
    // src/core and src/cli use relative imports, and eld's detector through this file's path.
    tsconfig: fileURLToPath(new URL('../tsconfig.cli.json', import.meta.url)),
  });
} catch (error) {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes("'tsx");
  process.stderr.write(
    missing
      ? 'postguard: tsx is not installed; run `npm ci` in the Postguard checkout first, or use the built CLI (npm run build:cli, dist/postguard.mjs)\n'
      : `postguard: could not start: ${String(error?.message ?? error).split('\n')[0]}\n`,
  );
  process.exit(2);
}

process.exitCode = await cli.run(process.argv.slice(2), cli.nodeIo());
