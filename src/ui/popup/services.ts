import type { Pack } from '@/src/core/pack/schema';
import type { ComposeStatus, InsertResult, TabMessage } from '@/src/messages';
import type { OpenOptions } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import type { WriteProblemSource } from '@/src/store/write-problem';

/**
 * Everything the popup needs from the browser, as one object: the entry point passes the real
 * one (./browser-services.ts); tests and the benchmark pass their own, with a real database.
 */
export interface PopupServices {
  /** The tab "Insert" acts on: `?tab=<id>` when given, else the active tab of this window. */
  targetTab(): Promise<number | undefined>;
  /** The tab's content script's answer; undefined when none answers (not a supported site). */
  composeStatus(tabId: number): Promise<ComposeStatus | undefined>;
  insert(
    tabId: number,
    message: Extract<TabMessage, { kind: 'insert-content' }>,
  ): Promise<InsertResult>;
  /** The packs in force, in layer order. */
  loadPacks(): Promise<Pack[]>;
  /** Calls back when the packs in force change; returns the unsubscribe. */
  watchPacks(listener: (packs: Pack[]) => void): () => void;
  openDatabase(options: OpenOptions): PostguardDb;
  /** The background's last failed write to the activity log, shown in My activity. */
  writeProblems: WriteProblemSource;
  copy(text: string): Promise<void>;
  now(): Date;
  /** The guide page (guide.html), linked when the packs in force have a guide. */
  guideUrl?: string;
}
