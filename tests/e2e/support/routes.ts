// Serves the fixture pages at the sites' real URLs, so the extension's content script matches
// them exactly as on the real sites, and keeps every other request on this machine.
import type { BrowserContext, Route } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIST, FIXTURE_ASSET_PREFIX } from './paths';

export type SiteName = 'x' | 'facebook' | 'linkedin';

interface SitePages {
  origins: string[];
  /**
   * The site's fixture page is served at every path of its origins (the real sites are single-page
   * apps too): the page itself decides what to show from its path and query.
   */
  page: string;
}

export const SITE_PAGES: Record<SiteName, SitePages> = {
  x: {
    origins: ['https://x.com', 'https://twitter.com'],
    page: 'x.html',
  },
  facebook: { origins: ['https://www.facebook.com'], page: 'facebook.html' },
  linkedin: { origins: ['https://www.linkedin.com'], page: 'linkedin.html' },
};

/** The real URL of a site's fixture page. */
export const SITE_URLS: Record<SiteName, string> = {
  x: 'https://x.com/home',
  facebook: 'https://www.facebook.com/',
  linkedin: 'https://www.linkedin.com/feed/',
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function siteFor(origin: string): SitePages | undefined {
  return Object.values(SITE_PAGES).find((site) => site.origins.includes(origin));
}

async function handle(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  // The extension's own files, and servers a test starts itself (packs, say).
  if (url.protocol === 'chrome-extension:' || LOCAL_HOSTS.has(url.hostname)) {
    return route.continue();
  }
  const site = siteFor(url.origin);
  if (!site) return route.abort('blockedbyclient');
  if (url.pathname.startsWith(FIXTURE_ASSET_PREFIX)) {
    // basename: a request can only name a file directly inside dist/.
    const file = path.join(FIXTURES_DIST, path.basename(url.pathname));
    if (existsSync(file)) return route.fulfill({ path: file });
  }
  if (url.pathname.startsWith(FIXTURE_ASSET_PREFIX) || /\.[a-z0-9]+$/i.test(url.pathname)) {
    // An asset the fixture does not have (a favicon, say).
    return route.fulfill({
      status: 404,
      contentType: 'text/plain',
      body: `No Postguard fixture at ${url.pathname}`,
    });
  }
  return route.fulfill({
    path: path.join(FIXTURES_DIST, site.page),
    contentType: 'text/html; charset=utf-8',
  });
}

/** Routes every request of the context: fixture pages and assets, local servers, nothing else. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route('**/*', handle);
}
