// The driver interface over Puppeteer and Firefox, through WebDriver BiDi (see driver.ts): the
// built extension installed as a temporary add-on, the fixture pages served at the sites' real
// URLs by request interception, extension pages at a fixed moz-extension:// address.
import puppeteer, {
  type Browser,
  type ElementHandle,
  type HTTPRequest,
  type Page,
  type Target,
} from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFirefox, NO_FIREFOX_HINT } from '../../../scripts/find-firefox.mjs';
import type { DriverBrowser, DriverPage } from './driver';
import { FIREFOX_EXTENSION_DIR } from './paths';
import { packsInForceItems } from './policy';
import { fixtureAnswer } from './routes';
import { isOpenedGuide } from './guide-tabs';

/** The build's gecko id (wxt.config.ts), which policies.json names too. */
export const GECKO_ID = 'postguard@postguard.example';
/**
 * Firefox gives each add-on a random internal UUID per profile; this pref fixes ours, so the
 * extension's pages have a known address.
 */
export const FIREFOX_EXTENSION_UUID = '6f1d2c3b-5e9a-4c1d-8f7e-0a1b2c3d4e5f';
const EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export function requireFirefox(): string {
  const executable = findFirefox();
  if (!executable) throw new Error(NO_FIREFOX_HINT);
  return executable;
}

async function answer(request: HTTPRequest): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const fixture = fixtureAnswer(request.url());
  switch (fixture.kind) {
    case 'continue':
      return request.continue();
    case 'abort':
      return request.abort('blockedbyclient');
    case 'missing':
      return request.respond({ status: 404, contentType: 'text/plain', body: fixture.body });
    case 'file':
      return request.respond({
        status: 200,
        contentType: fixture.contentType,
        body: readFileSync(fixture.path),
      });
  }
}

async function routeFixtures(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request).catch(() => undefined));
}

const NAVIGATION_TIMEOUT_MS = 15_000;

/**
 * A tab's address. Puppeteer reports a tab the extension opened as about:blank whatever it
 * shows (it saw no navigation of its own there), so the page is asked.
 */
async function addressOf(page: Page): Promise<string> {
  const reported = page.url();
  if (reported !== 'about:blank') return reported;
  return page.evaluate(() => location.href).catch(() => reported);
}

/** Closes the guide the extension opens by itself at install, once the tab has loaded it. */
async function closeIfOpenedGuide(target: Target): Promise<void> {
  const page = await target.page();
  if (!page) return;
  const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const address = await addressOf(page);
    if (isOpenedGuide(address)) {
      await page.close();
      return;
    }
    if (address !== 'about:blank') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const KEY_ALIASES: Record<string, string> = { Ctrl: 'Control', Cmd: 'Meta' };

/**
 * Sets the viewport. Puppeteer sends the screen orientation with the size, a command Firefox
 * ESR 140 does not know (153 does): the size is set by then, so only that refusal is let pass.
 */
async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('unknown command emulation.setScreenOrientationOverride'))
      throw error;
  }
}

