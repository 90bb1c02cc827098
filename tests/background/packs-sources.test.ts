// The other sources of packs and how they combine: inline managed packs, imported packs, keys
// taken out of trust, clashing ids, and the one-write switch that readers observe.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePacks, type Pack } from '@/src/core';
import { starterPack } from '@/src/policy/starter';
import { EMPTY_POLICY_GRACE_MS, PackUpdater } from '@/src/background/packs/updater';
import { packsInForce } from '@/src/policy/packs-in-force';
import { activePolicyItem, policyStatusItem, userPacksItem } from '@/src/policy/storage';
import type { ActivePolicy } from '@/src/policy/types';
import {
  makeKey,
  makePack,
  packText,
  startPackServer,
  type PackServer,
  type SigningKey,
} from './packs-support';

let server: PackServer;
let key: SigningKey;
let clock: number;

beforeEach(async () => {
  server = await startPackServer();
  key = makeKey();
  clock = Date.now();
});

afterEach(async () => {
  await server.close();
});

function updater(startedAt = clock): PackUpdater {
  return new PackUpdater({
    starter: starterPack(),
    timeoutMs: 2_000,
    random: () => 0,
    now: () => clock,
    startedAt,
  });
}

async function policy(): Promise<ActivePolicy> {
  const value = await activePolicyItem.getValue();
  if (!value) throw new Error('no policy written');
  return value;
}

async function errorOf(origin: string) {
  const status = await policyStatusItem.getValue();
  return status?.sources.find((s) => s.origin === origin)?.error;
}

describe('inline managed packs', () => {
  it('apply as they are, without a signature, in policy order', async () => {
    const team = makePack({
      id: 'acme-team',
      term: 'Nightjar',
      extra: { extends: ['acme-social'] },
    });
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({})), JSON.stringify(team)],
    });
    await updater().update('startup');
    const { records } = await policy();
    expect(records.map((r) => [r.source, r.origin, r.pack.id])).toEqual([
      ['managed-inline', 'packs[0]', 'acme-social'],
      ['managed-inline', 'packs[1]', 'acme-team'],
    ]);
    expect(records[0]!.signedBy).toBeUndefined();
  });

  it('keeps the last good inline pack when its replacement is broken', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({ version: '1.0.0' }))] });
    await updater().update('startup');
    const before = await policy();
    await fakeBrowser.storage.managed.set({ packs: ['{ "format": "postguard/pack@1", '] });
    await updater().update('managed-changed');
    expect(await policy()).toEqual(before);
    expect(await errorOf('packs[0]')).toMatchObject({
      code: 'malformed',
      message: expect.stringMatching(
        /The inline pack packs\[0\] in the policy is not a valid pack: not valid JSON/,
      ),
    });
  });

  it('accept pack objects, as Firefox policies.json may give them', async () => {
    await fakeBrowser.storage.managed.set({ packs: [makePack({})] });
    await updater().update('startup');
    expect((await policy()).records[0]!.pack.id).toBe('acme-social');
  });

  it('go when the admin takes them out of the policy', async () => {
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({}))],
      allowUserPacks: true,
    });
    await updater().update('startup');
    await fakeBrowser.storage.managed.set({ packs: [] });
    await updater().update('managed-changed');
    expect((await policy()).records).toEqual([]);
    expect((await policyStatusItem.getValue())?.sources).toEqual([]);
  });
});

describe('the managed area just after start-up', () => {
  it('keeps the managed packs while the policy may still be loading, and drops them after', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await updater().update('startup');
    const before = await policy();

    // A browser restart: the policy has not been read yet.
    await fakeBrowser.storage.managed.clear();
    const restarted = updater(clock);
    await restarted.update('startup');
    expect(await policy()).toEqual(before);
    const retry = await fakeBrowser.alarms.get('postguard-packs-retry');
    expect(retry?.scheduledTime).toBe(clock + EMPTY_POLICY_GRACE_MS);

    // Still empty once the grace is over: nothing is pushed any more.
    clock += EMPTY_POLICY_GRACE_MS;
    await restarted.update('retry');
    expect((await policy()).records).toEqual([]);
  });
});

