import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from '@/src/core/nlp/lru';
import { scanByParagraph } from '@/src/core/rules/entities';
import { compileLinkScanner } from '@/src/core/rules/entities/links';
import { compilePhoneScanner } from '@/src/core/rules/entities/phones';
import { SCANNERS, type EntitySpan, type Scanner } from '@/src/core/rules/entities/scanners';

/**
 * The entities rule scans each paragraph with its margins once and keeps its spans; whatever
 * the edits, that must find what scanning the whole text finds, in the order the rule then
 * reads them (by start, the longer first, ties in scanner order). The details are typed
 * where paragraphs meet: right after a blank line, right before one, a phone's lead-in word
 * ("call", "order") at the end of the paragraph before.
 */

const SEED = 20_261_206;

const scanners: Scanner[] = [
  compileLinkScanner({ url: true, email: true }),
  compilePhoneScanner(['US', 'GB', 'DE']),
  SCANNERS.money,
  SCANNERS.percent,
];

function wholeScan(text: string): EntitySpan[] {
  const found: EntitySpan[] = [];
  for (const scan of scanners) scan(text, found);
  return found;
}

/** The order withoutOverlaps reads spans in (a stable sort). */
function asRead(spans: EntitySpan[]): EntitySpan[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}

const DETAILS = [
  'maria.chen@gmail.com',
  'https://example.com/news/2026/launch',
  'acme.example',
  '415-555-0100',
  '+44 20 7946 0958',
  '(555) 123-4567',
  '4155550100',
  'call',
  'call me on',
  'order',
  'invoice no.',
  '$4.2M',
  '€300k',
  '1,200 USD',
  '12%',
  '50 per cent',
  '2026-01-15',
  '10:30',
];

const WORDS = ['Thanks', 'we', 'shipped', 'it', 'today', '.', ',', ':', 'and'];
const BLANK = fc.constantFrom('\n\n', '\n \n', '\n\n\n', '\r\n\r\n');

const paragraph = fc
  .array(fc.constantFrom(...DETAILS, ...WORDS), { minLength: 1, maxLength: 12 })
  .map((words) => words.join(' '));

const post = fc
  .array(fc.tuple(paragraph, BLANK), { minLength: 1, maxLength: 7 })
  .map((parts) => parts.map(([text, blank], i) => (i === 0 ? text : blank + text)).join(''));

type Edit = { at: number; insert: string } | { at: number; remove: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    at: fc.nat(),
    insert: fc.oneof(
      fc.constantFrom(...DETAILS).map((d) => ` ${d} `),
      BLANK,
      fc.constantFrom('5', ' ', '.', '@'),
    ),
  }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 6 }) }),
);

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return 'insert' in e
    ? text.slice(0, at) + e.insert + text.slice(at)
    : text.slice(0, at) + text.slice(at + e.remove);
}

describe('scanning for details paragraph by paragraph', () => {
  it('finds what scanning the whole text finds, after every edit of a random sequence', () => {
    const known = new LruCache<Map<string, EntitySpan[]>>(2_048, 400_000);
    let found = 0;
    fc.assert(
      fc.property(post, fc.array(edit, { maxLength: 12 }), (start, edits) => {
        let text = start;
        expect(asRead(scanByParagraph(text, scanners, known))).toEqual(asRead(wholeScan(text)));
        for (const e of edits) {
          text = apply(text, e);
          const expected = asRead(wholeScan(text));
          expect(asRead(scanByParagraph(text, scanners, known))).toEqual(expected);
          found += expected.length;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(found).toBeGreaterThan(1_000);
  });
});
