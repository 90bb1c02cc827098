// Puts packs in force as if the person had imported them: the imported packs and the packs in
// force they make, in one write to chrome.storage.local, which every tab's content script
// watches. The background, deciding from the same imported packs, leaves them as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { REPO_ROOT } from './paths';

/** A pack file from public/packs, parsed. */
export function bundledPack(name: 'starter' | 'acme-demo'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'public', 'packs', `${name}.json`), 'utf8'));
}

// The service worker's global, as the evaluated functions below see it.
declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; remove(keys: string[]): Promise<void> } };
};

let revision = 0;

/** The storage items that put these packs in force, in layer order. */
export function packsInForceItems(packs: Record<string, unknown>[]): Record<string, unknown> {
  revision += 1;
  // Shaped as the background makes them (key order included: it compares them as JSON).
  const userPacks = packs.map((pack, index) => ({
    fileName: `test-${index}`,
    importedAt: 0,
    pack,
  }));
  const activePolicy = {
    revision,
    records: userPacks.map((user) => ({
      source: 'user',
      origin: user.fileName,
      pack: user.pack,
      fetchedAt: user.importedAt,
    })),
  };
  return { userPacks, activePolicy };
}

/** Makes these packs the ones in force (as if an admin pushed them), in layer order. */
export async function setPacksInForce(
  serviceWorker: Worker,
  packs: Record<string, unknown>[],
): Promise<void> {
  await serviceWorker.evaluate(async (items) => {
    await chrome.storage.local.set(items);
  }, packsInForceItems(packs));
}

/** Back to nothing pushed: the bundled starter pack applies. */
export async function clearPacksInForce(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.remove(['activePolicy', 'userPacks']);
  });
}