describe('a policy that loads after the worker started', () => {
  it('is applied as soon as it arrives, though the browser sends no change event', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await updater().update('startup');

    // Restarted with a new policy that Chromium has not loaded yet.
    await fakeBrowser.storage.managed.clear();
    const restarted = new PackUpdater({
      starter: starterPack(),
      timeoutMs: 2_000,
      random: () => 0,
      now: () => clock,
      policyLookMs: 10,
    });
    await restarted.update('startup');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
    const loaded = makePack({ id: 'acme-loaded' });
    await fakeBrowser.storage.managed.set({ packs: [packText(loaded)] });
    await vi.waitFor(async () => {
      expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-loaded']);
    });
  });
});

describe('keys taken out of trust', () => {
  it('drop the packs they signed, even when the host is down', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key);
    const other = makeKey();
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('startup');
    expect((await policy()).records).toHaveLength(1);

    server.routes.clear();
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [other.publicKey] });
    await updater().update('managed-changed');
    expect((await policy()).records).toEqual([]);
    expect(await errorOf(url)).toMatchObject({
      code: 'untrusted',
      message: expect.stringMatching(
        /signed with a key that is no longer among the trusted publicKeys/,
      ),
    });
  });

  it('ask again without If-None-Match, so a 304 cannot vouch for an untrusted signer', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key, '"v1"');
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('startup');
    const next = makeKey();
    server.publish('/acme.json', packText(makePack({})), next, '"v1"');
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [next.publicKey] });
    await updater().update('managed-changed');
    expect(server.requests[2]!.headers['if-none-match']).toBeUndefined();
    expect((await policy()).records[0]!.signedBy).toBe(next.publicKey);
  });
});

describe('a trusted key written another way', () => {
  it('still vouches for the pack it signed (URL-safe, unpadded, wrapped)', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key);
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('startup');
    expect((await policy()).records).toHaveLength(1);

    const respelt = `${key.publicKey.slice(0, 20)}\n${key.publicKey.slice(20)}`
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    await server.close();
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [respelt] });
    await updater().update('managed-changed');
    expect((await policy()).records.map((r) => r.signedBy)).toEqual([key.publicKey]);
    expect((await errorOf(url))?.code).toBe('network');
    server = await startPackServer();
  });
});

