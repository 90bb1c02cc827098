// Where the harness finds the built extension and the fixture pages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** `wxt build` (chrome) writes the unpacked MV3 extension here. */
export const EXTENSION_BUILD_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
/**
 * The copy of that build the harness loads. Others rebuild .output/chrome-mv3 at any moment (a
 * half-written build has no manifest), so tests and the demo load a snapshot only they write. Its
 * path is fixed, and with it the extension's id.
 */
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output/e2e/chrome-mv3');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures');
/** tests/fixtures/build.mjs writes the pages here. */
export const FIXTURES_DIST = path.join(FIXTURES_DIR, 'dist');
/** Pages ask for their scripts and styles under this path, on every site origin (build.mjs). */
export const FIXTURE_ASSET_PREFIX = '/__postguard_fixture__/';
/** `wxt build -b firefox` writes the Firefox build here; the harness loads a snapshot of it. */
export const FIREFOX_BUILD_DIR = path.join(REPO_ROOT, '.output/firefox-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output/e2e/firefox-mv3');
