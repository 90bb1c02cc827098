import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guideOwners, guideToOpen, startGuideOpening } from '@/src/background/guide';
import { acceptMessage } from '@/src/background/messages';
import { messageListener } from '@/src/background/main';
import { parsePack, type Pack } from '@/src/core';
import { activePolicyItem, guidesOpenedItem } from '@/src/policy/storage';
import type { ActivePolicy } from '@/src/policy/types';
import { isSiteUrl } from '@/src/sites';

function orgPack(version: string, withGuide = true): Pack {
  const parsed = parsePack({
    format: 'postguard/pack@1',
    id: 'acme',
    name: 'ACME',
    version,
    extends: ['postguard-starter'],
    ...(withGuide
      ? { guide: { sections: [{ id: 'codenames', title: 'Code names', body: 'Inside.' }] } }
      : {}),
  });
  if (!parsed.ok) throw new Error('test pack');
  return parsed.value;
}

function policyWith(pack: Pack, revision = 1): ActivePolicy {
  return { revision, records: [{ source: 'managed-inline', origin: 'packs[0]', pack }] };
}

/** What the background asked `tabs.create` for (the fake browser keeps no `active`). */
function watchTabCreation() {
  const created: { url?: string; active?: boolean; index?: number; openerTabId?: number }[] = [];
  const create = fakeBrowser.tabs.create.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((properties) => {
    created.push(properties);
    return create(properties);
  });
  return created;
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('when the guide opens by itself', () => {
  it('opens for a pack whose guide it has not opened, never for a new version of one it has', () => {
    expect(guideToOpen(['postguard-starter'], null)).toEqual({
      open: true,
      opened: ['postguard-starter'],
    });
    expect(guideToOpen(['postguard-starter'], ['postguard-starter']).open).toBe(false);
    expect(guideToOpen(['postguard-starter', 'acme'], ['postguard-starter'])).toEqual({
      open: true,
      opened: ['postguard-starter', 'acme'],
    });
    expect(guideToOpen([], null)).toEqual({ open: false, opened: [] });
  });

  it("names the packs that give the guide in force its parts: the starter's alone, then ACME's too", () => {
    expect(guideOwners(null)).toEqual(['postguard-starter']);
    expect(guideOwners(policyWith(orgPack('1.0.0')))).toEqual(['postguard-starter', 'acme']);
  });

  it("opens the starter guide in front at install, then the organisation's once, in a background tab", async () => {
    const created = watchTabCreation();
    startGuideOpening(async () => undefined);
    await settle();
    expect(created).toEqual([{ url: expect.stringMatching(/\/guide\.html$/), active: true }]);
    expect(await guidesOpenedItem.getValue()).toEqual(['postguard-starter']);

    await activePolicyItem.setValue(policyWith(orgPack('1.0.0')));
    await settle();
    expect(created).toHaveLength(2);
    expect(created[1]).toEqual({ url: expect.stringMatching(/\/guide\.html$/), active: false });

    await activePolicyItem.setValue(policyWith(orgPack('1.1.0'), 2));
    await settle();
    expect(created).toHaveLength(2);
    expect(await guidesOpenedItem.getValue()).toEqual(['postguard-starter', 'acme']);
  });

  it('opens nothing while the packs in force have no guide', async () => {
    const bare = parsePack({
      format: 'postguard/pack@1',
      id: 'bare',
      name: 'Bare',
      version: '1.0.0',
    });
    if (!bare.ok) throw new Error('test pack');
    await activePolicyItem.setValue(policyWith(bare.value));
    const created = watchTabCreation();
    startGuideOpening(async () => undefined);
    await settle();
    expect(created).toEqual([]);
    expect(await guidesOpenedItem.getValue()).toBeNull();
  });
});

describe('"Why?" from a card', () => {
  const trust = { extensionId: fakeBrowser.runtime.id, isSitePage: isSiteUrl };
  const fromX = {
    id: fakeBrowser.runtime.id,
    tab: { id: 7, url: 'https://x.com/home', windowId: 1, index: 2 },
  };

  it('is a section id and nothing else', () => {
    expect(acceptMessage({ kind: 'open-guide', section: 'disclose' }, fromX, trust)).toEqual({
      kind: 'open-guide',
      section: 'disclose',
    });
    for (const section of ['../options.html', 'a#b', 'Disclose', '', 'x'.repeat(201)])
      expect(acceptMessage({ kind: 'open-guide', section }, fromX, trust)).toBeUndefined();
    expect(
      acceptMessage(
        { kind: 'open-guide', section: 'disclose', url: 'https://evil.example' },
        fromX,
        trust,
      ),
    ).toBeUndefined();
    const fromElsewhere = {
      id: fakeBrowser.runtime.id,
      tab: { id: 7, url: 'https://evil.example/' },
    };
    expect(
      acceptMessage({ kind: 'open-guide', section: 'disclose' }, fromElsewhere, trust),
    ).toBeUndefined();
  });

  it("opens guide.html at the section in a new tab beside the site's", async () => {
    const created = watchTabCreation();
    const listen = messageListener(isSiteUrl);
    const reply = await listen({ kind: 'open-guide', section: 'disclose' }, fromX);
    expect(reply).toEqual({ ok: true });
    expect(created).toEqual([
      {
        url: expect.stringMatching(/\/guide\.html#disclose$/),
        active: true,
        windowId: 1,
        index: 3,
        openerTabId: 7,
      },
    ]);
  });
});
