import { Pack } from '@/src/core/pack/schema';
import { activePolicyItem, packsInForce, type ActivePolicy } from '@/src/store/policy';
import starterPackJson from '@/public/packs/starter.json';

/**
 * The packs in force as the extension's pages read them (the popup's library, the activity
 * log's titles). Only the schema is checked on the bundled starter: it ships with the
 * extension and is validated by its own tests; the full parser (patterns compiled with RE2)
 * would only weigh on the popup's start.
 */

let starter: Pack | undefined;

function starterPack(): Pack {
  return (starter ??= Pack.parse(starterPackJson));
}

export function packsOf(policy: ActivePolicy | null): Pack[] {
  return packsInForce(policy, starterPack());
}

export async function loadPacksInForce(): Promise<Pack[]> {
  return packsOf(await activePolicyItem.getValue());
}

export function watchPacksInForce(listener: (packs: Pack[]) => void): () => void {
  return activePolicyItem.watch((policy) => listener(packsOf(policy)));
}
