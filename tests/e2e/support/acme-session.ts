// A Chromium session with the extension and the acme-demo pack in force, for the suites that
// run in Chromium alone (what CDP can do and WebDriver BiDi cannot): one browser per file, its
// one tab, closed after the file's tests.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './launch';
import { bundledPack, setPacksInForce } from './policy';

export function acmeDemoSessionInChromium(): () => { session: ExtensionSession; page: Page } {
  let session: ExtensionSession | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await launchWithExtension();
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
    page = await session.tab();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session || !page) throw new Error('The Chromium session is not open yet');
    return { session, page };
  };
}
