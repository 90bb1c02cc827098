import { describe, expect, it } from 'vitest';
import type { Network } from '@/src/core/pack/schema';
import { weeklyFiguresFromRows } from '@/src/store/activity';
import { recentWeeks } from '@/src/store/weeks';
import { openDatabase } from '@/src/store/db';
import type { ShareEvent } from '@/src/store/schema';
import { describeDatabaseError } from '@/src/store/db-errors';
import { logInsert, queryLog, readActivity, readLog } from '@/src/store/share-log';
import { queryAcknowledgements, readAcknowledgements } from '@/src/store/acknowledgement-log';

let counter = 0;
const freshDb = () => openDatabase(`postguard-log-${++counter}`);
const NETWORKS: Network[] = ['x', 'facebook', 'linkedin'];
const NOW = new Date(2026, 10, 24, 15);

/** 400 shares over the 20 weeks before NOW, every network, both actions. */
function history(): ShareEvent[] {
  return Array.from({ length: 400 }, (_, i) => ({
    contentId: `item-${i % 7}`,
    network: NETWORKS[i % 3]!,
    action: i % 3 === 1 ? 'inserted' : 'posted',
    at: NOW.getTime() - i * 8.4 * 3_600_000,
    packId: 'acme-social',
    packVersion: '2026.11.2',
    edited: i % 5 === 0,
  }));
}

describe('the activity log', () => {
  it('logs an insert from the popup as not edited', async () => {
    const db = freshDb();
    await logInsert(db, {
      contentId: 'roadrunner-3-launch',
      network: 'linkedin',
      packId: 'acme-social',
      packVersion: '2026.11.2',
      at: NOW.getTime(),
    });
    const [logged] = await db.shares.toArray();
    expect(logged).toMatchObject({
      contentId: 'roadrunner-3-launch',
      network: 'linkedin',
      action: 'inserted',
      edited: false,
      week: '2026-11-23',
    });
  });

  it('reads weekly figures from the tallies, equal to counting every row', async () => {
    const db = freshDb();
    const rows = history();
    await db.shares.bulkAdd(rows);
    const summary = await readActivity(db, { now: NOW, weekCount: 12 });
    expect(summary.weeks.map((w) => w.week)).toEqual(recentWeeks(NOW, 12));
    expect(summary.weeks).toEqual(
      weeklyFiguresFromRows(await db.shares.toArray(), recentWeeks(NOW, 12)),
    );
    const items = summary.items.reduce((sum, t) => sum + t.count, 0);
    expect(items).toBe(400);
  });

  it('filters by network, action and days, newest first, and counts when it is cheap', async () => {
    const db = freshDb();
    await db.shares.bulkAdd(history());
    const all = await db.shares.toArray();

    const linkedin = await queryLog(db, { network: 'linkedin' }, 10);
    expect(linkedin.rows).toHaveLength(10);
    expect(linkedin.rows.every((r) => r.network === 'linkedin')).toBe(true);
    expect(linkedin.rows.map((r) => r.at)).toEqual(
      [...linkedin.rows.map((r) => r.at)].sort((a, b) => b - a),
    );
    expect(linkedin.total).toBe(all.filter((r) => r.network === 'linkedin').length);

    const days = { from: '2026-11-20', to: '2026-11-22', action: 'inserted' as const };
    const inWindow = all.filter(
      (r) =>
        r.action === 'inserted' &&
        r.at >= new Date(2026, 10, 20).getTime() &&
        r.at < new Date(2026, 10, 23).getTime(),
    );
    const page = await queryLog(db, days, 1000);
    expect(page.total).toBe(inWindow.length);
    expect(page.rows.map((r) => r.id).sort()).toEqual(inWindow.map((r) => r.id).sort());

    const both = await queryLog(db, { network: 'x', action: 'posted' }, 1000);
    expect(both.rows.length).toBe(
      all.filter((r) => r.network === 'x' && r.action === 'posted').length,
    );
    expect(both.total).toBe(both.rows.length);
    const truncated = await queryLog(db, { network: 'x', action: 'posted' }, 5);
    expect(truncated.rows).toHaveLength(5);
    expect(truncated.total).toBeUndefined();
  });

  it('exports every matching row, oldest first', async () => {
    const db = freshDb();
    await db.shares.bulkAdd(history());
    const rows = await readLog(db);
    expect(rows).toHaveLength(400);
    expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort((a, b) => a - b));
    expect(await readLog(db, { network: 'facebook' })).toHaveLength(133);
  });
});

describe('the “Post anyway” entries', () => {
  it('reads them newest first by network and days, counts them, and exports oldest first', async () => {
    const db = freshDb();
    await db.acknowledgements.bulkAdd(
      Array.from({ length: 30 }, (_, i) => ({
        ruleIds: [`rule-${i % 4}`],
        network: NETWORKS[i % 3]!,
        packs: [{ id: 'acme-social', version: '2026.11.2' }],
        at: NOW.getTime() - i * 86_400_000,
      })),
    );
    const all = await queryAcknowledgements(db, {}, 10);
    expect(all.total).toBe(30);
    expect(all.rows).toHaveLength(10);
    expect(all.rows[0]!.at).toBe(NOW.getTime());
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort((a, b) => b - a));

    const linkedin = await queryAcknowledgements(
      db,
      { network: 'linkedin', from: '2026-11-15', to: '2026-11-24' },
      10,
    );
    expect(linkedin.rows.map((r) => r.network)).toEqual(['linkedin', 'linkedin', 'linkedin']);
    expect(linkedin.total).toBe(3);

    const exported = await readAcknowledgements(db, { network: 'x' });
    expect(exported).toHaveLength(10);
    expect(exported[0]!.at).toBeLessThan(exported[9]!.at);
  });
});

describe('database problems in words', () => {
  it('a database from a newer release is a version problem', async () => {
    const name = `postguard-newer-${++counter}`;
    const db = openDatabase(name);
    await db.open();
    db.close();
    // What an older build meets: asking for a lower version than the one on disk.
    const error = await new Promise<unknown>((resolve) => {
      const request = indexedDB.open(name, 10);
      request.onerror = () => resolve(request.error);
      request.onsuccess = () => resolve(undefined);
    });
    expect(describeDatabaseError(error)).toMatchObject({ kind: 'version' });
  });

  it('a full disk, a closed database and anything else', () => {
    expect(
      describeDatabaseError(new DOMException('Quota exceeded', 'QuotaExceededError')).kind,
    ).toBe('full');
    expect(
      describeDatabaseError({
        name: 'AbortError',
        message: 'aborted',
        inner: new DOMException('x', 'QuotaExceededError'),
      }).kind,
    ).toBe('full');
    expect(describeDatabaseError({ name: 'DatabaseClosedError', message: 'closed' }).kind).toBe(
      'unavailable',
    );
    const other = describeDatabaseError(new Error('boom'));
    expect(other.kind).toBe('failed');
    expect(other.detail).toBe('Error: boom');
    expect(other.message).toMatch(/could not read or save/);
  });
});
