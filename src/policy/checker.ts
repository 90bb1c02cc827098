import { compilePacks, formatPackError, type Checker } from '@/src/core';
import { starterPack } from './starter';
import { packsOf } from './packs';
import { activePolicyItem } from './storage';
import type { ActivePolicy } from './types';

/** Compiles the packs in force; a policy that does not compile falls back to the starter. */
export function checkerFor(policy: ActivePolicy | null): Checker {
  const compiled = compilePacks(packsOf(policy));
  if (compiled.ok) return compiled.value;
  console.warn(
    'Postguard: the packs in force do not compile; using the starter pack.',
    compiled.errors.map(formatPackError),
  );
  const fallback = compilePacks([starterPack()]);
  if (!fallback.ok) throw new Error('Bundled starter pack does not compile');
  return fallback.value;
}

export async function loadChecker(): Promise<Checker> {
  const policy = await activePolicyItem.getValue();
  performance.mark('postguard:packs-read');
  return checkerFor(policy);
}

/** Packs change without a page reload: the background writes, and its engine recompiles. */
export function watchChecker(listener: (checker: Checker) => void): () => void {
  return activePolicyItem.watch((policy) => listener(checkerFor(policy)));
}