export function puppeteerPage(page: Page): DriverPage {
  let uploads: string | undefined;
  return {
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS });
        return;
      }
      // Firefox never reports an extension page's load over BiDi (the command stays pending):
      // start the navigation, then wait for the page itself to say it has loaded.
      void page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS }).catch(() => undefined);
      const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
      for (;;) {
        const state = await page
          .evaluate(() => `${location.href} ${document.readyState}`)
          .catch(() => '');
        if (state === `${url} complete`) return;
        if (Date.now() > deadline) throw new Error(`${url} did not load (${state})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg as unknown),
    async press(combination) {
      const keys = combination.split('+').map((key) => KEY_ALIASES[key] ?? key);
      const main = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier as never);
      await page.keyboard.press(main as never);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    mouseClick: (x, y) => page.mouse.click(x, y),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseWheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    recordRequests() {
      // The tab's requests (with the fixtures' own, which the interception answers).
      const urls: string[] = [];
      const record = (request: HTTPRequest) => void urls.push(request.url());
      page.on('request', record);
      return () => {
        page.off('request', record);
        return [...new Set(urls)];
      };
    },
    async setInputFile(selector, file) {
      // The page reads the file after the change event, from disk: it stays until the tab closes.
      uploads ??= mkdtempSync(path.join(os.tmpdir(), 'postguard-upload-'));
      const filePath = path.join(uploads, file.name);
      writeFileSync(filePath, file.contents);
      const input = await page.$(selector);
      if (!input) throw new Error(`No file input ${selector}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(filePath);
    },
    bringToFront: () => page.bringToFront(),
    async reload() {
      // Puppeteer waits in vain for the load of a tab it did not navigate itself (one the
      // extension opened): the page reloads itself, and the new document is waited for.
      await page.evaluate(() => {
        (window as unknown as { beforeReload?: boolean }).beforeReload = true;
        location.reload();
      });
      const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
      for (;;) {
        const loaded = await page
          .evaluate(
            () =>
              !(window as unknown as { beforeReload?: boolean }).beforeReload &&
              document.readyState === 'complete',
          )
          .catch(() => false);
        if (loaded) return;
        if (Date.now() > deadline) throw new Error('The page did not load again');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async setViewport(size) {
      const now = page.viewport();
      if (now?.width !== size.width || now.height !== size.height) await setViewport(page, size);
    },
    async close() {
      await page.close();
      if (uploads) rmSync(uploads, { recursive: true, force: true });
    },
  };
}

export interface FirefoxLaunchOptions {
  /** Defaults to the harness's snapshot of the Firefox build. */
  extensionDir?: string;
  /** A profile folder that outlives the browser (a restart); a fresh one by default. */
  userDataDir?: string;
  /** As in Chromium's launch options: leave open the guide the extension opens at install. */
  keepGuideTabs?: boolean;
  /**
   * Firefox's UI language (`es-ES`), through `intl.locale.requested`; it takes only when that
   * language's pack is installed (Debian: firefox-esr-l10n-es-es). English by default.
   */
  locale?: string;
}

/** The message Firefox answers `browsingContext.create` with when its reference tab went away. */
const DISCARDED_TAB = /no such frame|BrowsingContext does no longer exist/;

/**
 * A new tab. Puppeteer opens it beside the tab it saw last, and when that is the guide the
 * extension opens at install, which the launcher is closing at that moment, Firefox refuses
 * ("no such frame"): the next try has another tab to open it beside.
 */
async function openTab(browser: Browser): Promise<Page> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await browser.newPage();
    } catch (error) {
      if (attempt >= 5 || !DISCARDED_TAB.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function launchFirefoxDriver(
  options: FirefoxLaunchOptions = {},
): Promise<DriverBrowser & { browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireFirefox(),
    headless: true,
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // A temporary add-on is uninstalled when Firefox quits: keep its storage and address for
      // the next start, as an installed add-on keeps them.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
    },
  });
  if (!options.keepGuideTabs) {
    browser.on('targetcreated', (target: Target) => {
      if (target.type() === 'page') void closeIfOpenedGuide(target).catch(() => undefined);
    });
  }
  try {
    const extensionId = await browser.installExtension(
      options.extensionDir ?? FIREFOX_EXTENSION_DIR,
    );
    let tab: { page: Page; driver: DriverPage } | undefined;
    let storagePage: DriverPage | undefined;
    const newPage = async () => {
      const page = await openTab(browser);
      await setViewport(page, { width: 1280, height: 900 });
      await routeFixtures(page);
      return page;
    };
    const extensionPage = async (pathAndQuery: string) => {
      const driver = puppeteerPage(await newPage());
      await driver.goto(`${EXTENSION_ORIGIN}${pathAndQuery}`);
      return driver;
    };
    // An extension page does what Chromium's tests do in the service worker.
    const inExtension = async () => {
      storagePage ??= await extensionPage('/options.html');
      return storagePage;
    };
    return {
      name: 'firefox',
      browser,
      extensionId,
      async tab() {
        if (!tab) {
          const page = await newPage();
          tab = { page, driver: puppeteerPage(page) };
        }
        return tab.driver;
      },
      extensionPage,
      async setPacksInForce(packs) {
        const page = await inExtension();
        await page.evaluate(async (items) => {
          await (globalThis as unknown as ExtensionGlobal).browser.storage.local.set(items);
        }, packsInForceItems(packs));
      },
      async extensionEvaluate(fn, arg) {
        const page = await inExtension();
        return page.evaluate(fn, arg);
      },
      async storageGet(key) {
        const page = await inExtension();
        return page.evaluate(
          async (name) =>
            (await (globalThis as unknown as ExtensionGlobal).browser.storage.local.get(name))[
              name
            ],
          key,
        );
      },
      async storageRemove(key) {
        const page = await inExtension();
        await page.evaluate(
          (name) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.remove(name),
          key,
        );
      },
      async tabIdOf(url) {
        const page = await inExtension();
        const id = await page.evaluate(async (pageUrl) => {
          const tabs = await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({});
          return tabs.find((t) => t.url === pageUrl)?.id;
        }, url);
        if (id === undefined) throw new Error(`No tab shows ${url}`);
        return id;
      },
      openTabUrls: async () => Promise.all((await browser.pages()).map(addressOf)),
      async tabShowing(matches, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const pages = await browser.pages();
          const addresses = await Promise.all(pages.map(addressOf));
          const found = pages[addresses.findIndex(matches)];
          if (found) return puppeteerPage(found);
          if (Date.now() > deadline) throw new Error('No tab with the address looked for opened');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** An extension page's global, as the evaluated functions above see it. */
interface ExtensionGlobal {
  browser: {
    storage: {
      local: {
        set(items: object): Promise<void>;
        get(key: string): Promise<Record<string, unknown>>;
        remove(key: string): Promise<void>;
      };
    };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}
