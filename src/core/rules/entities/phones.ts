import {
  findNumbers,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.min.json';
import { detached } from '../../nlp/lru';
import { RuleCompileError } from '../types';
import type { EntitySpan } from './scanners';

/**
 * Phone numbers, found and checked by libphonenumber-js against each region's numbering
 * plan (Google's metadata, kept current by the library). The "min" metadata is used: on
 * tests/data/phones.json it finds one number more than "max" (an Israeli mobile that "max"
 * calls invalid) and nothing less, and it is 73 kB smaller in the engine bundle; "max" adds
 * number types (mobile, fixed line), which this rule does not report.
 *
 * The library is asked only about stretches of text that could be a number (a run of
 * digits, spaces and phone punctuation with at least seven digits), so most of a post is
 * never looked at twice. On top of the library, what a post writes with digits but means
 * as something else is refused: dates, times, versions, IP addresses, prices, and order,
 * ticket or invoice numbers (a number after such a word, or after "#").
 */

type Scanner = (text: string, out: EntitySpan[]) => void;

/** Digits with what phones are written with between them; `+` and `(` may open one. */
const CANDIDATE = /(?:[(（]\+?|\+)?\d(?:[\d \u00a0().\-–/（）]*\d)?\)?/g;
const DIGIT = /\d/g;
/** What a number written as a phone has between its groups. */
const GROUPING = /[ \u00a0().\-–/（）]/;

/** Just before a number, these mean it is a price, a reference, a version or part of a word. */
const BAD_BEFORE = /[\p{L}\p{N}_$€£¥₹₩₽#@.,/+\-–=*^~]/u;
/** Just after it; after a slash, only a long run of digits ("415-555-0100/0101" is two lines). */
const BAD_AFTER = /^(?:[\p{L}\p{N}_%‰°@+]|[.,:\-–]\d|\/\d{5})/u;

const DATE =
  /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2}(?:\d{2})?)(?:\s*[-–]\s*\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})?$/;
