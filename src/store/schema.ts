import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { Network } from '@/src/core/pack/schema';

/** The activity database's rows and tables, for everything that reads or writes them. */

export type ShareAction = 'inserted' | 'posted';

/** One insert or post of approved content. The post's text is never stored. */
export interface ShareEvent {
  id?: number;
  contentId: string;
  network: Network;
  action: ShareAction;
  /** Epoch milliseconds. */
  at: number;
  packId: string;
  packVersion: string;
  /** For `posted`: whether the text changed between insert and post. `inserted` rows: false. */
  edited: boolean;
  /**
   * The Monday of the share's week on the person's calendar when it was logged (`2026-11-23`).
   * Fixed at write time, so the weekly tallies and a recount from rows always agree, even
   * after the person moves to another time zone. Filled in by the database (v2).
   */
  week?: string;
}

/** "Post anyway" on a post with error findings: which rules, never the text. */
export interface Acknowledgement {
  id?: number;
  ruleIds: string[];
  network: Network;
  packs: { id: string; version: string }[];
  at: number;
}

/** Shares per week, network and action, kept in step with `shares` on every write. */
export interface WeeklyTally {
  week: string;
  network: Network;
  action: ShareAction;
  count: number;
}

/** Shares per item, network and action, for the top items. */
export interface ItemTally {
  contentId: string;
  network: Network;
  action: ShareAction;
  count: number;
}

/**
 * A guide exercise the person finished in the practice box: which one, of which pack version,
 * when. Never the text they wrote. `exerciseHash` fingerprints the pack's sample text, so an
 * exercise the pack rewrites is open again.
 */
export interface GuideCompletion {
  exerciseId: string;
  /** The exercise's title when it was done, for "My activity" after the pack drops it. */
  title: string;
  packId: string;
  packVersion: string;
  exerciseHash: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * Every schema the extension has shipped, oldest first. A version stays here for good: Dexie
 * needs it to upgrade a database that an older release created.
 */
export const SCHEMA_V1 = {
  shares: '++id, at, network, contentId',
  acknowledgements: '++id, at, network',
} as const;

/**
 * v2: compound indexes for the log's filters (network or action over a date range), and the
 * tallies that make weekly figures a read of a few hundred rows instead of the whole log.
 */
export const SCHEMA_V2 = {
  shares: '++id, at, contentId, [network+at], [action+at]',
  acknowledgements: '++id, at, network',
  weeklyTallies: '[week+network+action]',
  itemTallies: '[contentId+network+action]',
} as const;

/** v3: the guide's exercises the person finished. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  guideCompletions: 'exerciseId, at',
} as const;

export const CURRENT_VERSION = 3;

export type PostguardDb = Dexie & {
  shares: EntityTable<ShareEvent, 'id'>;
  acknowledgements: EntityTable<Acknowledgement, 'id'>;
  weeklyTallies: Dexie.Table<WeeklyTally, [string, Network, ShareAction]>;
  itemTallies: Dexie.Table<ItemTally, [string, Network, ShareAction]>;
  guideCompletions: EntityTable<GuideCompletion, 'exerciseId'>;
};
