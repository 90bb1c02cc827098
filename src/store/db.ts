import Dexie from 'dexie';
import { tallyShares } from './activity';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  type ItemTally,
  type PostguardDb,
  type ShareEvent,
  type WeeklyTally,
} from './schema';
import { tallyMiddleware, upgradeShareRow } from './tallies';

export const DATABASE_NAME = 'postguard';

export interface OpenOptions {
  /**
   * Called when another connection holding an older version keeps the upgrade waiting; the
   * page says so instead of hanging on "Loading".
   */
  onBlocked?: () => void;
}

/** Opens the activity database at the current version, upgrading older data in place. */
export function openDatabase(name = DATABASE_NAME, options: OpenOptions = {}): PostguardDb {
  const db = new Dexie(name) as PostguardDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // Every v1 row is kept, given its week (and the defaults v1 left implicit), then counted.
      const shares = tx.table<ShareEvent, number>('shares');
      const rows = (await shares.toArray()).map(upgradeShareRow);
      // Cleared and written afresh rather than put over: replacing a row makes IndexedDB
      // find and drop its old index entries one by one, which fake-indexeddb (and so the
      // tests) does in time linear in the table. Same ids, same transaction: all or nothing.
      await shares.clear();
      await shares.bulkAdd(rows);
      const tallies = tallyShares(rows);
      await tx.table<WeeklyTally>('weeklyTallies').bulkPut(tallies.weekly);
      await tx.table<ItemTally>('itemTallies').bulkPut(tallies.items);
    });
  db.version(3).stores(SCHEMA_V3);
  db.use(tallyMiddleware());
  if (options.onBlocked) db.on('blocked', options.onBlocked);
  return db;
}

/**
 * The database exactly as release 1 defined it. Only for the migration test, which fills a
 * v1 database with it and then opens that with `openDatabase`.
 */
export function openDatabaseV1(name = DATABASE_NAME): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  return db;
}
