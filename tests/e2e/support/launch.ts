// Starts Chromium with the built extension loaded, its requests routed to the fixtures.
//
// Headless runs use Chromium's own `--headless=new` (Playwright is told headless: false, so it
// adds nothing of its own): that mode runs the full browser, MV3 service worker included.
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireChromium } from './chromium';
import { EXTENSION_DIR } from './paths';
import { routeFixtures } from './routes';
import { isOpenedGuide } from './guide-tabs';

export interface LaunchOptions {
  /** Defaults to .output/chrome-mv3. */
  extensionDir?: string;
  /** Defaults to true; the demo opens a window when there is a display. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** A profile folder that outlives the browser (a restart); a fresh one by default. */
  userDataDir?: string;
  /**
   * Leave open the guide tab the extension opens at install. By default it is closed as it
   * opens, so that every other test's tab stays the active one.
   */
  keepGuideTabs?: boolean;
  /**
   * The browser's UI language (`es`): `--lang` picks the extension's catalogue even without
   * Chromium's own translations, and `LANGUAGE` makes getUILanguage() agree once Debian's
   * chromium-l10n is installed. English by default.
   */
  locale?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's id (from its service worker's URL): chrome-extension://<id>/. */
  extensionId: string;
  serviceWorker: Worker;
  /**
   * One tab kept for the whole session: tests navigate it instead of opening new tabs, which is
   * cheaper and leaves one page to look at when a test fails.
   */
  tab(): Promise<Page>;
  close(): Promise<void>;
}

const SERVICE_WORKER_TIMEOUT_MS = 15_000;

async function closeIfOpenedGuide(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  if (isOpenedGuide(page.url())) await page.close().catch(() => undefined);
}

async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: isExtension,
    timeout: SERVICE_WORKER_TIMEOUT_MS,
  });
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const headless = options.headless ?? true;
  const ownProfile = options.userDataDir === undefined;
  const userDataDir =
    options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'postguard-chromium-'));
  const removeProfile = () => {
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireChromium(),
    headless: false,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.args ?? []),
    ],
    ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale } } : {}),
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  if (!options.keepGuideTabs) context.on('page', (page) => void closeIfOpenedGuide(page));
  try {
    await routeFixtures(context);
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    let tab: Page | undefined;
    return {
      context,
      extensionId,
      serviceWorker,
      async tab() {
        if (!tab || tab.isClosed()) {
          // Chromium's first blank tab, unless the extension has opened a page of its own.
          const blank = context.pages().find((page) => page.url() === 'about:blank');
          tab = blank ?? (await context.newPage());
        }
        return tab;
      },
      async close() {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    await context.close();
    removeProfile();
    throw error;
  }
}
