/**
 * The entry of the built CLI (dist/postguard.mjs, the package's `bin`): esbuild bundles
 * this file with everything it imports. The commands stay lazy inside the bundle, so
 * `--help` and `--version` evaluate none of the engine.
 */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  process.stderr.write(`postguard: needs Node.js 20.6 or later (this is ${process.version})\n`);
  process.exit(2);
}

const cli = await import('./main');
process.exitCode = await cli.run(process.argv.slice(2), cli.nodeIo());

export {};
