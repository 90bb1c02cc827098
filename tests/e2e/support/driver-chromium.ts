// The driver interface over Playwright and Chromium (see driver.ts).
import type { Page } from 'playwright-core';
import type { DriverBrowser, DriverPage } from './driver';
import { launchWithExtension, type ExtensionSession, type LaunchOptions } from './launch';
import { setPacksInForce } from './policy';

// The service worker's global, as the evaluated function sees it.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
};

export function playwrightPage(page: Page): DriverPage {
  return {
    async goto(url) {
      await page.goto(url);
    },
    // The function is serialised; Playwright's own types add handle unboxing this never uses.
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg as unknown),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseWheel: (deltaX, deltaY) => page.mouse.wheel(deltaX, deltaY),
    recordRequests() {
      const urls: string[] = [];
      const record = (request: { url(): string }) => urls.push(request.url());
      // The context sees the service worker's and other pages' requests too.
      page.on('request', record);
      page.context().on('request', record);
      return () => {
        page.off('request', record);
        page.context().off('request', record);
        return [...new Set(urls)];
      };
    },
    setInputFile: (selector, file) =>
      page.setInputFiles(selector, {
        name: file.name,
        mimeType: 'application/json',
        buffer: Buffer.from(file.contents),
      }),
    bringToFront: () => page.bringToFront(),
    async reload() {
      await page.reload();
    },
    async setViewport(size) {
      const now = page.viewportSize();
      if (now?.width !== size.width || now.height !== size.height) await page.setViewportSize(size);
    },
    close: () => page.close(),
  };
}

export async function launchChromiumDriver(
  options: LaunchOptions = {},
): Promise<DriverBrowser & { session: ExtensionSession }> {
  const session = await launchWithExtension(options);
  let tab: DriverPage | undefined;
  return {
    name: 'chromium',
    session,
    async tab() {
      tab ??= playwrightPage(await session.tab());
      return tab;
    },
    async extensionPage(pathAndQuery) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}${pathAndQuery}`);
      return playwrightPage(page);
    },
    setPacksInForce: (packs) => setPacksInForce(session.serviceWorker, packs),
    extensionEvaluate: (fn, arg) =>
      session.serviceWorker.evaluate(fn as (arg: unknown) => never, arg as unknown),
    storageGet: (key) =>
      session.serviceWorker.evaluate(
        async (name) => (await chrome.storage.local.get(name))[name],
        key,
      ),
    storageRemove: (key) =>
      session.serviceWorker.evaluate((name) => chrome.storage.local.remove(name), key),
    async tabIdOf(url) {
      const id = await session.serviceWorker.evaluate(async (pageUrl) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === pageUrl)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    },
    openTabUrls: async () => session.context.pages().map((page) => page.url()),
    async tabShowing(matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = session.context.pages().find((page) => matches(page.url()));
        if (found) return playwrightPage(found);
        if (Date.now() > deadline) throw new Error('No tab with the address looked for opened');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => session.close(),
  };
}
