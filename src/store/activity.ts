import { NETWORKS, type Network } from '@/src/core/pack/schema';
import type { ItemTally, ShareAction, ShareEvent, WeeklyTally } from './schema';
import { rowWeek } from './weeks';

/**
 * The activity log read as figures: tallies, weeks by network, top items, filters. Pure
 * functions over rows and tallies, so the popup, the options page, the database upgrade and
 * the benchmarks all count the same way.
 */

export interface Tallies {
  weekly: WeeklyTally[];
  items: ItemTally[];
}

/**
 * Counts rows by week, network and action, and by item, network and action. `sign` -1
 * un-counts them (rows deleted or replaced), so one function serves both ways.
 */
export function tallyShares(rows: Iterable<ShareEvent>, sign: 1 | -1 = 1): Tallies {
  const weekly = new Map<string, WeeklyTally>();
  const items = new Map<string, ItemTally>();
  for (const row of rows) {
    const week = rowWeek(row);
    const weekKey = `${week}\u0000${row.network}\u0000${row.action}`;
    const w = weekly.get(weekKey);
    if (w) w.count += sign;
    else weekly.set(weekKey, { week, network: row.network, action: row.action, count: sign });
    const itemKey = `${row.contentId}\u0000${row.network}\u0000${row.action}`;
    const i = items.get(itemKey);
    if (i) i.count += sign;
    else
      items.set(itemKey, {
        contentId: row.contentId,
        network: row.network,
        action: row.action,
        count: sign,
      });
  }
  return { weekly: [...weekly.values()], items: [...items.values()] };
}

export type NetworkCounts = Record<Network, number>;

export interface WeekFigure {
  week: string;
  posted: NetworkCounts;
  inserted: NetworkCounts;
}

const zeroCounts = (): NetworkCounts => ({ x: 0, facebook: 0, linkedin: 0 });

/** Shares per network for each of `weeks` (weeks with none are there, with zeros). */
export function weeklyFigures(
  tallies: Iterable<Pick<WeeklyTally, 'week' | 'network' | 'action' | 'count'>>,
  weeks: readonly string[],
): WeekFigure[] {
  const byWeek = new Map<string, WeekFigure>(
    weeks.map((week) => [week, { week, posted: zeroCounts(), inserted: zeroCounts() }]),
  );
  for (const tally of tallies) {
    const figure = byWeek.get(tally.week);
    if (figure) figure[tally.action][tally.network] += tally.count;
  }
  return [...byWeek.values()];
}

/** Weekly figures straight from rows: the same answer as from tallies, in one pass. */
export function weeklyFiguresFromRows(
  rows: Iterable<ShareEvent>,
  weeks: readonly string[],
): WeekFigure[] {
  const byWeek = new Map<string, WeekFigure>(
    weeks.map((week) => [week, { week, posted: zeroCounts(), inserted: zeroCounts() }]),
  );
  for (const row of rows) {
    const figure = byWeek.get(rowWeek(row));
    if (figure) figure[row.action][row.network] += 1;
  }
  return [...byWeek.values()];
}

export function total(counts: NetworkCounts): number {
  return NETWORKS.reduce((sum, network) => sum + counts[network], 0);
}

export interface TopItem {
  contentId: string;
  posted: number;
  inserted: number;
}

/** The items shared most: by posts, then by inserts, then by id so ties read the same way. */
export function topItems(
  tallies: Iterable<ItemTally>,
  options: { limit: number; network?: Network },
): TopItem[] {
  const byItem = new Map<string, TopItem>();
  for (const tally of tallies) {
    if (options.network && tally.network !== options.network) continue;
    let item = byItem.get(tally.contentId);
    if (!item)
      byItem.set(tally.contentId, (item = { contentId: tally.contentId, posted: 0, inserted: 0 }));
    item[tally.action] += tally.count;
  }
  return [...byItem.values()]
    .filter((item) => item.posted + item.inserted > 0)
    .sort(
      (a, b) =>
        b.posted - a.posted ||
        b.inserted - a.inserted ||
        (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0),
    )
    .slice(0, options.limit);
}

export interface LogFilter {
  network?: Network;
  action?: ShareAction;
  /** First day included, `YYYY-MM-DD`, on the person's calendar. */
  from?: string;
  /** Last day included, `YYYY-MM-DD`. */
  to?: string;
}

/** The epoch-millisecond bounds of a filter's days: [from 00:00, the day after `to` 00:00). */
export function filterBounds(filter: LogFilter): { start: number; end: number } {
  const start = filter.from ? dayStart(filter.from) : -Infinity;
  const end = filter.to ? dayStart(filter.to, 1) : Infinity;
  return { start, end };
}

function dayStart(date: string, plusDays = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}

export function matchesFilter(row: ShareEvent, filter: LogFilter): boolean {
  const { start, end } = filterBounds(filter);
  return (
    (!filter.network || row.network === filter.network) &&
    (!filter.action || row.action === filter.action) &&
    row.at >= start &&
    row.at < end
  );
}
