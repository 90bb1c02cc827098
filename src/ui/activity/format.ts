/** Dates as the person reads them, in their own language. */

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** `2026-11-23` → "23 Nov" (or "Nov 23", as the locale writes it). */
export function formatWeek(week: string): string {
  const [y, m, d] = week.split('-').map(Number) as [number, number, number];
  return shortDay.format(new Date(y, m - 1, d));
}

export function formatTime(at: number): string {
  return dayAndTime.format(new Date(at));
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
