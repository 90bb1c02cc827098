// Puts packs in force the way the background does: one write of `activePolicy` to
// chrome.storage.local, which every tab's content script watches.
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
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
};

let revision = 0;

/** Makes these packs the ones in force (as if an admin pushed them), in layer order. */
export async function setPacksInForce(
  serviceWorker: Worker,
  packs: Record<string, unknown>[],
): Promise<void> {
  revision += 1;
  const policy = {
    revision,
    records: packs.map((pack, index) => ({ source: 'user', origin: `test-${index}`, pack })),
  };
  await serviceWorker.evaluate(async (value) => {
    await chrome.storage.local.set({ activePolicy: value });
  }, policy);
}

/** Back to nothing pushed: the bundled starter pack applies. */
export async function clearPacksInForce(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.remove('activePolicy');
  });
}
