// X's compose boxes beyond the desktop four in boxes.ts: the mobile layout's textareas (the
// window narrower than 500 px) and the inline reply box on a post's own page.
//
// Each of these carries the viewport it needs, and open() sets it (reloading the page when it
// changes) before it reveals the box: the fixture picks its layout from the window width at load
// and on resize. The session's tab keeps that size afterwards, so a test file that mixes these
// with boxes.ts's fixtures restores DESKTOP_VIEWPORT after each test (restoreViewport).
import type { Locator, Page } from 'playwright-core';
import type { ComposeBoxFixture } from './boxes';
import { SITE_URLS } from './routes';

export interface Viewport {
  width: number;
  height: number;
}

/** The size launchWithExtension gives a headless tab: x.com's desktop layout. */
export const DESKTOP_VIEWPORT: Viewport = { width: 1280, height: 900 };
/** A phone-sized window, below x.com's 500 px breakpoint: the mobile layout. */
export const NARROW_VIEWPORT: Viewport = { width: 400, height: 800 };

export type XBoxFixture = ComposeBoxFixture & { viewport: Viewport };

/** The URL of a post's own page on the fixture (the first post of the timeline). */
export const X_STATUS_URL = 'https://x.com/acme/status/1';

/** The mobile layout's box: the textarea inside the div that carries the test id. */
const X_TEXTAREA = '[data-testid="tweetTextarea_0"] textarea[role="textbox"]';
const X_DRAFT_BOX = '[data-testid="tweetTextarea_0"][role="textbox"]';

async function visible(box: Locator): Promise<Locator> {
  await box.waitFor({ state: 'visible' });
  return box;
}

/**
 * Gives the tab this size; when that changes it, reloads the page, so the layout is the one the
 * page picks at load (not only the one it switches to on resize).
 */
export async function useViewport(page: Page, viewport: Viewport): Promise<void> {
  const now = page.viewportSize();
  if (now?.width === viewport.width && now.height === viewport.height) return;
  await page.setViewportSize(viewport);
  await page.reload();
  await page.waitForFunction(() => '__postguardFixture' in window);
}

/** Back to the size every other e2e test expects, without reloading. */
export async function restoreViewport(page: Page): Promise<void> {
  await page.setViewportSize(DESKTOP_VIEWPORT);
}

export const X_NARROW_HOME: XBoxFixture = {
  name: 'x-narrow-home',
  site: 'x',
  editor: 'textarea',
  url: SITE_URLS.x,
  viewport: NARROW_VIEWPORT,
  async open(page) {
    await useViewport(page, NARROW_VIEWPORT);
    return visible(page.locator(`[data-testid="primaryColumn"] ${X_TEXTAREA}`));
  },
  submit: (page) =>
    page.locator('[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]').click(),
  newLineKey: 'Enter',
  context: 'post',
};

export const X_NARROW_REPLY: XBoxFixture = {
  name: 'x-narrow-reply',
  site: 'x',
  editor: 'textarea',
  url: SITE_URLS.x,
  viewport: NARROW_VIEWPORT,
  async open(page) {
    await useViewport(page, NARROW_VIEWPORT);
    await page
      .locator('[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="reply"]')
      .first()
      .click();
    return visible(page.locator(`[role="dialog"] ${X_TEXTAREA}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'reply',
};

export const X_NARROW_QUOTE: XBoxFixture = {
  name: 'x-narrow-quote',
  site: 'x',
  editor: 'textarea',
  url: SITE_URLS.x,
  viewport: NARROW_VIEWPORT,
  async open(page) {
    await useViewport(page, NARROW_VIEWPORT);
    await page
      .locator('[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="quote"]')
      .first()
      .click();
    return visible(page.locator(`[role="dialog"] ${X_TEXTAREA}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'quote',
};

/** /compose/post in the mobile layout, reached from the floating Post link (client-side). */
export const X_NARROW_COMPOSE: XBoxFixture = {
  name: 'x-narrow-compose',
  site: 'x',
  editor: 'textarea',
  url: SITE_URLS.x,
  viewport: NARROW_VIEWPORT,
  async open(page) {
    await useViewport(page, NARROW_VIEWPORT);
    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    await page.waitForURL('**/compose/post');
    return visible(page.locator(`[role="dialog"] ${X_TEXTAREA}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'post',
};

/** The reply box under a post on the post's own page (Draft.js, desktop layout). */
export const X_INLINE_REPLY: XBoxFixture = {
  name: 'x-inline-reply',
  site: 'x',
  editor: 'draft',
  url: X_STATUS_URL,
  viewport: DESKTOP_VIEWPORT,
  async open(page) {
    await useViewport(page, DESKTOP_VIEWPORT);
    return visible(page.locator(`[data-testid="inline_reply_offscreen"] ${X_DRAFT_BOX}`));
  },
  submit: (page) =>
    page
      .locator('[data-testid="inline_reply_offscreen"] [data-testid="tweetButtonInline"]')
      .click(),
  newLineKey: 'Enter',
  context: 'reply',
};

/** The mobile-layout textareas only. */
export const X_NARROW_BOXES: XBoxFixture[] = [
  X_NARROW_HOME,
  X_NARROW_REPLY,
  X_NARROW_QUOTE,
  X_NARROW_COMPOSE,
];

export const X_BOXES: XBoxFixture[] = [...X_NARROW_BOXES, X_INLINE_REPLY];