describe('packs from several sources', () => {
  it('are refused when they reuse an id already in force from another source', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ id: 'acme-social', term: 'Nightjar' })), key);
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({ id: 'acme-social' }))],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');
    expect((await policy()).records.map((r) => r.source)).toEqual(['managed-inline']);
    expect(await errorOf(url)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /has the id "acme-social", which the inline pack packs\[0\] already uses/,
      ),
    });
  });

  it('are refused when they do not compile with the rest, naming the problem', async () => {
    const url = server.url('/team.json');
    const team = makePack({ id: 'acme-team', extra: { extends: ['acme-missing'] } });
    server.publish('/team.json', packText(team), key);
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({}))],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
    expect((await errorOf(url))?.message).toMatch(
      /does not work with the other packs in force: acme-team: extends\[0\]: extends "acme-missing"/,
    );
  });

  it('switch together in one write that every reader sees whole', async () => {
    server.publish('/a.json', packText(makePack({ id: 'acme-a', version: '1.0.0' })), key);
    server.publish('/b.json', packText(makePack({ id: 'acme-b', version: '1.0.0' })), key);
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/a.json'), server.url('/b.json')],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');

    const seen: (ActivePolicy | null)[] = [];
    const unwatch = activePolicyItem.watch((value) => seen.push(value));
    server.publish('/a.json', packText(makePack({ id: 'acme-a', version: '1.1.0' })), key);
    server.publish('/b.json', packText(makePack({ id: 'acme-b', version: '1.1.0' })), key);
    await updater().update('check-now');
    unwatch();

    expect(seen).toHaveLength(1);
    const [after] = seen;
    expect(after?.revision).toBe(2);
    expect(after?.records.map((r) => `${r.pack.id}@${r.pack.version}`)).toEqual([
      'acme-a@1.1.0',
      'acme-b@1.1.0',
    ]);
    // What a reader gets compiles, as the content script will compile it.
    expect(compilePacks(packsInForce(after!, starterPack())).ok).toBe(true);
  });

  it('leave packs in force written straight to storage alone while they are what it would decide', async () => {
    await updater().update('startup');
    // As the end-to-end tests put packs in force: imported packs and the packs in force they
    // make, straight into storage.
    const pack = makePack({ id: 'test-pack' }) as Pack;
    await userPacksItem.setValue([{ fileName: 'test-0', importedAt: 0, pack }]);
    const direct: ActivePolicy = {
      revision: 7,
      records: [{ source: 'user', origin: 'test-0', pack, fetchedAt: 0 }],
    };
    await activePolicyItem.setValue(direct);
    await updater().update('wake');
    expect(await activePolicyItem.getValue()).toEqual(direct);

    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await updater().update('managed-changed');
    expect(await policy()).toMatchObject({
      revision: 8,
      records: [
        { source: 'managed-inline', pack: { id: 'acme-social' } },
        { source: 'user', origin: 'test-0', pack: { id: 'test-pack' } },
      ],
    });
  });

  it('write nothing new when nothing changed', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await updater().update('startup');
    const seen: unknown[] = [];
    const unwatch = activePolicyItem.watch((value) => seen.push(value));
    clock += 60_000;
    await updater().update('refresh');
    unwatch();
    expect(seen).toEqual([]);
    expect((await policy()).revision).toBe(1);
  });

  it('write nothing new when storage hands the packs back with their keys in its own order', async () => {
    // Chromium's storage returns every object with its keys sorted; WXT's fake browser keeps
    // them as written, so this writes what Chromium would read back.
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ id: 'acme-url' })), key);
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({}))],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    const pack = makePack({ id: 'test-pack', term: 'Nightjar' }) as Pack;
    await userPacksItem.setValue([{ fileName: 'test-0', importedAt: 0, pack }]);
    await updater().update('startup');
    const stored = keysSorted(await policy());
    await activePolicyItem.setValue(stored);
    await userPacksItem.setValue(keysSorted(await userPacksItem.getValue()));
    expect(Object.keys(stored.records[0]!)).toEqual(['fetchedAt', 'origin', 'pack', 'source']);

    const seen: unknown[] = [];
    const unwatch = activePolicyItem.watch((value) => seen.push(value));
    await updater().update('wake');
    clock += 60_000;
    // The same bytes fetched again, and the same inline pack parsed again.
    await updater().update('refresh');
    unwatch();
    expect(seen).toEqual([]);
    expect(await activePolicyItem.getValue()).toEqual(stored);
  });
});

/** A copy with every object's keys sorted, as Chromium's storage hands values back. */
function keysSorted<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, member: unknown) =>
      member !== null && typeof member === 'object' && !Array.isArray(member)
        ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => a.localeCompare(b)))
        : member,
    ),
  ) as T;
}

