import currencies from '../../data/currencies.json';
import type { EntityType } from '../../pack/schema';

/**
 * Pattern scanners for the entities rule's money and percentages: one regular expression
 * per type, built once at module load, each a single left-to-right pass over the text.
 * Phones (phones.ts) and links and emails (links.ts) come from maintained libraries.
 */

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
 * A number as people write amounts, in English and in the other four languages posts are read
 * in: grouped by commas ("1,234,567.89"), by points ("1.234.567,89"), by spaces or apostrophes
 * ("1 234 567,89", "1'234.50"), or not at all, with a decimal point or comma ("4.5", "4,5").
 * Which separator is the decimal one does not matter: only the span is reported.
 */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00A0\u202F\u2009']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
/** Words matched with a capital first letter too ("Dollars", "Millionen", "Mio."). */
const eitherCase = (words: readonly string[]) =>
  alternation(words)
    .split('|')
    .map((w) => `[${w.charAt(0).toLowerCase()}${w.charAt(0).toUpperCase()}]${w.slice(1)}`)
    .join('|');
const ATTACHED = alternation(currencies.multipliers);
/** Written onto the number ("4.2M", "300k") or after a space as a word ("15 million", "4,5 Mio."). */
const MULTIPLIER = `(?:(?:${ATTACHED})|\\s?(?:${eitherCase(currencies.multiplierWords)}))(?![\\p{L}\\p{N}])`;
const CURRENCY_WORDS = eitherCase(currencies.words);
const CODES = alternation(currencies.codes);
const SYMBOLS = alternation(currencies.symbols);
const SIGNS = alternation(currencies.symbols.filter((symbol) => !/\p{L}/u.test(symbol)));
/** Before an amount: "$4.2M", "€300k", "£15 million", "US$5", "USD 1,200", "R$ 1.234,56". */
const MONEY_BEFORE = `(?<![\\p{L}\\p{N}])(?:${SYMBOLS}|${CODES})\\s?${NUMBER}(?:${MULTIPLIER})?`;
/**
 * After it: "1.5bn dollars", "300 €", "1,200 USD", "2,5 millones de euros", "2 millions
 * d'euros". A letter multiplier may stand apart from the number before a sign ("4,5 M€",
 * "5 k€"): the sign says what it is.
 */
const MONEY_AFTER =
  `(?<![\\p{L}\\p{N}.,$€£¥])${NUMBER}` +
  `(?:\\s?(?:${ATTACHED})(?=\\s?(?:${SIGNS}))|${MULTIPLIER}(?:\\s(?:de|d'|d’)\\s?(?=\\p{L}))?)?` +
  `\\s?(?:${CODES}|${CURRENCY_WORDS}|${SIGNS})(?![\\p{L}\\p{N}])`;
/** What an amount can start with: one quick test before trying every currency at a position. */
const MONEY_START = `[\\d${[...new Set(currencies.symbols.concat(currencies.codes).map((c) => c.charAt(0)))].map(escape).join('')}]`;
const MONEY = new RegExp(`(?=${MONEY_START})(?:${MONEY_BEFORE}|${MONEY_AFTER})`, 'gu');

/** "12%", "12.5 per cent", "12,5 %", "12 por ciento", "12 pour cent", "12 Prozent", "12 por cento". */
const PERCENT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${NUMBER}\\s?(?:%|(?:percent|per\\s?cent|pct|por\\s?ciento|pour\\s?cent|prozent|por\\s?cento)(?![\\p{L}]))`,
  'giu',
);

export type Scanner = (text: string, out: EntitySpan[]) => void;

function scanAll(pattern: RegExp, type: EntityType, accept?: (m: string) => number): Scanner {
  return (text, out) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const length = accept ? accept(m[0]) : m[0].length;
      if (length > 0) out.push({ type, start: m.index, end: m.index + length });
    }
  };
}

/** The scanners that need nothing from the rule; phones, links and emails are compiled per rule. */
export const SCANNERS: Record<'money' | 'percent', Scanner> = {
  money: scanAll(MONEY, 'money'),
  percent: scanAll(PERCENT, 'percent'),
};
