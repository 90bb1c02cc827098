import type { Pack } from '@/src/core/pack/schema';
import type { ActivePolicy } from './policy';

// Kept apart from policy.ts, whose storage items touch extension storage when defined: the
// options page's views and their tests compile packs without an extension around them.

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
