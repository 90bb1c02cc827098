import { localDate } from '@/src/core/dates';
import type { ShareEvent } from './schema';

// Weeks on the person's own calendar, named by their Monday.

/** The week a moment falls in, named by its Monday on the person's own calendar: `2026-11-23`. */
export function weekOf(at: number): string {
  const day = new Date(at);
  const sinceMonday = (day.getDay() + 6) % 7;
  return localDate(new Date(day.getFullYear(), day.getMonth(), day.getDate() - sinceMonday));
}

/** The `count` weeks that end with the week of `now`, oldest first. */
export function recentWeeks(now: Date, count: number): string[] {
  const monday = new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() - ((now.getDay() + 6) % 7),
  );
  const weeks: string[] = [];
  // Built from calendar fields, not by subtracting 7 × 24 h, so a DST change moves nothing.
  for (let back = count - 1; back >= 0; back -= 1) {
    weeks.push(
      localDate(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * back)),
    );
  }
  return weeks;
}

/** A row's week: the one recorded with it (v2 rows), else computed from its time. */
export function rowWeek(row: Pick<ShareEvent, 'at' | 'week'>): string {
  return row.week ?? weekOf(row.at);
}