const YEAR_RANGE = /^(?:1[89]|20)\d{2}\s*[-–/]\s*(?:(?:1[89]|20)\d{2}|\d{2})$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Words that make the number after them a reference, not a phone ("order 4155550100"). */
const REFERENCE_WORDS =
  /(?:^|[^\p{L}])(?:order|orders|ticket|tickets|invoice|invoices|inv|ref|reference|tracking|serial|isbn|issn|sku|confirmation|booking|claim|transaction|txn|receipt|item|part|model|build|version|ver|case|account|acct|iban|id|pin|code|po|zip|postcode|flight|room|patent|policy|member|membership|licence|license)\s*(?:no\.?|number|num|nr|#|:)?\s*[#:]?\s*$/iu;
/** Words that make a bare run of digits a phone ("call 4155550100"). */
const PHONE_WORDS =
  /(?:^|[^\p{L}])(?:phone|phones|tel|telephone|call|calls|calling|mobile|mob|cell|cellphone|whatsapp|sms|text|fax|dial|ring|contact|hotline|helpline|number|ph)\b[^\p{L}\p{N}]{0,4}(?:(?:me|us|him|her|them|at|on|is|no\.?)\s*[:.]?\s*){0,3}$|[☎📞📱]\s*[:.]?\s*$/iu;

const MIN_DIGITS = 7;
const MAX_DIGITS = 17;
const MAX_RUN_DIGITS = 40;
const CONTEXT = 40;
const MAX_KNOWN = 5_000;

function digitCount(s: string): number {
  DIGIT.lastIndex = 0;
  let n = 0;
  while (DIGIT.exec(s)) n++;
  return n;
}

/** The region of the runtime's locale ("en-GB" → GB), where the library knows it. */
function localeRegion(): CountryCode | undefined {
  try {
    const locale = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize();
    const region = locale.region;
    return region && isSupportedCountry(region as CountryCode, metadata)
      ? (region as CountryCode)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The regions a rule names, checked against the library's list; else the locale's. */
export function phoneRegions(regions: readonly string[] | undefined): CountryCode[] {
  if (!regions || regions.length === 0) {
    const region = localeRegion();
    return region ? [region] : ['US'];
  }
  return regions.map((region, index) => {
    if (!isSupportedCountry(region as CountryCode, metadata)) {
      throw new RuleCompileError(
        ['regions', index],
        `"${region}" is not a region with a phone numbering plan (ISO 3166 codes such as "US", "GB", "TR")`,
      );
    }
    return region as CountryCode;
  });
}

/**
 * "possible" leniency: the library checks the length against the region's plan, and this
 * module then asks for validity where the writing alone does not make a phone (below). The
 * typings omit `leniency`, which the matcher reads.
 */
function matcherOptions(country: CountryCode): { defaultCountry: CountryCode; v2: true } {
  return { defaultCountry: country, v2: true, leniency: 'POSSIBLE' } as {
    defaultCountry: CountryCode;
    v2: true;
  };
}

/** Whether the candidate `value` at `start` reads as something other than a phone. */
function isOtherNumber(text: string, start: number, end: number, value: string): boolean {
  const before = text.charAt(start - 1);
  if (before && BAD_BEFORE.test(before)) return true;
  // A colon after a digit is a time ("10:30 555 0100" is a time and a number, not a phone).
  if (before === ':' && /\d/.test(text.charAt(start - 2))) return true;
  if (BAD_AFTER.test(text.slice(end, end + 2))) return true;
  if (DATE.test(value) || YEAR_RANGE.test(value) || DOTTED_QUAD.test(value)) return true;
  const lead = text.slice(Math.max(0, start - CONTEXT), start);
  return REFERENCE_WORDS.test(lead);
}

/**
 * A number's span may start inside the candidate (the library skips a leading group it
 * cannot use). The finding is the library's span; the traps are tested on it.
 */
export function compilePhoneScanner(regions: readonly string[] | undefined): Scanner {
  const countries = phoneRegions(regions);

  /** Whether the library's reading of `text[start, end)` is a phone as this rule takes one. */
  function accepts(text: string, start: number, end: number, number: PhoneNumber): boolean {
    const value = text.slice(start, end);
    const digits = digitCount(value);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) return false;
    if (isOtherNumber(text, start, end, value)) return false;
    const grouped = value.startsWith('+') || GROUPING.test(value);
    // A run of digits is a phone only when valid and said to be one ("call 4155550100");
    // a possible but unassigned number (a drama range) only when written in groups.
    if (!grouped) {
      const lead = text.slice(Math.max(0, start - CONTEXT), start);
      return number.isValid() && PHONE_WORDS.test(lead);
    }
    return number.isValid() || /\s|\(/.test(value);
  }

  /** Numbers in `candidate` (at `offset` in the text), read in each region. */
  function read(text: string, candidate: string, offset: number, out: EntitySpan[]): number {
    const international = candidate.startsWith('+');
    const regionsToTry = international ? countries.slice(0, 1) : countries;
    // Most candidates that are phones are one number as a whole: one parse per region
    // (about 25 µs) instead of the library's search (60 to 250 µs).
    let readWhole = false;
    for (const country of regionsToTry) {
      const number = parsePhoneNumberFromString(
        candidate,
        { defaultCountry: country, extract: false },
        metadata,
      );
      if (!number?.isPossible()) continue;
      readWhole = true;
      const end = offset + candidate.length;
      if (accepts(text, offset, end, number)) {
        out.push({ type: 'phone', start: offset, end });
        return 1;
      }
    }
    // Read as a whole and refused ("555-123-4567" is no US number): a search would find the
    // same number and refuse it again.
    if (readWhole) return 0;
    let count = 0;
    for (const country of regionsToTry) {
      for (const found of findNumbers(candidate, matcherOptions(country), metadata)) {
        const start = offset + found.startsAt;
        const end = offset + found.endsAt;
        if (!accepts(text, start, end, found.number)) continue;
        // The same number read in several regions is one span: overlaps are merged later.
        out.push({ type: 'phone', start, end });
        count++;
      }
    }
    return count;
  }

  /** The phones in the candidate `found` at `index`, pushed to `out`. */
  function readCandidate(text: string, found: string, index: number, out: EntitySpan[]): void {
    // A line of more digits than a few phones hold is a table of figures: reading it would
    // cost a keystroke's budget many times over (the library tries every sub-run).
    if (digitCount(found) > MAX_RUN_DIGITS) return;
    // A date, a version, a price or a reference as a whole needs no library to refuse it.
    if (isOtherNumber(text, index, index + found.length, found)) return;
    // A number followed by another figure ("+44 20 7946 0958 2025") is read without it.
    let candidate = found;
    for (let tries = 0; tries < 3 && digitCount(candidate) >= MIN_DIGITS; tries++) {
      if (read(text, candidate, index, out) > 0) return;
      const lastGap = candidate.search(/[ \u00a0]\S*$/);
      if (lastGap <= 0) return;
      candidate = candidate.slice(0, lastGap);
    }
  }

  /**
   * What each candidate held, by the candidate with the text around it that the checks
   * read (offsets relative to the candidate): the next keystroke's check asks again.
   */
  const known = new Map<string, EntitySpan[]>();

  return (text, out) => {
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
      const from = Math.max(0, m.index - CONTEXT);
      const key = `${m.index - from}:${text.slice(from, m.index + m[0].length + 2)}`;
      let spans = known.get(key);
      if (!spans) {
        const found: EntitySpan[] = [];
        readCandidate(text, m[0], m.index, found);
        spans = found.map((span) => ({
          ...span,
          start: span.start - m.index,
          end: span.end - m.index,
        }));
        if (known.size >= MAX_KNOWN) known.clear();
        known.set(detached(key), spans);
      }
      for (const span of spans) {
        out.push({ type: 'phone', start: m.index + span.start, end: m.index + span.end });
      }
    }
  };
}
