import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';
import { formatCatalogueMessage, type Catalogue } from './catalogue';

/**
 * Postguard's own words, in the browser's language: every string its pages and overlay show
 * comes from `public/_locales/<lang>/messages.json` through `browser.i18n`. The browser picks
 * the catalogue (its UI language, then the language without its region, then English).
 */

/** A message's id: a key of the English catalogue, which every other catalogue mirrors. */
export type MessageId = Exclude<keyof typeof english, 'default'>;

/** The base of a pair of ids `<base>_one` / `<base>_other`, chosen by a count. */
export type CountedMessage = CountedBase<MessageId>;
type CountedBase<Id extends string> = Id extends `${infer Base}_one`
  ? `${Base}_other` extends MessageId
    ? Base
    : never
  : never;

/** The languages Postguard's interface is written in. */
export const INTERFACE_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

interface I18nApi {
  getMessage(id: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

let fallback: { catalogue: Catalogue; language: string } | undefined;

/**
 * The catalogue to read where there is no `browser.i18n` (a page rendered outside the
 * extension: the benchmark, the background tests' fake browser). Extension pages register the
 * English one; the content script does not, as it always runs inside the extension.
 */
export function setFallbackCatalogue(catalogue: Catalogue, language: string): void {
  fallback = { catalogue, language };
}

function api(): I18nApi | undefined {
  // `browser` is undefined outside an extension; a fake browser may lack `i18n` or throw.
  return (browser as { i18n?: I18nApi } | undefined)?.i18n;
}

function fromFallback(id: MessageId, substitutions: string[]): string {
  return fallback ? formatCatalogueMessage(fallback.catalogue, id, substitutions) : '';
}

/** The message `id` with its `$1`…`$9` substitutions, in the interface's language. */
export function t(id: MessageId, ...substitutions: string[]): string {
  let text = '';
  const i18n = api();
  try {
    text = i18n ? i18n.getMessage(id, substitutions) : fromFallback(id, substitutions);
  } catch {
    text = fromFallback(id, substitutions);
  }
  // An empty answer means a catalogue without the id: the id shows, so the gap is seen.
  return text || id;
}

/**
 * `<base>_one` or `<base>_other`, as the interface language's plural rules choose for `count`
 * (French says "0 élément", English "0 items"); `$1` is the count, written as the language
 * writes numbers, and `rest` fill `$2`….
 */
export function tCount(base: CountedMessage, count: number, ...rest: string[]): string {
  const form = pluralRules(interfaceLocale()).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageId, formatNumber(count), ...rest);
}

/**
 * The locale to format numbers and dates in: the browser's UI language when the catalogue
 * shown is in that language (it adds the region: "es-MX", "pt-BR"), else the catalogue's own
 * language. They can differ: Chromium started with `--lang=es` but without its Spanish
 * resources shows the Spanish catalogue while it reports "en-US".
 */
export function interfaceLocale(): string {
  const language = interfaceLanguage();
  let browserLocale: string | undefined;
  try {
    browserLocale = api()?.getUILanguage();
  } catch {
    browserLocale = undefined;
  }
  if (browserLocale && primaryLanguage(browserLocale) === language) return browserLocale;
  return language;
}

/** Which of the five catalogues the interface shows (each names its own language). */
export function interfaceLanguage(): InterfaceLanguage {
  const named = t('uiLanguage');
  return (INTERFACE_LANGUAGES as readonly string[]).includes(named)
    ? (named as InterfaceLanguage)
    : ((fallback?.language as InterfaceLanguage | undefined) ?? 'en');
}

function primaryLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

const pluralRulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesByLocale.set(locale, rules);
  }
  return rules;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * Whole numbers below 1,000 as every interface language writes them: ASCII digits and nothing
 * else (tests/unit/i18n/format-number.test.ts holds each language to its formatter).
 */
const PLAIN_BELOW = 1_000;

/** A count as the interface language writes it: "12,345", "12.345", "12 345". */
export function formatNumber(value: number): string {
  // Making a tab's first Intl.NumberFormat loads ICU's number data: about 15 ms, which a tab
  // paid on the main thread as it drew its first underline (the count in the box's badge).
  if (Number.isInteger(value) && value >= 0 && value < PLAIN_BELOW) return String(value);
  const locale = interfaceLocale();
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
