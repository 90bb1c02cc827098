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

/** What the fixture network answers for a request: the same in Chromium and in Firefox. */
export type FixtureAnswer =
  | { kind: 'continue' }
  | { kind: 'abort' }
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'missing'; body: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The extension's own files and local servers go through; the sites get their fixtures. */
export function fixtureAnswer(requestUrl: string): FixtureAnswer {
  const url = new URL(requestUrl);
  // The extension's own files, and servers a test starts itself (packs, say).
  if (
    url.protocol === 'chrome-extension:' ||
    url.protocol === 'moz-extension:' ||
    url.protocol === 'data:' ||
    url.protocol === 'blob:' ||
    LOCAL_HOSTS.has(url.hostname)
  ) {
    return { kind: 'continue' };
  }
  const site = siteFor(url.origin);
  if (!site) return { kind: 'abort' };
  if (url.pathname.startsWith(FIXTURE_ASSET_PREFIX)) {
    // basename: a request can only name a file directly inside dist/.
    const file = path.join(FIXTURES_DIST, path.basename(url.pathname));
    if (existsSync(file)) return { kind: 'file', path: file, contentType: contentTypeOf(file) };
  }
  if (url.pathname.startsWith(FIXTURE_ASSET_PREFIX) || /\.[a-z0-9]+$/i.test(url.pathname)) {
    // An asset the fixture does not have (a favicon, say).
    return { kind: 'missing', body: `No Postguard fixture at ${url.pathname}` };
  }
  const page = path.join(FIXTURES_DIST, site.page);
  return { kind: 'file', path: page, contentType: contentTypeOf(page) };
}

async function handle(route: Route): Promise<void> {
  const answer = fixtureAnswer(route.request().url());
  switch (answer.kind) {
    case 'continue':
      return route.continue();
    case 'abort':
      return route.abort('blockedbyclient');
    case 'missing':
      return route.fulfill({ status: 404, contentType: 'text/plain', body: answer.body });
    case 'file':
      return route.fulfill({ path: answer.path, contentType: answer.contentType });
  }
}

/** Routes every request of the context: fixture pages and assets, local servers, nothing else. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route('**/*', handle);
}
