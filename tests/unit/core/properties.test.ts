import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_COMPILERS, type Finding, type Network } from '@/src/core/index';
import { compile, makePack } from './helpers';

/**
 * Whatever a person types, checking never throws and never reports a range outside the text
 * or through the middle of a character. Run against a pack with a rule of every kind.
 */

const TERMS = [
  'Project Falcon',
  'leak',
  'Acme Corp',
  'classified',
  '東京タワー',
  'café',
  'C++',
  '🦅',
];

const pack = makePack({
  policyUrl: 'https://acme.example/policy',
  org: { name: 'ACME', aliases: ['ACME Corp', '@acme', '#acme'] },
  rules: [
    {
      id: 'terms.insensitive',
      kind: 'terms',
      severity: 'error',
      message: '{match}',
      terms: [...TERMS, { term: 'Initech', suggest: ['a customer'] }],
      exceptions: ['Falcon Heavy'],
      swap: { 'Acme corp': 'ACME' },
    },
    {
      id: 'terms.sensitive',
      kind: 'terms',
      severity: 'info',
      message: '{match}',
      terms: ['ACME', 'Falcon'],
      case: 'sensitive',
    },
    {
      id: 'pattern',
      kind: 'pattern',
      severity: 'warning',
      message: '{match}',
      patterns: ['\\d{3}-\\d{4}', '.', '(a+)+$', '\\bx\\w*'],
      flags: 'i',
    },
    {
      id: 'entities',
      kind: 'entities',
      severity: 'warning',
      message: '{match}',
      entities: ['email', 'phone', 'money', 'url', 'person', 'percent'],
      allow: ['*.acme.example'],
      near: ['client'],
      window: 8,
    },
    {
      id: 'disclosure',
      kind: 'disclosure',
      severity: 'warning',
      message: 'disclose',
      markers: ['#ACMEemployee', 'I work at {org}'],
      within: { linkedin: 40 },
      fix: ' #ACMEemployee',
    },
    {
      id: 'tone',
      kind: 'tone',
      severity: 'info',
      message: '{match}',
      checks: ['profanity', 'insult', 'shouting', 'absolutes', 'official-voice'],
    },
    {
      id: 'length',
      kind: 'length',
      severity: 'warning',
      message: 'long',
      max: { x: 40, linkedin: 60, facebook: 80 },
    },
  ],
});

const checker = compile(pack);

const fragment = fc.oneof(
  fc.constantFrom(
    ...TERMS,
    '#ProjectFalcon',
    '@projectfalcon',
    'project-falcon',
    'leaked',
    'Falcon Heavy',
    'ACME',
    'I work at ACME',
  ),
  fc.constantFrom('👍🏽', '👩🏿‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '❤️', '🦅', '𝐀𝐁𝐂'),
  fc.constantFrom('e\u0301', 'n\u0303o', 'a\u0308\u0323', '\u0301'),
  fc.constantFrom('مرحبا بالعالم', 'שלום', '\u200f', '\u202e', 'עם Project Falcon'),
  fc.constantFrom('私は東京に住んでいます', '北京', '한국어', 'ภาษาไทย'),
  fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\t',
    '#',
    '@',
    "'s",
    '’',
    '-',
    '_',
    '.',
    'https://acme.example/x',
    'a@b.example',
    '$1,000',
    '50%',
  ),
  fc.constantFrom('\uD800', '\uDC00', '\uDBFF\uDBFF', '\u0000', '\uFEFF', '\u200D'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const postText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
const network = fc.constantFrom<Network>('x', 'facebook', 'linkedin');

function problems(text: string, findings: readonly Finding[]): string[] {
  const splits = (offset: number) =>
    offset > 0 &&
    offset < text.length &&
    /[\uDC00-\uDFFF]/.test(text.charAt(offset)) &&
    /[\uD800-\uDBFF]/.test(text.charAt(offset - 1));
  const out: string[] = [];
  findings.forEach((f, i) => {
    const ranges = [{ start: f.start, end: f.end }, ...f.suggestions.flatMap((s) => s.edits)];
    for (const { start, end } of ranges) {
      if (!Number.isInteger(start) || !Number.isInteger(end))
        out.push(`${f.ruleId}: non-integer offsets`);
      if (start < 0 || end > text.length || start > end)
        out.push(`${f.ruleId}: range ${start}-${end} outside the text`);
      if (splits(start) || splits(end))
        out.push(`${f.ruleId}: range ${start}-${end} splits a surrogate pair`);
    }
    if (f.match !== text.slice(f.start, f.end))
      out.push(`${f.ruleId}: match is not the text at its range`);
    const previous = findings[i - 1];
    if (
      previous &&
      (previous.start > f.start || (previous.start === f.start && previous.end > f.end))
    ) {
      out.push(`${f.ruleId}: findings out of order`);
    }
  });
  return out;
}

describe('checking arbitrary Unicode text', () => {
  it('runs against a pack with every rule kind that has a compiler', () => {
    expect(checker.rules).toHaveLength(7);
    expect(Object.keys(RULE_COMPILERS)).toEqual(
      expect.arrayContaining(['terms', 'pattern', 'length']),
    );
  });

  it('never throws and never reports offsets outside the text or inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        postText,
        network,
        fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
        (text, net, now) => {
          const findings = checker.check(text, { network: net, now });
          expect(problems(text, findings)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a pack term wherever it is put between arbitrary non-word characters', () => {
    const separator = fc.constantFrom(' ', '\n', '🎉', '👩🏽‍💻', '。', '، ', '(', '"', '\u200f');
    fc.assert(
      fc.property(
        separator,
        separator,
        fc.constantFrom('Project Falcon', 'leak', 'Acme Corp', 'classified'),
        (before, after, term) => {
          const text = `${before}${term}${after}`;
          const found = checker.check(text, { network: 'facebook', now: new Date(2026, 0, 1) });
          expect(found.some((f) => f.ruleId === 'terms.insensitive' && f.match === term)).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
