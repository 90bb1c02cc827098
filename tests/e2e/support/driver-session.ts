// Runs a suite once per browser, each with its own browser and one shared site tab.
import { afterAll, beforeAll, describe } from 'vitest';
import type { DriverBrowser, DriverPage } from './driver';
import { launchChromiumDriver } from './driver-chromium';
import { launchFirefoxDriver } from './driver-firefox';

export const BROWSERS = [
  { name: 'chromium', launch: launchChromiumDriver },
  { name: 'firefox', launch: launchFirefoxDriver },
] as const;

export interface BrowserSession {
  browser: DriverBrowser;
  page: DriverPage;
}

/**
 * `describe` in Chromium and in Firefox. The suite gets a getter, valid inside its tests and
 * hooks.
 */
export function describeInEachBrowser(
  title: string,
  /** Put in force before the first test; `undefined` leaves the bundled starter pack alone. */
  packs: (() => Record<string, unknown>[]) | undefined,
  suite: (session: () => BrowserSession) => void,
): void {
  describe.each(BROWSERS)(`${title}, in $name`, ({ launch }) => {
    let current: BrowserSession | undefined;
    beforeAll(async () => {
      const browser = await launch();
      current = { browser, page: await browser.tab() };
      if (packs) await browser.setPacksInForce(packs());
    });
    afterAll(async () => {
      await current?.browser.close();
    });
    suite(() => {
      if (!current) throw new Error('The browser session is not open yet');
      return current;
    });
  });
}

/** Polls `read` until it gives `expected` (compared as JSON), for ten seconds unless told. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  what: string,
  { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
