import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetAfterCodePoints } from '@/src/core/offsets';
import { check, checkerFor, expectWellFormed } from './helpers';

const lengthRule = (max?: Record<string, number>, message = 'Too long.') =>
  checkerFor({ kind: 'length', message, ...(max ? { max } : {}) });

describe('length rules', () => {
  it('uses the networks’ limits by default', () => {
    const checker = lengthRule();
    expect(check(checker, 'a'.repeat(280), 'x')).toEqual([]);
    expect(check(checker, 'a'.repeat(3000), 'linkedin')).toEqual([]);
    const [x] = check(checker, 'a'.repeat(281), 'x');
    expect(x).toMatchObject({
      start: 280,
      end: 281,
      match: 'a',
      message: 'Too long. (1 character over the limit of 280)',
    });
    const [linkedin] = check(checker, 'a'.repeat(3010), 'linkedin');
    expect(linkedin).toMatchObject({
      start: 3000,
      end: 3010,
      message: 'Too long. (10 characters over the limit of 3000)',
    });
    expect(check(checker, 'a'.repeat(63_206), 'facebook')).toEqual([]);
    expect(check(checker, 'a'.repeat(63_207), 'facebook')).toHaveLength(1);
  });

  it('counts X as X does: emoji and CJK weigh 2, links 23', () => {
    const checker = lengthRule();
    expect(check(checker, '😀'.repeat(140), 'x')).toEqual([]);
    const text = '😀'.repeat(141);
    const found = check(checker, text, 'x');
    expect(found[0]).toMatchObject({ start: 280, end: 282, match: '😀' });
    expectWellFormed(text, found);
    expect(check(checker, '東'.repeat(141), 'x')[0]).toMatchObject({ start: 140, end: 141 });
    const withLink = `${'a'.repeat(256)} https://example.com/a/very/long/path/that/is/shortened/anyway`;
    expect(check(checker, withLink, 'x')).toEqual([]);
    expect(check(checker, `a${withLink}`, 'x')).toHaveLength(1);
  });

  it('uses the rule’s own maximum per network and fills {max} and {over}', () => {
    const checker = lengthRule({ linkedin: 10 }, 'Keep it under {max}: {over} too many.');
    const [finding] = check(checker, 'abcdefghijklm', 'linkedin');
    expect(finding).toMatchObject({
      start: 10,
      end: 13,
      match: 'klm',
      message: 'Keep it under 10: 3 too many.',
    });
    expect(check(checker, 'a'.repeat(281), 'x')).toHaveLength(1);
  });

  it('counts characters outside the BMP once, and never cuts them', () => {
    const checker = lengthRule({ linkedin: 3 });
    const text = '𝐀𝐁𝐂𝐃';
    const found = check(checker, text, 'linkedin');
    expect(found[0]).toMatchObject({ start: 6, end: 8, match: '𝐃' });
    expectWellFormed(text, found);
  });

  it('starts the overflow on a whole character: combining marks, skin tones, ZWJ families', () => {
    const three = lengthRule({ x: 3, linkedin: 3, facebook: 3 });
    // "abcñ" with ñ written as n + combining tilde: the tilde is not the overflow's start.
    const decomposed = 'abcn\u0303o';
    for (const network of ['x', 'linkedin'] as const) {
      const [found] = check(three, decomposed, network);
      expect(found?.start).toBe(3);
      expect(found?.match.startsWith('n\u0303')).toBe(true);
    }
    // "abcdé" (e + acute): on X, which counts NFC, d is past the limit too.
    expect(check(three, 'abcde\u0301', 'x')[0]).toMatchObject({ start: 3, match: 'de\u0301' });
    // 👍🏽 is one character: the skin tone does not stand alone.
    expect(check(three, 'ab👍🏽', 'linkedin')[0]).toMatchObject({ start: 2, match: '👍🏽' });
    const family = 'ab👨‍👩‍👧';
    const [zwj] = check(three, family, 'linkedin');
    expect(zwj).toMatchObject({ start: 2, match: '👨‍👩‍👧' });
  });

  it('starts the overflow where segmenting the whole text says, segmenting only its line', () => {
    // The line before the limit is segmented alone (a line feed always ends a character):
    // the start must be the whole text's, whatever the marks, flags and joiners around it.
    const checker = lengthRule({ linkedin: 12 });
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const pieces = [
      'a',
      'ñ',
      'n\u0303',
      '\u0303',
      '👍🏽',
      '👩‍💻',
      '\u200d',
      '🇪🇸',
      '🇪',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '東',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }),
        (parts) => {
          const text = parts.join('');
          const offset = offsetAfterCodePoints(text, 12);
          const found = check(checker, text, 'linkedin');
          if (offset >= text.length || [...text].length <= 12) return;
          const start = whole.segment(text).containing(offset)?.index ?? offset;
          if (start >= text.length) expect(found).toEqual([]);
          else expect(found[0]).toMatchObject({ start, end: text.length });
        },
      ),
      { seed: 20_261_203, numRuns: 3_000 },
    );
  });

  it('reads a line feed, printable ASCII and Latin-1 as characters that never join', () => {
    // The length rule takes the limit's offset as a character's start between two of these
    // without segmenting: Unicode must break between every pair, whatever comes around them.
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const codes = [0x0a];
    for (let code = 0x20; code <= 0x7e; code++) codes.push(code);
    for (let code = 0xa0; code <= 0xff; code++) codes.push(code);
    const around = ['', '\u0301', '\u200d', '🇪'];
    const joined: string[] = [];
    for (const a of codes) {
      for (const b of codes) {
        const pair = String.fromCharCode(a, b);
        for (const context of around) {
          for (const [text, at] of [
            [context + pair, context.length + 1],
            [pair + context, 1],
          ] as const) {
            const starts = Array.from(whole.segment(text), (segment) => segment.index);
            if (!starts.includes(at)) joined.push(JSON.stringify(text));
          }
        }
      }
    }
    expect(joined).toEqual([]);
  });
});
