// One list of places to look for Chromium, shared with scripts/ (see scripts/find-chromium.mjs).
import { NO_CHROMIUM_HINT, findChromium } from '../../../scripts/find-chromium.mjs';

export { NO_CHROMIUM_HINT, findChromium };

/** The Chromium to drive; throws the one-line install hint when there is none. */
export function requireChromium(): string {
  const executable = findChromium();
  if (!executable) throw new Error(NO_CHROMIUM_HINT);
  return executable;
}
