/**
 * Whether two values are the same once stored. `chrome.storage` hands objects back with their
 * keys in its own order (Chromium sorts them) and without members that were undefined, so
 * comparing the JSON as written would find every stored pack changed: the background would
 * write the packs in force again on each start, and every tab would check again.
 */
export function sameWhenStored(a: unknown, b: unknown): boolean {
  return storedJson(a) === storedJson(b);
}

function storedJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}
