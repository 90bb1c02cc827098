/**
 * A copy of `text` that holds no reference to the string it was cut from. V8 keeps a slice
 * as a view of its parent (a 100-character sentence cut from a 30,000-character post keeps
 * the post alive), so a cache of slices of every keystroke's text would hold every version
 * of the post. Joining forces a copy, the slice then views only that.
 */
export function detached(text: string): string {
  return `${text} `.slice(0, -1);
}

/**
 * A least-recently-used cache bounded twice: by entries and by the characters of its keys.
 * Keys here are sentences of posts, and one pasted "sentence" can be a 30,000-character
 * paragraph; counting entries alone would let a few pastes hold megabytes.
 *
 * A hit moves its entry to the recent end only when a quarter of the cache (by entries or by
 * characters) has been inserted since the entry last was: a check looks up every paragraph and
 * sentence of the post, and moving each on every hit (a delete and an insert, each hashing and
 * comparing a key of hundreds of characters) cost more than the lookups. An entry in use is
 * still moved long before it could be the oldest.
 */
export class LruCache<V> {
  /** By key, each with its key as kept (a copy): re-inserting uses it, not the caller's. */
  private readonly entries = new Map<string, Entry<V>>();
  private chars = 0;
  /** Insertions so far, and the characters of their keys: an entry's age is the difference. */
  private inserted = 0;
  private insertedChars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (
      (this.inserted - entry.inserted) * 4 >= this.maxEntries ||
      (this.insertedChars - entry.insertedChars) * 4 >= this.maxChars
    ) {
      // A Map iterates in insertion order: re-inserting makes this the most recent.
      this.entries.delete(key);
      this.insert(entry);
    }
    return entry.value;
  }

  /** Keeps a copy of `key` of its own (see detached); what `value` holds is the caller's. */
  set(key: string, value: V): void {
    // A key over the whole budget would evict everything and still not fit.
    if (key.length > this.maxChars) return;
    if (this.entries.delete(key)) this.chars -= key.length;
    const kept = detached(key);
    this.insert({ key: kept, value, inserted: 0, insertedChars: 0 });
    this.chars += kept.length;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  private insert(entry: Entry<V>): void {
    this.inserted += 1;
    this.insertedChars += entry.key.length;
    entry.inserted = this.inserted;
    entry.insertedChars = this.insertedChars;
    this.entries.set(entry.key, entry);
  }
}

interface Entry<V> {
  key: string;
  value: V;
  /** The cache's insertion count and inserted characters when this entry last went in. */
  inserted: number;
  insertedChars: number;
}
