/**
 * The built-in word lists, adjusted by a pack's `add` and `remove`. Lists are groups of
 * forms of one word, so removing "crap" also removes "crappy".
 */

export function listKey(word: string): string {
  return word.trim().toLowerCase().replaceAll('’', "'");
}

/** A word as a pack adds it, with its plural when it is a plain single word. */
export function formsOf(word: string): string[] {
  const w = word.trim();
  if (!/^\p{L}+$/u.test(w) || /s$/i.test(w)) return [w];
  return [
    w,
    /[^aeiou]y$/i.test(w) ? `${w.slice(0, -1)}ies` : /(?:x|ch|sh)$/i.test(w) ? `${w}es` : `${w}s`,
  ];
}

export function adjustGroups(
  groups: readonly (readonly string[])[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[][] {
  const removed = new Set(remove.map(listKey));
  const kept = groups
    .filter((group) => !group.some((form) => removed.has(listKey(form))))
    .map((g) => [...g]);
  for (const word of add) if (!removed.has(listKey(word))) kept.push(formsOf(word));
  return kept;
}

export function adjustList(
  list: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[] {
  return adjustGroups(
    list.map((item) => [item]),
    [],
    remove,
  )
    .flat()
    .concat(add.filter((word) => !remove.some((r) => listKey(r) === listKey(word))));
}
