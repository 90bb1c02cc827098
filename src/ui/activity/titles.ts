import type { Pack } from '@/src/core/pack/schema';

/** Titles of every item the packs define, in force or not: the log names items by id. */
export function contentTitles(packs: readonly Pack[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const pack of packs) for (const item of pack.content) titles.set(item.id, item.title);
  return titles;
}
