import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import type { DBCore, Middleware } from 'dexie';
import type { Network } from '@/src/core/pack/schema';
import { tallyShares } from '@/src/store/activity';
import { weekOf } from '@/src/store/weeks';
import { openDatabase } from '@/src/store/db';
import type { PostguardDb, ShareEvent } from '@/src/store/schema';
import { describeDatabaseError } from '@/src/store/db-errors';

let counter = 0;
const freshDb = () => openDatabase(`postguard-tallies-${++counter}`);

const share = (overrides: Partial<ShareEvent> = {}): ShareEvent => ({
  contentId: 'q4-report',
  network: 'x',
  action: 'inserted',
  at: new Date(2026, 10, 24, 12).getTime(),
  packId: 'acme-social',
  packVersion: '2026.11.2',
  edited: false,
  ...overrides,
});

const sorted = <T extends object>(list: T[]) =>
  [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The stored tallies are exactly what counting the rows gives. */
async function expectTalliesMatchRows(db: PostguardDb) {
  const rows = await db.shares.toArray();
  const expected = tallyShares(rows);
  expect(sorted(await db.weeklyTallies.toArray())).toEqual(
    sorted(expected.weekly.filter((t) => t.count !== 0)),
  );
  expect(sorted(await db.itemTallies.toArray())).toEqual(
    sorted(expected.items.filter((t) => t.count !== 0)),
  );
}

describe('tallies kept by the database', () => {
  it('a row added the way the background adds it (no week) gets its week and is counted', async () => {
    const db = freshDb();
    const at = new Date(2026, 10, 26, 9).getTime(); // a Thursday
    await db.shares.add(share({ action: 'posted', network: 'linkedin', at, edited: true }));
    const [row] = await db.shares.toArray();
    expect(row!.week).toBe('2026-11-23');
    expect(row!.week).toBe(weekOf(at));
    expect(await db.weeklyTallies.toArray()).toEqual([
      { week: '2026-11-23', network: 'linkedin', action: 'posted', count: 1 },
    ]);
    expect(await db.itemTallies.toArray()).toEqual([
      { contentId: 'q4-report', network: 'linkedin', action: 'posted', count: 1 },
    ]);
  });

  it('follows puts, deletes, modify, where-delete and clear', async () => {
    const db = freshDb();
    const ids = await db.shares.bulkAdd(
      Array.from({ length: 40 }, (_, i) =>
        share({
          contentId: `item-${i % 4}`,
          network: (['x', 'facebook', 'linkedin'] as const)[i % 3],
          action: i % 2 ? 'posted' : 'inserted',
          at: new Date(2026, 9, 1 + i).getTime(),
        }),
      ),
      { allKeys: true },
    );
    await expectTalliesMatchRows(db);

    const first = (await db.shares.get(ids[0]!))!;
    await db.shares.put({
      ...first,
      network: 'facebook',
      week: undefined,
      at: first.at + 20 * 86_400_000,
    });
    await expectTalliesMatchRows(db);

    await db.shares.delete(ids[1]!);
    await db.shares.bulkDelete([ids[2]!, ids[3]!, 999_999]);
    await expectTalliesMatchRows(db);

    await db.shares.where('contentId').equals('item-3').modify({ action: 'posted' });
    await expectTalliesMatchRows(db);

    await db.shares.where('[network+at]').between(['x', -Infinity], ['x', Infinity]).delete();
    await expectTalliesMatchRows(db);

    await db.shares.clear();
    expect(await db.weeklyTallies.count()).toBe(0);
    expect(await db.itemTallies.count()).toBe(0);
  });

  it('counts only the rows a partly failing bulkAdd wrote', async () => {
    const db = freshDb();
    await db.shares.add(share({ id: 5 }));
    await expect(
      db.shares.bulkAdd([
        share({ id: 4 }),
        share({ id: 5 }),
        share({ id: 6, network: 'facebook' }),
      ]),
    ).rejects.toThrow(Dexie.BulkError);
    expect(await db.shares.count()).toBe(3);
    await expectTalliesMatchRows(db);
  });

  it('stays exact under any mix of writes (property)', async () => {
    const network = fc.constantFrom<Network>('x', 'facebook', 'linkedin');
    const row = fc.record({
      contentId: fc.constantFrom('a', 'b', 'c'),
      network,
      action: fc.constantFrom<'inserted' | 'posted'>('inserted', 'posted'),
      at: fc.integer({ min: 1_750_000_000_000, max: 1_770_000_000_000 }),
      packId: fc.constant('p'),
      packVersion: fc.constant('1.0.0'),
      edited: fc.boolean(),
    });
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        rows: fc.array(row, { minLength: 1, maxLength: 5 }),
      }),
      fc.record({ kind: fc.constant('put' as const), index: fc.nat(), row }),
      fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
      fc.record({ kind: fc.constant('retag' as const), network }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 8 }), async (operations) => {
        const db = freshDb();
        for (const op of operations) {
          const keys = await db.shares.toCollection().primaryKeys();
          if (op.kind === 'add') await db.shares.bulkAdd(op.rows);
          else if (op.kind === 'put' && keys.length)
            await db.shares.put({ ...op.row, id: keys[op.index % keys.length] });
          else if (op.kind === 'delete' && keys.length)
            await db.shares.delete(keys[op.index % keys.length]!);
          else if (op.kind === 'retag')
            await db.shares.where('contentId').equals('a').modify({ network: op.network });
        }
        await expectTalliesMatchRows(db);
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('a full disk fails the row and its count together, and says the disk is full', async () => {
    const db = freshDb();
    let diskFull = false;
    // Below the tallies, the store refuses writes as a browser does when its quota is used up.
    const fullDisk: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'FullDisk',
      level: -1,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'weeklyTallies') return table;
          return {
            ...table,
            mutate: (req) =>
              diskFull
                ? Promise.reject(
                    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                  )
                : table.mutate(req),
          };
        },
      }),
    };
    db.use(fullDisk);
    await db.shares.add(share());
    diskFull = true;
    const error = await db.shares.add(share({ network: 'facebook' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(describeDatabaseError(error).kind).toBe('full');
    diskFull = false;
    expect(await db.shares.count()).toBe(1);
    await expectTalliesMatchRows(db);
  });
});
