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

// Several rules (and each keystroke that does not change the text) ask about the same text.
let cache: { text: string; people: NameSpan[] } | undefined;

export function findPeople(text: string): NameSpan[] {
  if (cache?.text === text) return cache.people;
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
  cache = { text, people };
  return people;
}
