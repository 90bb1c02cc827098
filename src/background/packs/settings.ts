import { decodeBase64, encodeBase64 } from '@/src/core/signature';

/**
 * The managed settings (public/managed_schema.json), read from `storage.managed`. Admins set
 * them through Google Admin, Group Policy, configuration profiles or policies.json, where a
 * typo is easy and nobody sees a console: each problem becomes a sentence for the options
 * page, and the good parts still apply.
 */
export interface ManagedSettings {
  packUrls: string[];
  publicKeys: string[];
  /** Inline packs: JSON text (the schema's form) or, from Firefox's policies.json, objects. */
  packs: unknown[];
  refreshMinutes: number;
  allowUserPacks: boolean;
  /** True when the managed area holds nothing at all: no policy, or not loaded yet. */
  empty: boolean;
}

export const DEFAULT_REFRESH_MINUTES = 60;
/** Chrome fires alarms at most every 30 seconds; a minute keeps the arithmetic whole. */
export const MIN_REFRESH_MINUTES = 1;
export const MAX_REFRESH_MINUTES = 7 * 24 * 60;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a pack URL cannot be used, or undefined when it can: https, or http on this machine. */
export function packUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname)) return undefined;
  if (parsed.protocol === 'http:') {
    return `${url} is plain http: pack URLs must use https (http only on localhost, for testing)`;
  }
  return `${url} is not an https URL`;
}

function stringList(value: unknown, name: string, errors: string[]): { items: string[] } {
  if (value === undefined) return { items: [] };
  if (!Array.isArray(value)) {
    errors.push(`${name} should be a list of text values; it was ignored`);
    return { items: [] };
  }
  const items: string[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') items.push(item.trim());
    else errors.push(`${name}[${index}] is not a text value; it was ignored`);
  });
  return { items };
}

export function parseManagedSettings(raw: Record<string, unknown>): {
  settings: ManagedSettings;
  errors: string[];
} {
  const errors: string[] = [];

  const urls = stringList(raw.packUrls, 'packUrls', errors);
  const packUrls: string[] = [];
  for (const url of urls.items) {
    const problem = packUrlProblem(url);
    if (problem) errors.push(`packUrls: ${problem}; it was ignored`);
    else if (!packUrls.includes(url)) packUrls.push(url);
  }

  const keys = stringList(raw.publicKeys, 'publicKeys', errors);
  const publicKeys: string[] = [];
  keys.items.forEach((key, index) => {
    const bytes = decodeBase64(key);
    if (!bytes || bytes.length !== 32) {
      errors.push(
        `publicKeys[${index}] is not an Ed25519 public key (base64 of 32 bytes, as postguard keygen prints); it was ignored`,
      );
    } else {
      // One spelling per key (URL-safe or not, padded or not, line breaks): the key that signed
      // a pack in force is recognised however the admin writes it next time.
      const canonical = encodeBase64(bytes);
      if (!publicKeys.includes(canonical)) publicKeys.push(canonical);
    }
  });

  let packs: unknown[] = [];
  if (Array.isArray(raw.packs)) packs = raw.packs;
  else if (raw.packs !== undefined)
    errors.push('packs should be a list of pack JSON texts; it was ignored');

  let refreshMinutes = DEFAULT_REFRESH_MINUTES;
  if (raw.refreshMinutes !== undefined) {
    const value = raw.refreshMinutes;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push(`refreshMinutes should be a whole number; ${DEFAULT_REFRESH_MINUTES} is used`);
    } else if (value < MIN_REFRESH_MINUTES || value > MAX_REFRESH_MINUTES) {
      refreshMinutes = Math.min(MAX_REFRESH_MINUTES, Math.max(MIN_REFRESH_MINUTES, value));
      errors.push(
        `refreshMinutes is ${value}; it must be between ${MIN_REFRESH_MINUTES} and ${MAX_REFRESH_MINUTES}, so ${refreshMinutes} is used`,
      );
    } else {
      refreshMinutes = value;
    }
  }

  let allowUserPacks = true;
  if (raw.allowUserPacks !== undefined) {
    if (typeof raw.allowUserPacks === 'boolean') allowUserPacks = raw.allowUserPacks;
    else errors.push('allowUserPacks should be true or false; it was ignored');
  }

  return {
    settings: {
      packUrls,
      publicKeys,
      packs,
      refreshMinutes,
      allowUserPacks,
      empty: Object.keys(raw).length === 0,
    },
    errors,
  };
}

/** A public key in the one spelling settings use, or the text as it is when it is no key. */
export function canonicalKey(key: string): string {
  const bytes = decodeBase64(key);
  return bytes && bytes.length === 32 ? encodeBase64(bytes) : key;
}
