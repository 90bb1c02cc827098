// `npm test`: every test layer, unit to end-to-end, with nothing to do by hand first.
// Prints the plain summary `N passed, N failed` as its last line (CI reads it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';
import { findChromium, NO_CHROMIUM_HINT } from './find-chromium.mjs';
import { findFirefox, NO_FIREFOX_HINT } from './find-firefox.mjs';

// The end-to-end layer runs in both browsers.
if (!findChromium()) {
  console.error(NO_CHROMIUM_HINT);
  process.exit(1);
}
if (!findFirefox()) {
  console.error(NO_FIREFOX_HINT);
  process.exit(1);
}

ensureDependencies();

mkdirSync('.output', { recursive: true });
const report = '.output/test-report.json';
// A report left from an earlier run must not be counted if this one never writes its own.
rmSync(report, { force: true });
const extraArgs = process.argv.slice(2);
// The locked vitest, never one npx would fetch.
const vitest = path.join(
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'vitest.cmd' : 'vitest',
);
const run = spawnSync(
  vitest,
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests ?? 0;
  // Failed tests, plus test files that failed before running any test (a syntax error, a
  // failing beforeAll): those must count, or a broken file would pass as "0 failed".
  const brokenFiles = (results.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  ).length;
  failed = (results.numFailedTests ?? 0) + brokenFiles;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
