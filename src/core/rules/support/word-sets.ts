/** Some of an object's word lists as sets, for lookups by word key (see wordKey). */
export function wordSets<T extends { [K in N]: readonly string[] }, N extends keyof T>(
  lists: T,
  names: readonly N[],
): { readonly [K in N]: ReadonlySet<string> } {
  const sets = {} as { [K in N]: ReadonlySet<string> };
  for (const name of names) sets[name] = new Set(lists[name]);
  return sets;
}
