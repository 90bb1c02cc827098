import nlp from 'compromise';

/**
 * People's names in a text, found by compromise's tagger. This module is the only part of
 * the entities rule that needs NLP: it is kept apart so the extension can load it lazily
 * (compromise is large, and tagging a 3,000-character post takes milliseconds, not
 * microseconds like the pattern checks).
 */

export interface NameSpan {
  start: number;
  end: number;
}

interface OffsetJson {
  offset?: { start: number; length: number };
}

/** Characters compromise keeps around a name that are not part of it ("Mr. Chen." → "Mr. Chen"). */
const EDGE = /[\p{L}\p{M}\p{N}]/u;

// Several rules, and keystrokes that leave a stretch of the post unchanged, ask about the
// same text again: remember the last few answers.
const CACHE_SIZE = 16;
const cache = new Map<string, NameSpan[]>();

export function findPeople(text: string): NameSpan[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const people: NameSpan[] = [];
  const found = nlp(text).people().json({ offset: true }) as OffsetJson[];
  for (const person of found) {
    if (!person.offset) continue;
    let start = person.offset.start;
    let end = start + person.offset.length;
    while (start < end && !EDGE.test(text.charAt(start))) start++;
    while (end > start && !EDGE.test(text.charAt(end - 1))) end--;
    if (end > start) people.push({ start, end });
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, people);
  return people;
}
