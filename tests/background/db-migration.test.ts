import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Network } from '@/src/core/pack/schema';
import { tallyShares } from '@/src/store/activity';
import { weekOf } from '@/src/store/weeks';
import { openDatabase, openDatabaseV1 } from '@/src/store/db';
import { CURRENT_VERSION, type Acknowledgement, type ShareEvent } from '@/src/store/schema';

const NETWORKS: Network[] = ['x', 'facebook', 'linkedin'];
const DAY = 86_400_000;
let counter = 0;
const freshName = () => `postguard-migration-${++counter}`;

/** Rows as release 1's background wrote them: posts only, some from before `edited` existed. */
function v1Shares(count: number): Omit<ShareEvent, 'id'>[] {
  const start = new Date(2025, 0, 1).getTime();
  return Array.from({ length: count }, (_, i) => {
    const row: Omit<ShareEvent, 'id'> = {
      contentId: `item-${i % 17}`,
      network: NETWORKS[i % 3]!,
      action: 'posted',
      at: start + i * 0.37 * DAY,
      packId: 'acme-social',
      packVersion: `2026.${1 + (i % 11)}.0`,
      edited: i % 4 === 0,
    };
    // A few rows from an early build that logged neither action nor edited.
    if (i % 50 === 7) {
      delete (row as Partial<ShareEvent>).edited;
      delete (row as Partial<ShareEvent>).action;
    }
    return row;
  });
}

function v1Acknowledgements(count: number): Omit<Acknowledgement, 'id'>[] {
  return Array.from({ length: count }, (_, i) => ({
    ruleIds: [`rule.${i % 5}`, 'confidential.codenames'],
    network: NETWORKS[i % 3]!,
    packs: [{ id: 'acme-social', version: '2026.11.2' }],
    at: 1_760_000_000_000 + i * 1000,
  }));
}

async function fillV1(name: string, shares: number, acks: number) {
  const v1 = openDatabaseV1(name);
  await v1.table('shares').bulkAdd(v1Shares(shares));
  await v1.table('acknowledgements').bulkAdd(v1Acknowledgements(acks));
  const before = {
    shares: (await v1.table('shares').toArray()) as ShareEvent[],
    acknowledgements: (await v1.table('acknowledgements').toArray()) as Acknowledgement[],
  };
  expect(v1.verno).toBe(1);
  v1.close();
  return before;
}

describe('database upgrade from v1 to v2', () => {
  it('keeps every share and acknowledgement, with its id, and gives each share its week', async () => {
    const name = freshName();
    const before = await fillV1(name, 1_200, 80);

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const shares = await db.shares.toArray();
    expect(shares).toHaveLength(before.shares.length);
    const byId = new Map(shares.map((row) => [row.id, row]));
    for (const old of before.shares) {
      const row = byId.get(old.id)!;
      expect(row).toBeDefined();
      expect(row).toEqual({
        ...old,
        action: old.action ?? 'posted',
        edited: old.edited ?? false,
        week: weekOf(old.at),
      });
    }
    expect(await db.acknowledgements.toArray()).toEqual(before.acknowledgements);
    db.close();
  });

  it('counts the old rows into the weekly and item tallies', async () => {
    const name = freshName();
    await fillV1(name, 600, 0);
    const db = openDatabase(name);
    const rows = await db.shares.toArray();
    const expected = tallyShares(rows);
    const byKey = <T extends object>(list: T[]) =>
      [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byKey(await db.weeklyTallies.toArray())).toEqual(byKey(expected.weekly));
    expect(byKey(await db.itemTallies.toArray())).toEqual(byKey(expected.items));
    const counted = (await db.weeklyTallies.toArray()).reduce((sum, t) => sum + t.count, 0);
    expect(counted).toBe(600);
    db.close();
  });

  it('serves the new indexes: network or action over a time range', async () => {
    const name = freshName();
    const before = await fillV1(name, 300, 0);
    const db = openDatabase(name);
    const from = before.shares[100]!.at;
    const to = before.shares[200]!.at;
    const linkedin = await db.shares
      .where('[network+at]')
      .between(['linkedin', from], ['linkedin', to], true, true)
      .toArray();
    expect(linkedin.map((r) => r.id)).toEqual(
      before.shares
        .filter((r) => r.network === 'linkedin' && r.at >= from && r.at <= to)
        .map((r) => r.id),
    );
    const posted = await db.shares
      .where('[action+at]')
      .between(['posted', from], ['posted', to], true, true)
      .count();
    expect(posted).toBe(101);
    db.close();
  });

  it('continues the id sequence after the old rows', async () => {
    const name = freshName();
    const before = await fillV1(name, 10, 0);
    const db = openDatabase(name);
    const id = await db.shares.add({
      contentId: 'new',
      network: 'x',
      action: 'inserted',
      at: Date.now(),
      packId: 'p',
      packVersion: '1.0.0',
      edited: false,
    });
    expect(id).toBeGreaterThan(Math.max(...before.shares.map((r) => r.id!)));
    db.close();
  });

  it('an empty v1 database upgrades too, and a new one starts at the current version', async () => {
    const name = freshName();
    await fillV1(name, 0, 0);
    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_VERSION);
    expect(await upgraded.shares.count()).toBe(0);
    upgraded.close();

    const created = openDatabase(freshName());
    await created.open();
    expect(created.verno).toBe(CURRENT_VERSION);
    expect(created.tables.map((t) => t.name).sort()).toEqual([
      'acknowledgements',
      'guideCompletions',
      'itemTallies',
      'shares',
      'weeklyTallies',
    ]);
    created.close();
  });

  it('a v1 connection left open by another page closes itself and the upgrade goes on', async () => {
    const name = freshName();
    await fillV1(name, 5, 0);
    const stale = openDatabaseV1(name);
    await stale.open();
    const db = openDatabase(name);
    await db.open();
    expect(await db.shares.count()).toBe(5);
    expect(stale.isOpen()).toBe(false);
    db.close();
  });

  it('says so when a connection that will not close blocks the upgrade', async () => {
    const name = freshName();
    await fillV1(name, 5, 0);
    // A raw connection (not Dexie) ignores the version change, as a hung page would.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let blocked = false;
    const db = openDatabase(name, { onBlocked: () => (blocked = true) });
    const opening = db.open();
    await expect.poll(() => blocked).toBe(true);
    raw.close();
    await opening;
    expect(await db.shares.count()).toBe(5);
    db.close();
  });

  it('Dexie keeps the native version at ten times the schema version', async () => {
    const name = freshName();
    const db = openDatabase(name);
    await db.open();
    db.close();
    const databases = await indexedDB.databases();
    expect(databases.find((d) => d.name === name)?.version).toBe(CURRENT_VERSION * 10);
    expect(Dexie.semVer).toMatch(/^4\./);
  });
});
