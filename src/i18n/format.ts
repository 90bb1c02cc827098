import { interfaceLocale } from './messages';

export { formatNumber } from './messages';

/** Dates as the person reads them, in the interface's language. */

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = interfaceLocale();
  const key = `${locale} ${name}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** A moment, to the minute: "3 Dec 2026, 14:05", "3 dic 2026, 14:05". */
export function formatTime(at: number): string {
  return dateFormat('time', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** A day: "3 Dec 2026", "3 déc. 2026". */
export function formatDay(at: number | Date): string {
  return dateFormat('day', { dateStyle: 'medium' }).format(at);
}

/** A day of a calendar date (`2026-11-23`), short and without the year: "23 Nov", "23. Nov.". */
export function formatShortDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateFormat('short day', { day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
}
