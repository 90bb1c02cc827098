import { afterEach, describe, expect, it } from 'vitest';
import { RULE_COMPILERS } from '@/src/core/index';
import type { RuleCompiler } from '@/src/core/rules/types';
import type { ToneRule } from '@/src/core/pack/schema';
import { clampRange, codePointLength, offsetAfterCodePoints } from '@/src/core/offsets';
import { check, checkerFor, compile, expectWellFormed, makePack } from './helpers';
import { localize } from '@/src/core/text/localized';

describe('checker', () => {
  it('applies a rule only on its networks', () => {
    const checker = checkerFor({
      kind: 'terms',
      terms: ['Falcon'],
      networks: ['linkedin', 'facebook'],
    });
    expect(check(checker, 'Falcon', 'x')).toEqual([]);
    expect(check(checker, 'Falcon', 'linkedin')).toHaveLength(1);
  });

  it('finds nothing in an empty text, whatever the rules (the compose session relies on it)', () => {
    const checker = compile(
      makePack({
        org: { name: 'ACME' },
        rules: [
          { id: 'terms', kind: 'terms', terms: ['Falcon'], severity: 'error', message: 'm' },
          // A pattern that matches the empty string.
          {
            id: 'pattern',
            kind: 'pattern',
            patterns: ['x*', '^$'],
            severity: 'error',
            message: 'm',
          },
          {
            id: 'people',
            kind: 'entities',
            entities: ['person', 'email', 'phone', 'money', 'url', 'percent'],
            severity: 'error',
            message: 'm',
          },
          {
            id: 'disclosure',
            kind: 'disclosure',
            markers: ['#employee'],
            severity: 'warning',
            message: 'm',
          },
          {
            id: 'tone',
            kind: 'tone',
            checks: ['profanity', 'insult', 'shouting', 'absolutes', 'official-voice', 'slurs'],
            severity: 'warning',
            message: 'm',
          },
          { id: 'length', kind: 'length', max: { x: 1 }, severity: 'warning', message: 'm' },
        ],
      }),
    );
    for (const network of ['x', 'facebook', 'linkedin'] as const)
      for (const tier of [undefined, 'quick', 'slow'] as const)
        expect(checker.check('', { network, ...(tier ? { tier } : {}) })).toEqual([]);
  });

  it('fills {match} in messages, literally', () => {
    const checker = checkerFor({
      kind: 'pattern',
      patterns: ['\\$&\\w+'],
      message: 'Do not post {match} ({match}).',
    });
    expect(check(checker, 'price $&amp')[0]?.message).toBe('Do not post $&amp ($&amp).');
  });

  it('returns findings with the contract’s shape, sorted by start, end, then rule id', () => {
    const pack = makePack({
      policyUrl: 'https://acme.example/policy',
      rules: [
        {
          id: 'z.terms',
          kind: 'terms',
          severity: 'warning',
          message: 'term {match}',
          terms: ['Falcon', 'Project Falcon'],
        },
        {
          id: 'a.pattern',
          kind: 'pattern',
          severity: 'info',
          message: 'pattern {match}',
          patterns: ['Falcon', 'Project'],
        },
      ],
    });
    const found = compile(pack).check('Project Falcon', { network: 'x' });
    expect(found.map((f) => [f.start, f.end, f.ruleId])).toEqual([
      [0, 7, 'a.pattern'],
      [0, 14, 'z.terms'],
      [8, 14, 'a.pattern'],
    ]);
    expect(found[1]).toEqual({
      ruleId: 'z.terms',
      packId: 'acme',
      kind: 'terms',
      severity: 'warning',
      message: 'term Project Falcon',
      link: 'https://acme.example/policy',
      start: 0,
      end: 14,
      match: 'Project Falcon',
      suggestions: [
        { label: 'Remove', action: { verb: 'remove' }, edits: [{ start: 0, end: 14, text: '' }] },
      ],
    });
  });

  it('has no link when neither the rule nor any pack has one', () => {
    const found = check(checkerFor({ kind: 'terms', terms: ['x'] }), 'x');
    expect(found[0]).not.toHaveProperty('link');
  });

  it('treats `now` as optional and still honours embargoes by today’s date', () => {
    const checker = checkerFor({ kind: 'terms', terms: ['Falcon'], until: '2000-01-01' });
    expect(check(checker, 'Falcon')).toEqual([]);
  });
});

describe('checker: a rule that reports offsets inside surrogate pairs', () => {
  const original = RULE_COMPILERS.tone;
  afterEach(() => {
    RULE_COMPILERS.tone = original;
  });

  it('widens the finding and its edits to whole characters and keeps them in the text', () => {
    // A deliberately careless rule: it cuts emoji in half and runs past the end.
    const careless: RuleCompiler<ToneRule> = (rule, context) => ({
      rule,
      packId: context.pack.id,
      check: (analysis) => [
        {
          ruleId: rule.id,
          packId: context.pack.id,
          kind: 'tone',
          severity: rule.severity,
          message: localize(rule.message, undefined),
          start: 1,
          end: 3,
          match: '?',
          suggestions: [
            { label: 'Fix', edits: [{ start: 3, end: analysis.text.length + 5, text: '' }] },
          ],
        },
      ],
    });
    RULE_COMPILERS.tone = careless;
    const checker = checkerFor({ kind: 'tone', checks: ['shouting'] });
    const text = '😀😀 ok';
    const found = check(checker, text);
    expect(found[0]).toMatchObject({ start: 0, end: 4, match: '😀😀', message: 'found 😀😀' });
    expect(found[0]?.suggestions[0]?.edits).toEqual([{ start: 2, end: text.length, text: '' }]);
    expectWellFormed(text, found);
  });
});

describe('offset helpers', () => {
  it('clamps ranges to whole characters inside the text', () => {
    const text = 'a😀b';
    expect(clampRange(text, 2, 2)).toEqual({ start: 1, end: 3 });
    expect(clampRange(text, -4, 99)).toEqual({ start: 0, end: 4 });
    expect(clampRange(text, 3, 1)).toEqual({ start: 3, end: 3 });
    expect(clampRange(text, Number.NaN, 1.5)).toEqual({ start: 0, end: 1 });
  });

  it('counts code points and finds the offset after N of them', () => {
    expect(codePointLength('a😀b\uD800')).toBe(4);
    expect(offsetAfterCodePoints('a😀b', 2)).toBe(3);
    expect(offsetAfterCodePoints('a😀b', 10)).toBe(4);
  });
});
