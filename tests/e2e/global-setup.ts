// Before the e2e project runs: a Chromium to drive, and fresh builds of the extension and the
// fixture pages (each rebuilt only when missing or older than its sources).
import { ensureExtensionBuilt, ensureFixturesBuilt, requireChromium } from './harness';

export default function setup(): void {
  requireChromium();
  ensureExtensionBuilt();
  ensureFixturesBuilt();
}
