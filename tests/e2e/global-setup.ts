// Before the e2e project runs: a Chromium and a Firefox to drive, and fresh builds of the extension and the
// fixture pages (each rebuilt only when missing or older than its sources).
import {
  ensureExtensionBuilt,
  ensureFirefoxBuilt,
  ensureFixturesBuilt,
  requireChromium,
} from './harness';
import { requireFirefox } from './support/driver-firefox';

export default function setup(): void {
  requireChromium();
  requireFirefox();
  ensureExtensionBuilt();
  ensureFirefoxBuilt();
  ensureFixturesBuilt();
}
