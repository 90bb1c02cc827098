// What both packaging commands share: building a target as the stores get it, zipping a
// folder the same way every time, and reading a zip back.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES_DIR = path.join(ROOT, '.output', 'packages');
export const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

// A fixed time for every entry, so the same build gives the same zip.
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit status ${result.status})`);
  }
  return result;
}

/**
 * Builds one browser's extension in WXT's `store` mode (wxt.config.ts leaves the
 * development `key` out of the manifest in that mode) and returns the output folder.
 * The manifest's version is package.json's.
 */
export function buildTarget(browser) {
  run(process.execPath, [
    path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'),
    'build',
    '-b',
    browser,
    '--mode',
    'store',
  ]);
  return path.join(ROOT, '.output', `${browser}-mv3-store`);
}

function filesUnder(dir, base = dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
    });
}

/** A zip of `files` ({ path in the zip: contents }), deflated, entries in the order given. */
export async function zipFiles(files) {
  const zip = new JSZip();
  for (const [name, contents] of Object.entries(files)) {
    zip.file(name.split(path.sep).join('/'), contents, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

/** A zip of a built extension, with `manifest` in place of its manifest.json when given. */
export async function zipExtension(dir, manifest) {
  const files = {};
  for (const file of filesUnder(dir)) {
    files[file] =
      file === 'manifest.json' && manifest
        ? `${JSON.stringify(manifest, null, 2)}\n`
        : readFileSync(path.join(dir, file));
  }
  return zipFiles(files);
}

export function readManifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

/** Every file of a zip, as buffers by name. */
export async function unzip(buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const files = {};
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files[entry.name] = await entry.async('nodebuffer');
  }
  return files;
}

export function webExtLint(sourceDir, { selfHosted = false } = {}) {
  run(process.execPath, [
    path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
    'lint',
    '--source-dir',
    sourceDir,
    ...(selfHosted ? ['--self-hosted'] : []),
  ]);
}

/** Options as `--name value` pairs and bare `--flag`s. */
export function parseOptions(argv, known) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !(name in known))
      throw new Error(
        `unknown option ${arg} (options: ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    if (known[name] === 'flag') options[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[name] = value;
    }
  }
  return options;
}
