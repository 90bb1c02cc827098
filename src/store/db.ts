import Dexie, { type EntityTable } from 'dexie';
import type { Network } from '@/src/core/pack/schema';

/** One insert or post of approved content. The post's text is never stored. */
export interface ShareEvent {
  id?: number;
  contentId: string;
  network: Network;
  action: 'inserted' | 'posted';
  /** Epoch milliseconds. */
  at: number;
  packId: string;
  packVersion: string;
  /** For `posted`: whether the text changed between insert and post. */
  edited: boolean;
}

/** "Post anyway" on a post with error findings: which rules, never the text. */
export interface Acknowledgement {
  id?: number;
  ruleIds: string[];
  network: Network;
  packs: { id: string; version: string }[];
  at: number;
}

export const DATABASE_NAME = 'postguard';

export type PostguardDb = Dexie & {
  shares: EntityTable<ShareEvent, 'id'>;
  acknowledgements: EntityTable<Acknowledgement, 'id'>;
};

/** Opens the activity database; every schema version stays listed so old data upgrades. */
export function openDatabase(name = DATABASE_NAME): PostguardDb {
  const db = new Dexie(name) as PostguardDb;
  db.version(1).stores({
    shares: '++id, at, network, contentId',
    acknowledgements: '++id, at, network',
  });
  return db;
}
