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
