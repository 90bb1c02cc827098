import { LruCache } from '../nlp/lru';
import { findPeople } from '../nlp/people';
import type { EntitiesRule } from '../pack/schema';
import { removeSuggestion } from '../suggestions';
import { paragraphs, type TextAnalysis, type WordToken } from '../text/analysis';
import { inflections } from '../text/inflect';
import { joinedKey, PhraseMatcher } from '../text/phrases';
import { compileAllowList } from './entities/allow';
import { compilePhoneScanner } from './entities/phones';
import { compileLinkScanner } from './entities/links';
import { SCANNERS, type EntitySpan, type Scanner } from './entities/scanners';
import { defineRule, wordIndexAt } from './support/finding';

/**
 * `entities`: personal and business details (emails, phones, money, URLs, percentages,
 * people's names). Patterns find all but names; names come from the NLP module, which is
 * only called when the rule asks for `person`.
 */

const DEFAULT_WINDOW = 8;

/** Index of the last word that starts before `offset`, or -1. */
function lastWordBefore(words: readonly WordToken[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as WordToken).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The `near` words with their inflections ("client" also finds "clients", "client's"). */
function compileNear(near: readonly string[] | undefined): PhraseMatcher<true> | undefined {
  if (!near || near.length === 0) return undefined;
  const matcher = new PhraseMatcher<true>(false);
  for (const phrase of near) {
    const parsed = matcher.add(phrase, true);
    const last = parsed.words[parsed.words.length - 1];
    if (!last) continue;
    for (const form of inflections(last, parsed.words.length > 1)) {
      matcher.insert(
        [...parsed.keys.slice(0, -1), joinedKey([form], false)],
        true,
        parsed.prefix,
        parsed.suffix,
      );
    }
  }
  return matcher;
}

/** Spans found by two scanners (a URL holding an email) keep the earlier, longer one. */
function withoutOverlaps(spans: EntitySpan[]): EntitySpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: EntitySpan[] = [];
  let reached = -1;
  for (const span of spans) {
    if (span.start < reached) continue;
    kept.push(span);
    reached = span.end;
  }
  return kept;
}

/** Word ranges [first, last] of the near words in the text. */
function nearRanges(matcher: PhraseMatcher<true>, analysis: TextAnalysis): [number, number][] {
  const words = analysis.words();
  return matcher
    .match(analysis)
    .map((hit) => [wordIndexAt(words, hit.start), lastWordBefore(words, hit.end)]);
}

function isNear(
  ranges: readonly [number, number][],
  first: number,
  last: number,
  window: number,
): boolean {
  return ranges.some(
    ([c, d]) => (d < first && first - d <= window) || (c > last && c - last <= window),
  );
}

/** Words either side of the reach of a near word that NLP also reads, so a name on the edge is whole. */
const NAME_PADDING = 3;

/**
 * The stretches of text (UTF-16 ranges) that are within reach of a near word. Names are
 * only looked for there: NLP is the slow part of a check, and most posts have no near word.
 */
function nearStretches(
  words: readonly WordToken[],
  ranges: readonly [number, number][],
  window: number,
): [number, number][] {
  const reach = window + NAME_PADDING;
  const stretches: [number, number][] = [];
  for (const [c, d] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const from = (words[Math.max(0, c - reach)] as WordToken).start;
    const to = (words[Math.min(words.length - 1, d + reach)] as WordToken).end;
    const previous = stretches[stretches.length - 1];
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else stretches.push([from, to]);
  }
  return stretches;
}

/**
 * How far around a paragraph the scanners read: a phone's lead-in words 40 characters back,
 * a character or two either side of a match. None of their matches holds a blank line (links
 * and emails hold no white space, phones no line break, money and percentages one white
 * space at most), so what they find in a paragraph is what they find there in the whole text.
 */
const SCAN_MARGIN = 64;

/**
 * The scanners' spans in `text`, paragraph by paragraph: each paragraph is scanned with its
 * margins once and its spans kept (by that text, offsets from the paragraph's start), so a
 * keystroke scans the paragraph it changed. People's names are found apart (nlp/people.ts).
 */
export function scanByParagraph(
  text: string,
  scanners: readonly Scanner[],
  known: LruCache<Map<string, EntitySpan[]>>,
): EntitySpan[] {
  const found: EntitySpan[] = [];
  const pieces = paragraphs(text);
  if (pieces.length === 1) {
    for (const scan of scanners) scan(text, found);
    return found;
  }
  for (const { start, end } of pieces) {
    const from = Math.max(0, start - SCAN_MARGIN);
    const to = Math.min(text.length, end + SCAN_MARGIN);
    const window = text.slice(from, to);
    // By the stretch as cut (a key joined from it would be copied whole to be looked up),
    // then by where the paragraph is in it.
    let byPlace = known.get(window);
    if (!byPlace) {
      byPlace = new Map();
      known.set(window, byPlace);
    }
    const place = `${start - from}|${end - from}`;
    let spans = byPlace.get(place);
    if (!spans) {
      const all: EntitySpan[] = [];
      for (const scan of scanners) scan(window, all);
      spans = all
        .filter((span) => span.start >= start - from && span.start < end - from)
        .map((span) => ({
          ...span,
          start: span.start + from - start,
          end: span.end + from - start,
        }));
      byPlace.set(place, spans);
    }
    for (const span of spans)
      found.push({ ...span, start: span.start + start, end: span.end + start });
  }
  return found;
}

export const compileEntitiesRule = defineRule<EntitiesRule>((rule, context) => {
  const types = new Set(rule.entities);
  const scanners: Scanner[] = [];
  if (types.has('url') || types.has('email'))
    scanners.push(compileLinkScanner({ url: types.has('url'), email: types.has('email') }));
  if (types.has('phone')) scanners.push(compilePhoneScanner(rule.regions));
  if (types.has('money')) scanners.push(SCANNERS.money);
  if (types.has('percent')) scanners.push(SCANNERS.percent);
  const wantsPeople = rule.entities.includes('person');
  const allow = compileAllowList(rule.allow);
  const near = compileNear(rule.near);
  const window = rule.window ?? DEFAULT_WINDOW;
  const scanned = new LruCache<Map<string, EntitySpan[]>>(1_024, 200_000);

  return (analysis) => {
    const { text } = analysis;
    // With `near`, a post without any near word has nothing to report: skip the scanning.
    const ranges = near ? nearRanges(near, analysis) : undefined;
    if (ranges && ranges.length === 0) return [];

    // Without paragraphs (the whole-check baseline the incremental tests compare with), the
    // whole text is scanned and nothing is kept.
    const found: EntitySpan[] = [];
    if (analysis.byParagraph === false) for (const scan of scanners) scan(text, found);
    else found.push(...scanByParagraph(text, scanners, scanned));
    if (wantsPeople) {
      const stretches: [number, number][] = ranges
        ? nearStretches(analysis.words(), ranges, window)
        : [[0, text.length]];
      for (const [from, to] of stretches) {
        for (const person of findPeople(text.slice(from, to), context.languages)) {
          found.push({ type: 'person', start: from + person.start, end: from + person.end });
        }
      }
    }
    if (found.length === 0) return [];

    let spans = withoutOverlaps(found).filter(
      (span) => !allow.allows(span, text.slice(span.start, span.end)),
    );
    if (ranges) {
      const words = analysis.words();
      spans = spans.filter((span) =>
        isNear(ranges, wordIndexAt(words, span.start), lastWordBefore(words, span.end), window),
      );
    }
    return spans.map((span) => ({
      start: span.start,
      end: span.end,
      suggestions: [removeSuggestion(text, span.start, span.end)],
    }));
  };
});
