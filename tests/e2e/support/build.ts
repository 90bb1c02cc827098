// Builds what the end-to-end tests and the demo load, only when it is missing or older than its
// sources (compared by mtime: a fresh clone builds once, an unchanged tree costs a directory walk).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  EXTENSION_BUILD_DIR,
  EXTENSION_DIR,
  FIREFOX_BUILD_DIR,
  FIREFOX_EXTENSION_DIR,
  FIXTURES_DIR,
  FIXTURES_DIST,
  REPO_ROOT,
} from './paths';

const EXTENSION_SOURCES = ['entrypoints', 'src', 'public', 'wxt.config.ts', 'package.json'];
const FIXTURE_SOURCES = [
  'tests/fixtures/src',
  'tests/fixtures/build.mjs',
  'tests/fixtures/package.json',
];

/** The newest mtime under the given paths (files or folders), skipping node_modules. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const child of readdirSync(entry)) {
      if (child !== 'node_modules') visit(path.join(entry, child));
    }
  };
  for (const relative of paths) visit(path.join(REPO_ROOT, relative));
  return newest;
}

function isFresh(output: string, sources: string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= newestMtime(sources);
}

function run(what: string, command: string, args: string[]): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (${command} ${args.join(' ')}):\n${result.stdout}${result.stderr}`,
    );
  }
  console.log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** A complete unpacked build: a manifest, and every script it names. */
function isCompleteBuild(dir: string): boolean {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return false;
  }
  const files = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [
      ...(script.js ?? []),
      ...(script.css ?? []),
    ]),
  ].filter((file): file is string => file !== undefined);
  return files.every((file) => existsSync(path.join(dir, file)));
}

interface BuildTarget {
  browser: 'chrome' | 'firefox';
  /** Where wxt writes the build. */
  buildDir: string;
  /** The snapshot the harness loads. */
  loadDir: string;
}

const CHROME_TARGET: BuildTarget = {
  browser: 'chrome',
  buildDir: EXTENSION_BUILD_DIR,
  loadDir: EXTENSION_DIR,
};
const FIREFOX_TARGET: BuildTarget = {
  browser: 'firefox',
  buildDir: FIREFOX_BUILD_DIR,
  loadDir: FIREFOX_EXTENSION_DIR,
};

function snapshotBuild(target: BuildTarget): boolean {
  if (!isCompleteBuild(target.buildDir)) return false;
  rmSync(target.loadDir, { recursive: true, force: true });
  cpSync(target.buildDir, target.loadDir, { recursive: true });
  return isCompleteBuild(target.loadDir);
}

/** fresh: nothing to do; copied: someone's fresh build output was taken; built: built now. */
export type BuildOutcome = 'fresh' | 'copied' | 'built';

export interface BuildOptions {
  /** Build even when the output looks fresh. */
  force?: boolean;
}

function ensureBuilt(target: BuildTarget, force: boolean): BuildOutcome {
  const snapshotManifest = path.join(target.loadDir, 'manifest.json');
  if (!force && isFresh(snapshotManifest, EXTENSION_SOURCES) && isCompleteBuild(target.loadDir)) {
    return 'fresh';
  }
  const buildManifest = path.join(target.buildDir, 'manifest.json');
  if (!force && isFresh(buildManifest, EXTENSION_SOURCES) && snapshotBuild(target)) {
    return 'copied';
  }
  const args = target.browser === 'chrome' ? ['wxt', 'build'] : ['wxt', 'build', '-b', 'firefox'];
  // A build by someone else in this checkout can overwrite ours before the copy: try twice.
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    run(`Built the extension (${target.browser})`, 'npx', args);
    if (snapshotBuild(target)) return 'built';
  }
  throw new Error(`No complete extension build in ${target.buildDir} after \`wxt build\``);
}

/**
 * Makes EXTENSION_DIR hold a complete chrome build of the current sources: reuses it when fresh,
 * else copies a fresh .output/chrome-mv3, else runs `wxt build` first.
 */
export function ensureExtensionBuilt({ force = false }: BuildOptions = {}): BuildOutcome {
  return ensureBuilt(CHROME_TARGET, force);
}

/** The same for the Firefox build, in FIREFOX_EXTENSION_DIR. */
export function ensureFirefoxBuilt({ force = false }: BuildOptions = {}): BuildOutcome {
  return ensureBuilt(FIREFOX_TARGET, force);
}

/** Builds the fixture pages into tests/fixtures/dist when needed. */
export function ensureFixturesBuilt({ force = false }: BuildOptions = {}): BuildOutcome {
  if (!force && isFresh(path.join(FIXTURES_DIST, 'build-info.json'), FIXTURE_SOURCES)) {
    return 'fresh';
  }
  run('Built the fixture pages', process.execPath, [path.join(FIXTURES_DIR, 'build.mjs')]);
  return 'built';
}
