import type { SiteAdapter } from './types';
import { xAdapter } from './x';
import { facebookAdapter } from './facebook';
import { linkedinAdapter } from './linkedin';

export type {
  SiteAdapter,
  ComposeBox,
  ComposeContext,
  EditorDriver,
  KeyboardSubmit,
} from './types';

/** Every supported network. A new site is one adapter file and one line here. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [xAdapter, facebookAdapter, linkedinAdapter];

export function adapterForHost(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return SITE_ADAPTERS.find((adapter) => adapter.hosts.includes(host));
}

/** The pages the compose content script runs on: every adapter's hosts, over https. */
export const SITE_MATCH_PATTERNS: readonly string[] = SITE_ADAPTERS.flatMap((adapter) =>
  adapter.hosts.map((host) => `https://${host}/*`),
);

/** Whether a page URL is one the content script runs on (for checking message senders). */
export function isSiteUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && adapterForHost(parsed.hostname) !== undefined;
  } catch {
    return false;
  }
}
