// `npm run package`: the uploads for the Chrome Web Store, Microsoft Edge Add-ons and
// Firefox Add-ons, in .output/packages/:
//   postguard-VERSION-chrome.zip    Chrome Web Store (no `key`: the store gives the id)
//   postguard-VERSION-edge.zip      Edge Add-ons (the same, built for Edge)
//   postguard-VERSION-firefox.zip   Firefox Add-ons, linted with web-ext lint
//   postguard-VERSION-sources.zip   the sources Firefox's review asks for, with how to build
// The version is package.json's. Run from a git clone (the sources are the tracked files).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildTarget,
  PACKAGES_DIR,
  readManifest,
  ROOT,
  unzip,
  VERSION,
  webExtLint,
  zipExtension,
  zipFiles,
} from './common.mjs';

export const STORE_TARGETS = ['chrome', 'edge', 'firefox'];

export function packageName(kind) {
  return `postguard-${VERSION}-${kind}.zip`;
}

function checkManifest(browser, manifest) {
  if (manifest.version !== VERSION)
    throw new Error(`${browser}: manifest version ${manifest.version}, package.json ${VERSION}`);
  // The stores refuse a manifest with a key (Chrome, Edge) and assign the id themselves.
  if ('key' in manifest) throw new Error(`${browser}: the store build has a manifest key`);
  if (browser === 'firefox' && !manifest.browser_specific_settings?.gecko?.id)
    throw new Error('firefox: the manifest has no gecko id');
}

const SOURCES_README = `# Building Postguard from these sources

This archive is the tracked content of the Postguard repository at the version of the
Firefox package it came with (VERSION). To build that package:

    node --version        # 20.19 or later
    npm ci
    npx wxt build -b firefox --mode store

The extension is then in .output/firefox-mv3-store/, the same files as in
postguard-VERSION-firefox.zip. Nothing is downloaded at build time beyond the npm packages
that package-lock.json pins; no code is generated outside the build.
`;

/** The tracked files of the repository, with build instructions for reviewers. */
async function sourcesZip() {
  let tracked;
  try {
    tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  } catch {
    throw new Error('the sources zip is made from a git clone (git ls-files failed)');
  }
  const files = { 'SOURCES.md': SOURCES_README.replaceAll('VERSION', VERSION) };
  for (const file of tracked) files[file] = readFileSync(path.join(ROOT, file));
  return zipFiles(files);
}

export async function packageForStores() {
  mkdirSync(PACKAGES_DIR, { recursive: true });
  const written = [];
  for (const browser of STORE_TARGETS) {
    const dir = buildTarget(browser);
    const manifest = readManifest(dir);
    checkManifest(browser, manifest);
    const file = path.join(PACKAGES_DIR, packageName(browser));
    writeFileSync(file, await zipExtension(dir));
    written.push(file);
  }
  const sources = path.join(PACKAGES_DIR, packageName('sources'));
  writeFileSync(sources, await sourcesZip());
  written.push(sources);

  // Lint what is uploaded: the zip's own files, unpacked.
  const unpacked = mkdtempSync(path.join(tmpdir(), 'postguard-firefox-'));
  try {
    const files = await unzip(readFileSync(path.join(PACKAGES_DIR, packageName('firefox'))));
    for (const [name, contents] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
      writeFileSync(path.join(unpacked, name), contents);
    }
    webExtLint(unpacked);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
  console.log(`\nStore packages (version ${VERSION}):`);
  for (const file of written) console.log(`  ${path.relative(ROOT, file)}`);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  packageForStores().catch((error) => {
    console.error(`package: ${error.message}`);
    process.exit(1);
  });
}