describe('imported packs', () => {
  it('are put in force beside the organisation’s, and removed', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    const background = updater();
    await background.update('startup');
    const mine = makePack({ id: 'my-rules', term: 'hackathon' });

    expect(await background.importPack('my-rules.json', packText(mine))).toEqual({ ok: true });
    const { records } = await policy();
    expect(records.map((r) => [r.source, r.origin, r.pack.id])).toEqual([
      ['managed-inline', 'packs[0]', 'acme-social'],
      ['user', 'my-rules.json', 'my-rules'],
    ]);
    expect((await userPacksItem.getValue()).map((u) => u.pack.id)).toEqual(['my-rules']);

    expect(await background.removePack('my-rules')).toEqual({ ok: true });
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
    expect(await userPacksItem.getValue()).toEqual([]);
  });

  it('cannot change or switch off the organisation’s rules', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    const background = updater();
    await background.update('startup');
    const sneaky = makePack({
      id: 'my-rules',
      extra: { rules: [{ id: 'acme-social.confidential', enabled: false }] },
    });
    const answer = await background.importPack('sneaky.json', packText(sneaky));
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(
        /Rule "acme-social\.confidential" is one of your organisation's rules/,
      ),
    });
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
    expect(await userPacksItem.getValue()).toEqual([]);
  });

  it('are refused with the pack’s own errors when invalid', async () => {
    const answer = await updater().importPack('bad.json', '{"format": "postguard/pack@2"}');
    expect(answer).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^bad\.json is not a valid pack: format/),
    });
    expect(await activePolicyItem.getValue()).toBeNull();
  });

  it('cannot be imported, and are out of force, when the admin sets allowUserPacks to false', async () => {
    const background = updater();
    await background.update('startup');
    expect(await background.importPack('mine.json', packText(makePack({ id: 'mine' })))).toEqual({
      ok: true,
    });
    await fakeBrowser.storage.managed.set({ allowUserPacks: false });
    await background.update('managed-changed');
    expect((await policy()).records).toEqual([]);
    expect(await errorOf('mine.json')).toMatchObject({ code: 'not-allowed' });
    expect(await background.importPack('other.json', packText(makePack({ id: 'other' })))).toEqual({
      ok: false,
      error: 'Your organisation does not allow importing packs',
    });
    // Kept, and back in force when the admin allows imports again.
    await fakeBrowser.storage.managed.set({ allowUserPacks: true });
    await background.update('managed-changed');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['mine']);
  });
});

describe('imported packs and the organisation’s settings', () => {
  it('cannot rename the organisation (which would silence disclosure) or move its links', async () => {
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({ extra: { org: { name: 'ACME' } } }))],
    });
    const background = updater();
    await background.update('startup');

    const renaming = makePack({ id: 'mine', extra: { org: { name: 'Nobody Inc' } } });
    expect(await background.importPack('mine.json', packText(renaming))).toEqual({
      ok: false,
      error: expect.stringMatching(/^mine\.json: A pack you import cannot set org: with your/),
    });
    const relinking = makePack({
      id: 'mine',
      extra: {
        policyUrl: 'https://example.com/policy',
        links: { utm: { source: 'mine' } },
      },
    });
    expect(await background.importPack('mine.json', packText(relinking))).toEqual({
      ok: false,
      error: expect.stringMatching(/cannot set policyUrl, links:/),
    });
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
  });

  it('may set them when no organisation has pushed anything', async () => {
    const background = updater();
    await background.update('startup');
    const mine = makePack({ id: 'mine', extra: { org: { name: 'My Shop' } } });
    expect(await background.importPack('mine.json', packText(mine))).toEqual({ ok: true });
    // And go out of force, with the reason, once the organisation pushes its packs.
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await background.update('managed-changed');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
    expect((await errorOf('mine.json'))?.message).toMatch(/cannot set org/);
  });

  it('cannot bring back a rule the organisation switched off', async () => {
    const organisation = makePack({
      extra: {
        extends: ['postguard-starter'],
        rules: [{ id: 'tone.courtesy', enabled: false }],
      },
    });
    await fakeBrowser.storage.managed.set({ packs: [packText(organisation)] });
    const background = updater();
    await background.update('startup');
    const revived = makePack({
      id: 'mine',
      extra: {
        rules: [
          {
            id: 'tone.courtesy',
            kind: 'tone',
            severity: 'error',
            message: 'Be nice.',
            checks: ['profanity'],
          },
        ],
      },
    });
    expect(await background.importPack('mine.json', packText(revived))).toEqual({
      ok: false,
      error: expect.stringMatching(/Rule "tone\.courtesy" is one of your organisation's rules/),
    });
  });
});

