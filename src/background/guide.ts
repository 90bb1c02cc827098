import { browser } from 'wxt/browser';
import { guideOfPacks } from '@/src/core';
import { packsInForce } from '@/src/policy/packs-in-force';
import { starterPack } from '@/src/policy/starter';
import { activePolicyItem, guidesOpenedItem } from '@/src/policy/storage';
import type { ActivePolicy } from '@/src/policy/types';

/** The tab a "Why?" came from, to open the guide beside it. */
export interface OpenerTab {
  id?: number;
  windowId?: number;
  index?: number;
}

export function guidePageUrl(section?: string): string {
  return browser.runtime.getURL('/guide.html') + (section ? `#${section}` : '');
}

/** Opens guide.html (at a section) in a new tab, next to the tab that asked when one did. */
export async function openGuide(
  section?: string,
  opener?: OpenerTab,
  active = true,
): Promise<void> {
  await browser.tabs.create({
    url: guidePageUrl(section),
    active,
    ...(opener?.windowId !== undefined ? { windowId: opener.windowId } : {}),
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
  });
}

/**
 * The packs that give the guide in force its sections and exercises; none without a guide.
 * Layered, not compiled: the packs in force were compiled when they were accepted, and a
 * second compile on every start of the worker delayed the engine's first check.
 */
export function guideOwners(policy: ActivePolicy | null): string[] {
  const guide = guideOfPacks(packsInForce(policy, starterPack()));
  if (!guide) return [];
  return [...new Set([...guide.sections, ...guide.exercises].map((part) => part.packId))];
}

/**
 * What to do about the guide after the packs in force changed: open it when a pack's guide is
 * there for the first time (the starter's at install, the organisation's when it first
 * arrives), never for a new version of a pack whose guide was opened already.
 */
export function guideToOpen(
  owners: readonly string[],
  opened: readonly string[] | null,
): { open: boolean; opened: string[] } {
  const seen = new Set(opened ?? []);
  const fresh = owners.filter((id) => !seen.has(id));
  return { open: fresh.length > 0, opened: [...seen, ...fresh] };
}

/**
 * Opens the guide once per arrival. Asked after every pack update has settled, so that an
 * install whose managed pack arrives a moment later opens one tab, the organisation's.
 */
export function startGuideOpening(settled: () => Promise<void>): void {
  let chain = Promise.resolve();
  const consider = () => {
    chain = chain
      .then(settled)
      .then(async () => {
        const [policy, opened] = await Promise.all([
          activePolicyItem.getValue(),
          guidesOpenedItem.getValue(),
        ]);
        const decision = guideToOpen(guideOwners(policy), opened);
        if (!decision.open) return;
        // Written first: a second background must not open it again while the tab opens.
        await guidesOpenedItem.setValue(decision.opened);
        // At install (nothing opened before) the guide comes to the front; later, an arriving
        // guide waits in a tab of its own rather than take the person away from a post.
        await openGuide(undefined, undefined, opened === null);
      })
      .catch((error: unknown) => console.error('Postguard: could not open the guide', error));
  };
  activePolicyItem.watch(consider);
  consider();
}
