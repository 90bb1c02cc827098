import type { CheckTier, Finding } from '@/src/core/findings';
import type { Network } from '@/src/core/pack/schema';

/**
 * What a compose box checks with: the packs' compiled rules, reached by message (the engine
 * runs in the background: src/background/engine.ts). A check is asynchronous, so the page's
 * main thread never runs the engine; its answer is about the text it was asked of.
 */
export interface CheckEngine {
  /** The packs in force, as the acknowledgement log names them. */
  readonly packs: readonly { id: string; version: string }[];
  /** Whether any rule in force is in the slow tier (see CheckOptions.tier). */
  readonly hasSlowRules: boolean;
  /** Findings of `text`, sorted by position; rejects when the engine cannot be reached. */
  check(text: string, options: { network: Network; tier?: CheckTier }): Promise<Finding[]>;
  /**
   * Whether the engine is known to be awake now (its port open). Chrome stops an idle
   * background after 30 seconds, and waking it costs the next check a few hundred ms.
   */
  isAwake?(): boolean;
  /** Wakes the engine, or keeps it awake, ahead of checks to come. */
  wake?(): void;
}