describe('the grace for an empty policy', () => {
  /** A new service worker, as Chrome starts one for each alarm: nothing kept in memory. */
  const wake = () =>
    new PackUpdater({
      starter: starterPack(),
      timeoutMs: 2_000,
      random: () => 0,
      now: () => clock,
    });

  it('is counted from the browser session’s start, not from each service worker', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await wake().update('startup');
    expect((await policy()).records).toHaveLength(1);

    // The browser restarts (session storage is cleared with it) before the policy is loaded.
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.managed.clear();
    await wake().update('startup');
    expect((await policy()).records).toHaveLength(1);
    clock += EMPTY_POLICY_GRACE_MS / 2;
    await wake().update('retry');
    expect((await policy()).records).toHaveLength(1);
    // Two minutes after the session started, whichever worker looks: nothing is pushed.
    clock += EMPTY_POLICY_GRACE_MS / 2;
    await wake().update('retry');
    expect((await policy()).records).toEqual([]);
  });

  it('does not apply when the admin empties the policy while the browser runs', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await wake().update('startup');
    await fakeBrowser.storage.managed.clear();
    await wake().update('managed-changed');
    expect((await policy()).records).toEqual([]);
  });
});

describe('the last good pack of each source', () => {
  it('is not lost to an offer that clashes with it and is then refused', async () => {
    const url = server.url('/b.json');
    server.publish('/b.json', packText(makePack({ id: 'acme-b' })), key);
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({ id: 'acme-a' }))],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-a', 'acme-b']);

    // The inline pack now claims acme-b's id, and does not compile: it is refused, so it
    // takes nothing from acme-b, and packs[0] keeps its last good pack too.
    const broken = makePack({ id: 'acme-b', extra: { extends: ['acme-missing'] } });
    await fakeBrowser.storage.managed.set({
      packs: [packText(broken)],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('managed-changed');
    expect((await policy()).records.map((r) => `${r.origin}:${r.pack.id}`)).toEqual([
      'packs[0]:acme-a',
      `${url}:acme-b`,
    ]);
    expect((await errorOf('packs[0]'))?.message).toMatch(/extends "acme-missing"/);
    expect(await errorOf(url)).toBeUndefined();
  });

  it('sets a floor: a URL never goes below a version once in force, even after a gap', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ version: '2.0.0' })), key);
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('startup');
    expect((await policy()).records.map((r) => r.pack.version)).toEqual(['2.0.0']);

    // For a while an inline pack takes the id, and the URL's pack is out of force.
    await fakeBrowser.storage.managed.set({
      packs: [packText(makePack({ term: 'Nightjar' }))],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('managed-changed');
    expect((await policy()).records.map((r) => r.source)).toEqual(['managed-inline']);

    // Then the inline pack goes and the host offers 1.0.0: refused, 2.0.0 was in force.
    server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key);
    await fakeBrowser.storage.managed.set({
      packs: [],
      packUrls: [url],
      publicKeys: [key.publicKey],
    });
    await updater().update('managed-changed');
    expect((await policy()).records).toEqual([]);
    expect(await errorOf(url)).toMatchObject({
      code: 'older-version',
      message: expect.stringMatching(/older than version 2\.0\.0/),
    });
  });

  it('are written again when the packs-in-force value has gone from storage', async () => {
    await fakeBrowser.storage.managed.set({ packs: [packText(makePack({}))] });
    await updater().update('startup');
    await activePolicyItem.removeValue();
    await updater().update('wake');
    expect((await policy()).records.map((r) => r.pack.id)).toEqual(['acme-social']);
  });
});
