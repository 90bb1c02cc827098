import type { Network } from '@/src/core/pack/schema';
import {
  filterBounds,
  matchesFilter,
  weeklyFigures,
  type LogFilter,
  type WeekFigure,
} from './activity';
import { recentWeeks } from './weeks';
import type { ItemTally, PostguardDb, ShareEvent } from './schema';

/** Reads and writes of the activity log that the popup and the options page share. */

export interface InsertedShare {
  contentId: string;
  network: Network;
  packId: string;
  packVersion: string;
  at: number;
}

/** The popup logs its own inserts; the background logs the posts that follow. */
export async function logInsert(db: PostguardDb, share: InsertedShare): Promise<void> {
  await db.shares.add({ ...share, action: 'inserted', edited: false });
}

export interface ActivitySummary {
  weeks: WeekFigure[];
  items: ItemTally[];
}

/** The figures for the last `weekCount` weeks and every item's counts: reads of tallies only. */
export async function readActivity(
  db: PostguardDb,
  options: { now: Date; weekCount: number },
): Promise<ActivitySummary> {
  const weeks = recentWeeks(options.now, options.weekCount);
  const first = weeks[0] ?? '';
  const last = weeks.at(-1) ?? '';
  return db.transaction('r', db.weeklyTallies, db.itemTallies, async () => {
    // [week] sorts before every [week, network, action]; '\uffff' after every network name.
    const weekly = await db.weeklyTallies
      .where('[week+network+action]')
      .between([first], [last, '\uffff'], true, true)
      .toArray();
    const items = await db.itemTallies.toArray();
    return { weeks: weeklyFigures(weekly, weeks), items };
  });
}

type ShareCollection = ReturnType<PostguardDb['shares']['toCollection']>;

/** The rows a filter selects, through the index that narrows them most. */
function filtered(db: PostguardDb, filter: LogFilter): ShareCollection {
  const { start, end } = filterBounds(filter);
  const collection = filter.network
    ? db.shares.where('[network+at]').between([filter.network, start], [filter.network, end])
    : filter.action
      ? db.shares.where('[action+at]').between([filter.action, start], [filter.action, end])
      : db.shares.where('at').between(start, end);
  // The one condition the index did not apply (action, when filtering by network).
  return filter.network && filter.action
    ? collection.filter((row) => matchesFilter(row, filter))
    : collection;
}

export interface LogPage {
  rows: ShareEvent[];
  /** How many rows match in all; unknown when counting would walk the log row by row. */
  total: number | undefined;
}

/** The newest `limit` rows that match, newest first. */
export async function queryLog(
  db: PostguardDb,
  filter: LogFilter,
  limit: number,
): Promise<LogPage> {
  return db.transaction('r', db.shares, async () => {
    const rows = await filtered(db, filter).reverse().limit(limit).toArray();
    const total =
      filter.network && filter.action
        ? rows.length < limit
          ? rows.length
          : undefined
        : await filtered(db, filter).count();
    return { rows, total };
  });
}

/** Every row that matches, oldest first: what the export writes. */
export async function readLog(db: PostguardDb, filter: LogFilter = {}): Promise<ShareEvent[]> {
  return filtered(db, filter).toArray();
}
