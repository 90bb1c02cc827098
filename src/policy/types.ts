import type { Pack } from '../core/pack/schema';

/** The shapes of the policy as the background stores it and the pages read it. */

/** Where a pack in force came from. */
export type PackSource = 'bundled' | 'managed-inline' | 'managed-url' | 'user';

/** A pack in force, with what the options page shows about it. */
export interface PackRecord {
  source: PackSource;
  /** The URL, the index of an inline managed pack (`packs[0]`), or the imported file's name. */
  origin: string;
  pack: Pack;
  /** The public key (base64) that verified a fetched pack. */
  signedBy?: string;
  /** When these bytes were downloaded (fetched packs) or taken in (inline and imported ones). */
  fetchedAt?: number;
}

/**
 * The packs in force, written by the background in one `set`, so a reader never sees
 * half of an update. `revision` grows on every change.
 */
export interface ActivePolicy {
  revision: number;
  records: PackRecord[];
}
/** Why a source's last update did not take effect; the message says it in plain words. */
export type RefusalCode =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'no-keys'
  | 'unsigned'
  | 'bad-signature'
  | 'untrusted'
  | 'unsupported'
  | 'malformed'
  | 'invalid'
  | 'older-version'
  | 'conflict'
  | 'not-allowed';

export interface SourceError {
  code: RefusalCode;
  message: string;
  at: number;
}

/** How one source of packs last went: one per pack URL, inline pack and imported pack. */
export interface SourceStatus {
  source: Exclude<PackSource, 'bundled'>;
  /** As in PackRecord: the URL, `packs[0]`, or the imported file's name. */
  origin: string;
  /** The last time the source was looked at, whatever came of it. */
  checkedAt?: number;
  /** The last time it gave the pack now in force, or confirmed it unchanged (HTTP 304). */
  succeededAt?: number;
  /** Why the last attempt failed; absent when it succeeded. */
  error?: SourceError;
  /** The ETag of the bytes in force from this URL, sent back as If-None-Match. */
  etag?: string;
  /** The highest version ever in force from this URL: later packs may not go below it. */
  highestVersion?: string;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  /** When a failed URL is tried again, sooner than the regular refresh. */
  retryAt?: number;
}

/** What the background last made of the managed settings and the sources they name. */
export interface PolicyStatus {
  sources: SourceStatus[];
  /** Problems with the managed settings themselves (a URL that is not https, a key that is not a key). */
  settingsErrors: string[];
  allowUserPacks: boolean;
  refreshMinutes: number;
  /** The last time the background checked every source. */
  checkedAt?: number;
}

/** A pack the person imported in the options page; in force while the admin allows it. */
export interface UserPack {
  fileName: string;
  importedAt: number;
  pack: Pack;
}
