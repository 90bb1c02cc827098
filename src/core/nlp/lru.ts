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
 */
export class LruCache<V> {
  /** By key, each with its key as kept (a copy): re-inserting uses it, not the caller's. */
  private readonly entries = new Map<string, { key: string; value: V }>();
  private chars = 0;

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
    // A Map iterates in insertion order: re-inserting makes this the most recent.
    this.entries.delete(key);
    this.entries.set(entry.key, entry);
    return entry.value;
  }

  /** Keeps a copy of `key` of its own (see detached); what `value` holds is the caller's. */
  set(key: string, value: V): void {
    // A key over the whole budget would evict everything and still not fit.
    if (key.length > this.maxChars) return;
    if (this.entries.delete(key)) this.chars -= key.length;
    const kept = detached(key);
    this.entries.set(kept, { key: kept, value });
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
}
