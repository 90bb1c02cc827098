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
