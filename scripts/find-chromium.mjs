// Where Postguard's scripts and end-to-end tests look for Chromium, in order.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'];

export const NO_CHROMIUM_HINT =
  'No Chromium found: set CHROMIUM_PATH, or on Debian as root: apt-get install -y chromium';

function resolveOnPath(name) {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  try {
    return (
      execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** The Chromium executable to drive, or undefined when there is none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of CANDIDATES) {
    const found = resolveOnPath(candidate);
    if (found) return found;
  }
  return undefined;
}
