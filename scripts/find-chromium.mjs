// Where Postguard's scripts and end-to-end tests look for Chromium, in order.
import { findExecutable } from './find-executable.mjs';

const CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'];

export const NO_CHROMIUM_HINT =
  'No Chromium found: set CHROMIUM_PATH, or on Debian as root: apt-get install -y chromium';

/** The Chromium executable to drive, or undefined when there is none. */
export function findChromium() {
  return findExecutable('CHROMIUM_PATH', CANDIDATES);
}
