// Where Postguard's scripts and end-to-end tests look for Firefox (Debian's ESR first), in order.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/firefox-esr', 'firefox-esr', '/usr/bin/firefox', 'firefox'];

export const NO_FIREFOX_HINT =
  'No Firefox found: set FIREFOX_PATH, or on Debian as root: apt-get install -y firefox-esr';

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

/** The Firefox executable to drive, or undefined when there is none. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of CANDIDATES) {
    const found = resolveOnPath(candidate);
    if (found) return found;
  }
  return undefined;
}
