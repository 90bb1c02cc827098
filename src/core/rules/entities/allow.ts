import type { EntitySpan } from './scanners';

/**
 * The `allow` list of an entities rule: exact values (case-insensitive; phones compared by
 * their digits, URLs without scheme, `www.` or trailing slash), `*.domain` for a domain and
 * its subdomains, and a bare `domain` for that host alone.
 */
export interface AllowList {
  allows(span: EntitySpan, value: string): boolean;
}

const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

function normalUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

function hostOf(span: EntitySpan, value: string): string | undefined {
  const lower = value.toLowerCase();
  if (span.type === 'email') return lower.slice(lower.lastIndexOf('@') + 1);
  if (span.type === 'url') return normalUrl(lower).split(/[/?#:]/, 1)[0];
  return undefined;
}

const digits = (s: string) => s.replace(/\D+/g, '');

export function compileAllowList(entries: readonly string[] = []): AllowList {
  const exact = new Set<string>();
  const urls = new Set<string>();
  const phones = new Set<string>();
  const wildcards: string[] = [];
  const hosts = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('*.')) {
      wildcards.push(entry.slice(2));
      continue;
    }
    exact.add(entry.replace(/\s+/g, ' '));
    urls.add(normalUrl(entry));
    if (digits(entry).length >= 7 && !/\p{L}/u.test(entry)) phones.add(digits(entry));
    if (DOMAIN.test(entry)) hosts.add(entry.replace(/^www\./, ''));
  }
  return {
    allows(span, value) {
      // An address written as a link ("mailto:press@acme.example") is the same address.
      const lower = value
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/^mailto:/, '');
      if (exact.has(lower)) return true;
      if (span.type === 'url' && urls.has(normalUrl(lower))) return true;
      if (span.type === 'phone' && phones.has(digits(value))) return true;
      const host = hostOf(span, value);
      if (host === undefined) return false;
      const bare = host.replace(/^www\./, '');
      if (hosts.has(bare)) return true;
      return wildcards.some((domain) => host === domain || host.endsWith(`.${domain}`));
    },
  };
}
