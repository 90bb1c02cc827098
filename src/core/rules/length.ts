import * as twitterTextModule from 'twitter-text';
import type { LengthRule, Network } from '../pack/schema';
import { codePointLength, offsetAfterCodePoints } from '../offsets';
import { localize } from '../text/localized';
import type { PostLanguage } from '../text/post-languages';
import { defineRule, wordingLanguage } from './support/finding';

/**
 * `length`: the post must fit the network's limit. X counts as X does (twitter-text's
 * weighted length: links count 23, most emoji and CJK characters 2); LinkedIn and Facebook
 * count characters. The finding covers the part past the limit.
 */

export const DEFAULT_MAX_LENGTH: Record<Network, number> = {
  x: 280,
  linkedin: 3000,
  facebook: 63206,
};

type ParseTweet = typeof twitterTextModule.parseTweet;
interface TwitterText {
  parseTweet: ParseTweet;
  configs: { defaults: Record<string, unknown> };
}

/**
 * twitter-text is CommonJS with a Babel `default` export: Node's ESM loader hands us
 * `{ default: { default: api } }`-like shapes, bundlers the API itself. Take whichever has it.
 */
function resolveTwitterText(): TwitterText {
  let candidate: unknown = twitterTextModule;
  for (let depth = 0; depth < 3 && candidate; depth++) {
    if (typeof (candidate as Partial<TwitterText>).parseTweet === 'function')
      return candidate as TwitterText;
    candidate = (candidate as { default?: unknown }).default;
  }
  throw new Error('twitter-text did not load: parseTweet is missing');
}

const twitterText = resolveTwitterText();

interface Overflow {
  /** First UTF-16 offset past the limit. */
  start: number;
  length: number;
  over: number;
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * Made when a post first runs over its limit, not when the engine loads: creating the first
 * segmenter loads ICU's break rules, 8 to 14 ms (measured in Node), on every worker start.
 */
function graphemes(): Intl.Segmenter {
  return (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

/**
 * Whether a character between two of which Unicode always breaks (UAX #29): a line feed,
 * printable ASCII and Latin-1 (none extends, prepends or joins another, nor is a regional
 * indicator, a Hangul syllable or a zero-width joiner; U+00AD is a control, broken around).
 */
function neverJoins(code: number): boolean {
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
}

/**
 * The start of the character (grapheme cluster) that holds `offset`: an overflow never
 * begins inside "ñ" written as n + tilde, or between 👍 and its skin tone.
 */
function characterStart(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  if (neverJoins(text.charCodeAt(offset - 1)) && neverJoins(text.charCodeAt(offset))) return offset;
  // Unicode breaks a text after every line feed (UAX #29, GB4), so the characters after the
  // last one before `offset` are those of the text from there: only that line is segmented,
  // not the post before it.
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const found = graphemes()
    .segment(text.slice(from))
    .containing(offset - from);
  return found ? found.index + from : offset;
}

function weightedLength(text: string, max: number): ReturnType<ParseTweet> {
  return twitterText.parseTweet(text, {
    ...twitterText.configs.defaults,
    maxWeightedTweetLength: max,
  });
}

function xOverflow(text: string, max: number): Overflow | undefined {
  // No dot, no link: every character weighs at most 2, so short posts skip the parser.
  if (text.length * 2 <= max && !text.includes('.')) return undefined;
  const parsed = weightedLength(text, max);
  if (parsed.weightedLength <= max) return undefined;
  const overflow = { length: parsed.weightedLength, over: parsed.weightedLength - max };
  // twitter-text counts the NFC form: its offsets are ours only when the text is NFC already.
  if (text === text.normalize('NFC')) {
    return { start: characterStart(text, parsed.validRangeEnd + 1), ...overflow };
  }
  // Otherwise: the longest run of whole characters that still fits, found by halving.
  const boundaries = [...graphemes().segment(text)].map((segment) => segment.index);
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (weightedLength(text.slice(0, boundaries[middle]), max).weightedLength <= max) low = middle;
    else high = middle - 1;
  }
  return { start: boundaries[low] ?? 0, ...overflow };
}

function characterOverflow(text: string, max: number): Overflow | undefined {
  if (text.length <= max) return undefined;
  const length = codePointLength(text);
  if (length <= max) return undefined;
  return {
    start: characterStart(text, offsetAfterCodePoints(text, max)),
    length,
    over: length - max,
  };
}

/** How far over, in each language a message may be in. */
const OVER_NOTE: Record<PostLanguage, (over: number, max: number) => string> = {
  en: (over, max) =>
    `(${over} ${over === 1 ? 'character' : 'characters'} over the limit of ${max})`,
  es: (over, max) =>
    `(${over} ${over === 1 ? 'carácter' : 'caracteres'} por encima del límite de ${max})`,
  fr: (over, max) =>
    `(${over} ${over === 1 ? 'caractère' : 'caractères'} au-delà de la limite de ${max})`,
  de: (over, max) => `(${over} Zeichen über der Grenze von ${max})`,
  pt: (over, max) =>
    `(${over} ${over === 1 ? 'caractere' : 'caracteres'} acima do limite de ${max})`,
};

/** Fills `{max}`, `{length}` and `{over}`; says how far over when the message doesn't. */
function describe(
  message: string,
  max: number,
  overflow: Overflow,
  language: PostLanguage | undefined,
): string {
  const filled = message
    .replaceAll('{max}', String(max))
    .replaceAll('{length}', String(overflow.length))
    .replaceAll('{over}', String(overflow.over));
  if (message.includes('{over}')) return filled;
  return `${filled} ${OVER_NOTE[language ?? 'en'](overflow.over, max)}`;
}

export const compileLengthRule = defineRule<LengthRule>((rule) => {
  const limits: Record<Network, number> = { ...DEFAULT_MAX_LENGTH, ...rule.max };
  return (analysis, options) => {
    const { text } = analysis;
    const max = limits[options.network];
    const overflow = options.network === 'x' ? xOverflow(text, max) : characterOverflow(text, max);
    if (!overflow || overflow.start >= text.length) return [];
    const language = wordingLanguage(analysis, options, overflow.start, rule.message);
    return [
      {
        start: overflow.start,
        end: text.length,
        suggestions: [],
        message: describe(localize(rule.message, language), max, overflow, language),
      },
    ];
  };
});
