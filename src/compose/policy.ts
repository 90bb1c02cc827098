import { compilePacks, formatPackError, parsePack, type Checker } from '@/src/core';
import type { Pack } from '@/src/core/pack/schema';
import { activePolicyItem, packsInForce, type ActivePolicy } from '@/src/store/policy';
import starterPackJson from '@/public/packs/starter.json';

let starter: Pack | undefined;

/** The bundled starter pack: the policy before an admin pushes anything. */
export function starterPack(): Pack {
  if (!starter) {
    const parsed = parsePack(starterPackJson);
    // The starter pack ships with the extension and is tested; failing here is a build bug.
    if (!parsed.ok)
      throw new Error(
        `Bundled starter pack is invalid: ${parsed.errors.map(formatPackError).join('; ')}`,
      );
    starter = parsed.value;
  }
  return starter;
}

/** Compiles the packs in force; a policy that does not compile falls back to the starter. */
export function checkerFor(policy: ActivePolicy | null): Checker {
  const compiled = compilePacks(packsInForce(policy, starterPack()));
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
  return checkerFor(await activePolicyItem.getValue());
}

/** Packs change without a page reload: the background writes, every tab recompiles. */
export function watchChecker(listener: (checker: Checker) => void): () => void {
  return activePolicyItem.watch((policy) => listener(checkerFor(policy)));
}
