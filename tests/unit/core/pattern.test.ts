import { describe, expect, it } from 'vitest';
import { compilePacks, formatPackError, parsePack } from '@/src/core/index';
import { check, checkerFor, expectWellFormed, makePack, matches } from './helpers';

const patterns = (list: string[], flags?: string) =>
  checkerFor({ kind: 'pattern', patterns: list, ...(flags ? { flags } : {}) });

describe('pattern rules', () => {
  it('finds every match of every pattern', () => {
    const checker = patterns(['\\d{3}-\\d{4}', 'internal only']);
    expect(matches(checker, 'call 555-1234 or 555-9876, internal only')).toEqual([
      '555-1234',
      '555-9876',
      'internal only',
    ]);
  });

  it('is case-sensitive unless flags is "i"', () => {
    expect(matches(patterns(['confidential']), 'CONFIDENTIAL confidential')).toEqual([
      'confidential',
    ]);
    expect(matches(patterns(['confidential'], 'i'), 'CONFIDENTIAL confidential')).toEqual([
      'CONFIDENTIAL',
      'confidential',
    ]);
  });

  it('reports UTF-16 offsets in text with emoji and astral letters', () => {
    const text = '😀👩🏽‍💻 𝐀𝐁 ref ACME-12345 🚀';
    const checker = patterns(['ACME-\\d+', '𝐀.']);
    const found = check(checker, text);
    const astral = text.indexOf('𝐀');
    const ref = text.indexOf('ACME');
    expect([astral, ref]).toEqual([10, 19]);
    expect(found.map((f) => [f.start, f.end, f.match])).toEqual([
      [astral, astral + 4, '𝐀𝐁'],
      [ref, ref + 10, 'ACME-12345'],
    ]);
    expectWellFormed(text, found);
  });

  it('never reports half a surrogate pair, even for a pattern matching any one character', () => {
    const text = 'a😀b';
    const found = check(patterns(['.']), text);
    expect(found.map((f) => f.match)).toEqual(['a', '😀', 'b']);
    expectWellFormed(text, found);
  });

  it('ignores empty matches', () => {
    expect(matches(patterns(['x*']), 'abc')).toEqual([]);
  });

  it('runs a catastrophic pattern in linear time', () => {
    const checker = patterns(['(a+)+$']);
    const text = `${'a'.repeat(30_000)}b`;
    const started = performance.now();
    expect(matches(checker, text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('finds with many patterns what each of them finds alone (they are tested as one RE2 set)', () => {
    const sources = [
      '\\bACME[ -](?:Internal|Confidential)\\b',
      'internal[ -]use[ -]only',
      '^Draft',
      'launch$',
      'x*',
      '\\$ACME\\b',
      '\\bpass(?:word)?\\s*[:=]\\s*\\S+',
      '𝐀.',
      '(?i)über',
    ];
    const fragments = [
      'ACME Internal',
      'acme-confidential',
      'Internal use only',
      'internal-use-only',
      'Draft',
      'launch',
      '$ACME',
      'password = hunter2',
      '𝐀𝐁',
      'ÜBER',
      '\n',
      'nothing here',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (const flags of [undefined, 'i']) {
      const together = patterns(sources, flags);
      const alone = sources.map((source) => patterns([source], flags));
      for (let n = 0; n < 60; n++) {
        const text = Array.from(
          { length: 1 + Math.floor(random() * 8) },
          () => fragments[Math.floor(random() * fragments.length)],
        ).join(random() < 0.5 ? ' ' : ', ');
        const expected = alone
          .flatMap((checker) => check(checker, text).map((f) => [f.start, f.end]))
          .filter(
            ([start, end], i, all) => all.findIndex(([s, e]) => s === start && e === end) === i,
          );
        const found = check(together, text).map((f) => [f.start, f.end]);
        const order = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;
        expect(found.sort(order), text).toEqual(expected.sort(order));
      }
    }
  });

  it('still finds what it finds when its patterns are too large for RE2 together', () => {
    // Each compiles (750,001 instructions); the two do not as one set (over 1,398,101).
    const huge = `q${'[a-z]{1000}'.repeat(750)}`;
    const checker = patterns([huge, `${huge}x`, 'internal only']);
    expect(matches(checker, 'this is internal only, ok')).toEqual(['internal only']);
  });

  it('offers to remove the match', () => {
    const [finding] = check(patterns(['internal only']), 'this is internal only, ok');
    expect(finding?.suggestions).toEqual([
      { label: 'Remove', action: { verb: 'remove' }, edits: [{ start: 7, end: 21, text: '' }] },
    ]);
  });
});

describe('pattern rules: what RE2 refuses is a pack error with its path', () => {
  const packWith = (list: string[]) =>
    parsePack({
      format: 'postguard/pack@1',
      id: 'acme',
      name: 'ACME',
      version: '1.0.0',
      rules: [
        { id: 'ok', kind: 'terms', severity: 'info', message: 'm', terms: ['x'] },
        { id: 'p', kind: 'pattern', severity: 'error', message: 'm', patterns: list },
      ],
    });

  it.each([
    ['(a)\\1', 'backreferences are not supported'],
    ['x(?=y)', 'lookahead is not supported'],
    ['(?<=a)b', 'lookbehind is not supported'],
    ['(abc', 'a "(" is never closed'],
    ['abc)', 'a ")" has no matching "("'],
    ['[abc', 'a "[" is never closed'],
    ['*a', '"*" has nothing before it to repeat'],
    ['a**', '"**" repeats a repetition; write it once'],
    ['a{1001}', 'the repeat count {1001} is too large'],
    ['[z-a]', 'the range z-a is not valid'],
  ])('%s', (source, reason) => {
    const result = packWith(['fine', source]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('rules[1].patterns[1]');
    expect(formatPackError(result.errors[0]!)).toContain(
      `rules[1].patterns[1]: RE2 cannot compile ${JSON.stringify(source)}: ${reason}`,
    );
  });

  it('is also reported by compilePacks for a pack object built in code', () => {
    const pack = makePack({
      rules: [{ id: 'p', kind: 'pattern', severity: 'error', message: 'm', patterns: ['ok'] }],
    });
    const broken = {
      ...pack,
      rules: [
        {
          id: 'p',
          kind: 'pattern' as const,
          severity: 'error' as const,
          message: 'm',
          patterns: ['(a)\\1'],
        },
      ],
    };
    const result = compilePacks([broken]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatPackError)).toEqual([
      'acme: rules[0].patterns[0]: RE2 cannot compile "(a)\\\\1": backreferences are not supported [PG403]',
    ]);
    // Several patterns are compiled as one set first, and each on its own only when needed:
    // a refused one is still the rule's error, at its own index.
    const several = {
      ...broken,
      rules: [{ ...broken.rules[0]!, patterns: ['ok', 'x', '(a)\\1'] }],
    };
    const refused = compilePacks([several]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.map(formatPackError)).toEqual([
      'acme: rules[0].patterns[2]: RE2 cannot compile "(a)\\\\1": backreferences are not supported [PG403]',
    ]);
  });
});
