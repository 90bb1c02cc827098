import currencies from '../../data/currencies.json';
import tlds from '../../data/tlds.json';
import type { EntityType } from '../../pack/schema';

/**
 * Pattern scanners for the entities rule: one regular expression per entity type, built
 * once at module load, each a single left-to-right pass over the text. Lookarounds keep
 * them on boundaries ("415-555-0100" is a phone, "2024-01-15" and "v1.2.3" are not).
 */

export type PatternEntity = Exclude<EntityType, 'person'>;

export interface EntitySpan {
  type: EntityType;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so "US$" wins over "$" and "billion" over "b". */
const alternation = (items: readonly string[]) =>
  [...items]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}@-]|\.[\p{L}\p{N}])/gu;

// International numbers start with +country code; national ones are the US 3-3-4 form
// (with optional leading 1) or a 0-prefixed trunk number with separators (020 7946 0958).
const SEP = String.raw`[ .\-\u00a0]`;
const PHONE_INTL = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])\+\d{1,3}(?:${SEP}?(?:\(\d{1,4}\)|\d{1,5})){1,6}(?![\p{L}\p{N}]|[.,\/-]\d)`,
  'gu',
);
const PHONE_NATIONAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}+$€£¥.,\/:-])(?:1${SEP})?(?:\(\d{3}\)${SEP}?|\d{3}${SEP})\d{3}${SEP}\d{4}` +
    String.raw`(?![\p{L}\p{N}]|[.,\/:-]\d)` +
    String.raw`|(?<![\p{L}\p{N}+$€£¥.,\/:-])0\d{2,4}[ \-]\d{3,4}[ \-]?\d{3,4}(?![\p{L}\p{N}]|[.,\/:-]\d)`,
  'gu',
);

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MULTIPLIER_LETTERS = currencies.multipliers.filter((m) => m.length <= 2);
const MULTIPLIER_WORDS = currencies.multipliers.filter((m) => m.length > 2);
const MULTIPLIER = `(?:(?:${alternation(MULTIPLIER_LETTERS)})|\\s?(?:${alternation(MULTIPLIER_WORDS)}))(?![\\p{L}\\p{N}])`;
/** Currency words, matching a capitalised first letter too ("Dollars"). */
const CURRENCY_WORDS = alternation(currencies.words)
  .split('|')
  .map((w) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}`)
  .join('|');
const MONEY = new RegExp(
  [
    // $4.2M, €300k, £15 million, US$5, USD 1,200
    `(?<![\\p{L}\\p{N}])(?:${alternation(currencies.symbols)}|(?:${alternation(currencies.codes)})\\s?)${NUMBER}(?:${MULTIPLIER})?`,
    // 1.5bn dollars, 300 €, 1,200 USD
    `(?<![\\p{L}\\p{N}.,$€£¥])${NUMBER}(?:${MULTIPLIER})?\\s?(?:${alternation(currencies.codes)}|${CURRENCY_WORDS}|${alternation(currencies.symbols.filter((s) => !/\p{L}/u.test(s)))})(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'gu',
);

const PERCENT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${NUMBER}\\s?(?:%|(?:percent|per\\s?cent|pct)(?![\\p{L}]))`,
  'giu',
);

const TLDS = alternation(tlds.tlds);
// With a scheme or www., anything up to a space is the URL; a bare domain only counts with
// a known top-level domain. Trailing punctuation is trimmed after matching.
const URL_PATTERN = new RegExp(
  String.raw`\bhttps?:\/\/[^\s<>"'\x60]+` +
    String.raw`|(?<![\p{L}\p{N}@.\/_-])www\.[\p{L}\p{N}-]+\.[^\s<>"'\x60]+` +
    String.raw`|(?<![\p{L}\p{N}@.\/_-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:${TLDS})` +
    String.raw`(?![\p{L}\p{N}_-]|['’]\p{L})(?::\d{2,5})?(?:[\/?#][^\s<>"'\x60]*)?`,
  'giu',
);

const TRAILING = /[.,;:!?'"’”»…*]/;

/** The URL without punctuation that ends the sentence around it; a ")" stays if "(" is in it. */
function trimUrl(url: string): number {
  let end = url.length;
  for (;;) {
    const c = url.charAt(end - 1);
    if (TRAILING.test(c)) end--;
    else if (c === ')' && count(url, '(', end) < count(url, ')', end)) end--;
    else if (c === ']' && count(url, '[', end) < count(url, ']', end)) end--;
    else return end;
  }
}

function count(s: string, ch: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charAt(i) === ch) n++;
  return n;
}

/**
 * "Acme.com" and "ACME.COM" are domains; "finished.It" is a missing space. A bare
 * domain's top-level domain must be lower case unless the whole domain is upper case.
 */
function isPlausibleBareDomain(url: string): boolean {
  const host = url.split(/[/?#:]/, 1)[0] ?? url;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return tld === tld.toLowerCase() || host === host.toUpperCase();
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

type Scanner = (text: string, out: EntitySpan[]) => void;

function scanAll(pattern: RegExp, type: EntityType, accept?: (m: string) => number): Scanner {
  return (text, out) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const length = accept ? accept(m[0]) : m[0].length;
      if (length > 0) out.push({ type, start: m.index, end: m.index + length });
    }
  };
}

export const SCANNERS: Record<PatternEntity, Scanner> = {
  email: scanAll(EMAIL, 'email'),
  phone: (text, out) => {
    scanAll(PHONE_INTL, 'phone', (m) => (digitCount(m) >= 8 && digitCount(m) <= 15 ? m.length : 0))(
      text,
      out,
    );
    scanAll(PHONE_NATIONAL, 'phone', (m) => (digitCount(m) <= 11 ? m.length : 0))(text, out);
  },
  money: scanAll(MONEY, 'money'),
  percent: scanAll(PERCENT, 'percent'),
  url: scanAll(URL_PATTERN, 'url', (m) => {
    const end = trimUrl(m);
    const url = m.slice(0, end);
    if (/^https?:\/\//i.test(url)) return /^https?:\/\/[\p{L}\p{N}]/iu.test(url) ? end : 0;
    if (/^www\./i.test(url)) return end;
    return isPlausibleBareDomain(url) ? end : 0;
  }),
};
