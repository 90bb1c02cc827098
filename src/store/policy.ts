import { storage } from 'wxt/utils/storage';
import type { Pack } from '@/src/core/pack/schema';

/** Where a pack in force came from. */
export type PackSource = 'bundled' | 'managed-inline' | 'managed-url' | 'user';

/** A pack in force, with what the options page shows about it. */
export interface PackRecord {
  source: PackSource;
  /** The URL, the index of an inline managed pack, or the imported file's name. */
  origin: string;
  pack: Pack;
  /** The public key (base64) that verified a fetched pack. */
  signedBy?: string;
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

export const activePolicyItem = storage.defineItem<ActivePolicy | null>('local:activePolicy', {
  fallback: null,
  version: 1,
});

/**
 * The packs to compile, in layer order: the bundled starter first when nothing is in force
 * or when a pack in force builds on it.
 */
export function packsInForce(policy: ActivePolicy | null, starter: Pack): Pack[] {
  const packs = policy?.records.map((record) => record.pack) ?? [];
  if (packs.length === 0) return [starter];
  const needsStarter = packs.some((pack) => pack.extends?.includes(starter.id));
  const hasStarter = packs.some((pack) => pack.id === starter.id);
  return needsStarter && !hasStarter ? [starter, ...packs] : packs;
}
