// Where Postguard's scripts and end-to-end tests look for Firefox (Debian's ESR first), in order.
import { findExecutable } from './find-executable.mjs';

const CANDIDATES = ['/usr/bin/firefox-esr', 'firefox-esr', '/usr/bin/firefox', 'firefox'];

export const NO_FIREFOX_HINT =
  'No Firefox found: set FIREFOX_PATH, or on Debian as root: apt-get install -y firefox-esr';

/** The Firefox executable to drive, or undefined when there is none. */
export function findFirefox() {
  return findExecutable('FIREFOX_PATH', CANDIDATES);
}
