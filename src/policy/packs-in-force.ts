import type { Pack } from '../core/pack/schema';
import type { ActivePolicy } from './types';

// Free of extension storage (the CLI and the options page's views use it without one).

/** True when a pack builds on the starter and the starter is not among them. */
export function needsStarter(packs: readonly Pack[], starterId: string): boolean {
  const extendsStarter = packs.some((pack) => pack.extends?.includes(starterId));
  return extendsStarter && !packs.some((pack) => pack.id === starterId);
}

/**
 * The packs to compile, in layer order: the bundled starter first when nothing is in force
 * or when a pack in force builds on it.
 */
export function packsInForce(policy: ActivePolicy | null, starter: Pack): Pack[] {
  const packs = policy?.records.map((record) => record.pack) ?? [];
  if (packs.length === 0) return [starter];
  return needsStarter(packs, starter.id) ? [starter, ...packs] : packs;
}
