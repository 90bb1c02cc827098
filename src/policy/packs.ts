import type { Pack } from '@/src/core/pack/schema';
import { packsInForce } from './packs-in-force';
import { starterPack } from './starter';
import { activePolicyItem } from './storage';
import type { ActivePolicy } from './types';

/**
 * The packs in force as the extension's pages read them (the popup's library, the activity
 * log's titles), without compiling them.
 */

export function packsOf(policy: ActivePolicy | null): Pack[] {
  return packsInForce(policy, starterPack());
}

export async function loadPacksInForce(): Promise<Pack[]> {
  return packsOf(await activePolicyItem.getValue());
}

/** Packs change without a page reload: the background writes, every reader hears it. */
export function watchPacksInForce(listener: (packs: Pack[]) => void): () => void {
  return activePolicyItem.watch((policy) => listener(packsOf(policy)));
}
