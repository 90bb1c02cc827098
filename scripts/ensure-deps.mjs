// `npm start` and `npm test` on a fresh clone: install the locked dependencies first when
// they are missing or older than package-lock.json, so nothing has to be done by hand.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** True when node_modules holds what package-lock.json asks for (npm writes this file last). */
export function dependenciesInstalled() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
}

export function ensureDependencies() {
  if (dependenciesInstalled()) return;
  console.log('Installing the locked dependencies (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci failed: see above. With no network, install the dependencies first.');
    process.exit(1);
  }
}
