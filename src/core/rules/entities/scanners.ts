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

/**
 * Addresses and bare domains are found from their anchors (an "@", a "." before a known
 * top-level domain), not by trying a pattern at every word: a pattern that starts with a
 * word-long class backtracks over each word, which costs more than all other scanners.
 */
const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN =
  /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}@-]|\.[\p{L}\p{N}])/uy;

// National numbers are the US 3-3-4 form (with optional leading 1) or a 0-prefixed trunk
// number with separators (020 7946 0958); international ones are read by readInternational.
const SEP = String.raw`[ .\-\u00a0]`;
/**
 * The groups of an international number ("+44 20 7946 0958", "+1 (415) 555-0100"), read
 * left to right without backtracking: digit runs or a bracketed area code, each after at
 * most one separator. Returns where the number ends and how many digits it has.
 */
const PHONE_SEPARATOR = /[ .\-\u00a0]/;
function readInternational(text: string, plus: number): { end: number; digits: number } {
  let end = plus + 1;
  let digits = 0;
  for (let i = plus + 1; i < text.length; ) {
    let j = i;
    if (j > plus + 1 && PHONE_SEPARATOR.test(text.charAt(j))) j++;
    const bracket = text.charAt(j) === '(';
    if (bracket) j++;
    const groupStart = j;
    while (isDigit(text.charCodeAt(j))) j++;
    const groupDigits = j - groupStart;
    if (groupDigits === 0) break;
    if (bracket) {
      if (groupDigits > 4 || text.charAt(j) !== ')') break;
      j++;
    }
    if (digits + groupDigits > 15) break;
    digits += groupDigits;
    end = j;
    i = j;
  }
  return { end, digits };
}

function scanInternationalPhones(text: string, out: EntitySpan[]): void {
  for (let plus = text.indexOf('+'); plus !== -1; plus = text.indexOf('+', plus + 1)) {
    if (!isDigit(text.charCodeAt(plus + 1)) || /[\p{L}\p{N}+]/u.test(text.charAt(plus - 1)))
      continue;
    const { end, digits } = readInternational(text, plus);
    const after = text.slice(end, end + 2);
    if (digits < 8 || digits > 15 || /^[\p{L}\p{N}]|^[.,/-]\d/u.test(after)) continue;
    out.push({ type: 'phone', start: plus, end });
    plus = end - 1;
  }
}

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
const CODES = alternation(currencies.codes);
const SYMBOLS = alternation(currencies.symbols);
const SIGNS = alternation(currencies.symbols.filter((symbol) => !/\p{L}/u.test(symbol)));
/** Before an amount: "$4.2M", "€300k", "£15 million", "US$5", "USD 1,200". */
const MONEY_BEFORE = `(?<![\\p{L}\\p{N}])(?:${SYMBOLS}|(?:${CODES})\\s?)${NUMBER}(?:${MULTIPLIER})?`;
/** After it: "1.5bn dollars", "300 €", "1,200 USD". */
const MONEY_AFTER = `(?<![\\p{L}\\p{N}.,$€£¥])${NUMBER}(?:${MULTIPLIER})?\\s?(?:${CODES}|${CURRENCY_WORDS}|${SIGNS})(?![\\p{L}\\p{N}])`;
/** What an amount can start with: one quick test before trying every currency at a position. */
const MONEY_START = `[\\d${[...new Set(currencies.symbols.concat(currencies.codes).map((c) => c.charAt(0)))].map(escape).join('')}]`;
const MONEY = new RegExp(`(?=${MONEY_START})(?:${MONEY_BEFORE}|${MONEY_AFTER})`, 'gu');

const PERCENT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${NUMBER}\\s?(?:%|(?:percent|per\\s?cent|pct)(?![\\p{L}]))`,
  'giu',
);

const TLDS = alternation(tlds.tlds);
const SCHEME = /\bhttps?:\/\/(?=[\p{L}\p{N}])/giu;
const WWW = /(?<![\p{L}\p{N}@./_-])www\.(?=[\p{L}\p{N}-]+\.[\p{L}\p{N}])/giu;
/** With a scheme or www., anything up to a space is the URL (then trailing punctuation goes). */
const URL_REST = /[^\s<>"'\x60]+/y;
const TLD_AFTER_DOT = new RegExp(String.raw`\.(?:${TLDS})(?![\p{L}\p{N}_-]|['’]\p{L})`, 'giu');
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const BARE_URL = new RegExp(
  String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:${TLDS})` +
    String.raw`(?![\p{L}\p{N}_-]|['’]\p{L})(?::\d{2,5})?(?:[\/?#][^\s<>"'\x60]*)?`,
  'iuy',
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

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
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

function scanEmails(text: string, out: EntitySpan[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_PART.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === '.') start++;
    if (start === at || text.charAt(at - 1) === '.') continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    out.push({ type: 'email', start, end });
    at = end - 1;
  }
}

function scanUrls(text: string, out: EntitySpan[]): void {
  const found: EntitySpan[] = [];
  for (const pattern of [SCHEME, WWW]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      URL_REST.lastIndex = m.index;
      const rest = URL_REST.exec(text);
      if (!rest || found.some((u) => u.start <= m.index && m.index < u.end)) continue;
      const end = m.index + trimUrl(rest[0]);
      found.push({ type: 'url', start: m.index, end });
      pattern.lastIndex = Math.max(pattern.lastIndex, end);
    }
  }
  let reached = 0;
  TLD_AFTER_DOT.lastIndex = 0;
  for (let m = TLD_AFTER_DOT.exec(text); m !== null; m = TLD_AFTER_DOT.exec(text)) {
    const dot = m.index;
    if (dot < reached || found.some((u) => u.start <= dot && dot < u.end)) continue;
    let start = dot;
    while (start > 0 && DOMAIN_CHAR.test(text.charAt(start - 1))) start--;
    while (start < dot && /[.-]/.test(text.charAt(start))) start++;
    // An address's domain, a path, or a name with an underscore is not a link of its own.
    if (start === dot || /[@/_]/.test(text.charAt(start - 1))) continue;
    BARE_URL.lastIndex = start;
    const bare = BARE_URL.exec(text);
    if (!bare) continue;
    const url = bare[0].slice(0, trimUrl(bare[0]));
    reached = start + bare[0].length;
    if (isPlausibleBareDomain(url)) found.push({ type: 'url', start, end: start + url.length });
  }
  out.push(...found);
}

export const SCANNERS: Record<PatternEntity, Scanner> = {
  email: scanEmails,
  phone: (text, out) => {
    scanInternationalPhones(text, out);
    scanAll(PHONE_NATIONAL, 'phone', (m) => (digitCount(m) <= 11 ? m.length : 0))(text, out);
  },
  money: scanAll(MONEY, 'money'),
  percent: scanAll(PERCENT, 'percent'),
  url: scanUrls,
};
