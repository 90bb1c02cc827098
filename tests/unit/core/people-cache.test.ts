import { describe, expect, it } from 'vitest';
import { LruCache } from '@/src/core/nlp/lru';

describe('the sentence cache', () => {
  it('drops the least recently used entry when full', () => {
    const cache = new LruCache<number>(2, 100);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('holds no more characters of keys than its budget', () => {
    const cache = new LruCache<number>(100, 10);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.set('cccc', 3);
    expect(cache.get('aaaa')).toBeUndefined();
    expect(cache.size).toBe(2);
    // a key over the whole budget is not kept, and evicts nothing
    cache.set('x'.repeat(11), 4);
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('counts a key once when it is set again', () => {
    const cache = new LruCache<number>(100, 8);
    cache.set('aaaa', 1);
    cache.set('aaaa', 2);
    cache.set('bbbb', 3);
    expect(cache.get('aaaa')).toBe(2);
    expect(cache.get('bbbb')).toBe(3);
  });

  it('keeps an entry in use however many others come and go', () => {
    const byEntries = new LruCache<number>(8, 10_000);
    const byChars = new LruCache<number>(1_000, 40);
    byEntries.set('kept', 0);
    byChars.set('kept', 0);
    for (let i = 0; i < 100; i++) {
      byEntries.set(`other ${i}`, i);
      byChars.set(`o${i}`.padEnd(6, '.'), i);
      expect(byEntries.get('kept'), `after ${i} others`).toBe(0);
      expect(byChars.get('kept'), `after ${i} others`).toBe(0);
    }
    expect(byEntries.size).toBe(8);
    expect(byEntries.get('other 91')).toBeUndefined();
    expect(byEntries.get('other 99')).toBe(99);
  });
});
