import { describe, expect, it } from 'vitest';
import {
  compilePacks,
  formatPackError,
  MAX_PACK_BYTES,
  parsePack,
  type Pack,
} from '@/src/core/index';
import { PACK_ERROR_CODES } from '@/src/core/pack/errors';

const codesOf = (source: unknown) => {
  const result = parsePack(source);
  return result.ok ? [] : result.errors.map((error) => error.code);
};

const pack = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'postguard/pack@1',
  id: 'p',
  name: 'P',
  version: '1.0.0',
  rules,
  ...extra,
});

const rule = { id: 'r', kind: 'terms', severity: 'error', message: 'm', terms: ['x'] };

describe('pack errors carry a code for code to decide by', () => {
  it('says what is wrong with the file itself', () => {
    expect(codesOf('{ "format": ')).toEqual(['not-json']);
    expect(codesOf(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual(['not-utf8']);
    expect(codesOf(' '.repeat(MAX_PACK_BYTES + 1))).toEqual(['too-large']);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codesOf(cyclic)).toEqual(['not-json-data']);
    expect(codesOf([])).toEqual(['not-a-pack']);
    expect(codesOf({ format: 'other' })).toEqual(['not-a-pack']);
  });

  it('keeps the particulars of a JSON error apart from its kind', () => {
    const result = parsePack('{ "format": ');
    expect(result.ok ? undefined : result.errors[0]?.detail).toMatch(/^at line 1, column \d+: /);
  });

  it('says what is wrong inside a pack', () => {
    expect(codesOf(pack([{ ...rule, severity: 'fatal' }]))).toEqual(['invalid-field']);
    expect(codesOf(pack([rule, rule]))).toEqual(['duplicate-rule-id']);
    expect(
      codesOf(
        pack([{ id: 'p1', kind: 'pattern', severity: 'error', message: 'm', patterns: ['(a'] }]),
      ),
    ).toEqual(['bad-pattern']);
  });

  it('says what is wrong with packs together', () => {
    const valid = (extra: Record<string, unknown>) => {
      const result = parsePack(pack([rule], extra));
      if (!result.ok) throw new Error('test pack does not parse');
      return result.value;
    };
    const errorCodes = (packs: Pack[]) => {
      const result = compilePacks(packs);
      return result.ok ? [] : result.errors.map((error) => error.code);
    };
    expect(errorCodes([valid({ extends: ['absent'] })])).toEqual(['missing-base']);
    expect(
      errorCodes([valid({ id: 'a', extends: ['b'] }), valid({ id: 'b', extends: ['a'] })]),
    ).toContain('extends-cycle');
  });
});

const numbersOf = (source: unknown) => {
  const result = parsePack(source);
  return result.ok ? [] : result.errors.map((error) => error.pgCode);
};

describe('pack errors carry a numbered code beside their path', () => {
  it('numbers what is wrong with the file', () => {
    expect(numbersOf(' '.repeat(MAX_PACK_BYTES + 1))).toEqual(['PG101']);
    expect(numbersOf(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual(['PG102']);
    expect(numbersOf('{ "format": ')).toEqual(['PG103']);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(numbersOf(cyclic)).toEqual(['PG104']);
    expect(numbersOf([])).toEqual(['PG105']);
    expect(numbersOf({ format: 'other' })).toEqual(['PG106']);
  });

  it('numbers each kind of field problem apart', () => {
    expect(numbersOf(pack([rule], { polcyUrl: 'https://x.example' }))).toEqual(['PG201']);
    expect(numbersOf(pack([{ ...rule, message: undefined }]))).toEqual(['PG202']);
    expect(numbersOf(pack([{ ...rule, message: 3 }]))).toEqual(['PG203']);
    expect(numbersOf(pack([{ ...rule, severity: 'fatal' }]))).toEqual(['PG204']);
    expect(numbersOf(pack([{ ...rule, message: '' }]))).toEqual(['PG205']);
    expect(numbersOf(pack([rule], { version: 'one' }))).toEqual(['PG206']);
    expect(numbersOf(pack([{ ...rule, until: '2026-02-30' }]))).toEqual(['PG207']);
    expect(numbersOf(pack([{ ...rule, link: 'ftp://x.example' }]))).toEqual(['PG208']);
    expect(numbersOf(pack([{ ...rule, link: 'not a url' }]))).toEqual(['PG208']);
    const length = { id: 'l', kind: 'length', severity: 'info', message: 'm' };
    expect(numbersOf(pack([{ ...length, max: { x: 0 } }]))).toEqual(['PG209']);
    expect(numbersOf(pack([{ ...length, max: { x: 2.5 } }]))).toEqual(['PG209']);
    expect(numbersOf(pack([{ ...rule, terms: [3] }]))).toEqual(['PG210']);
  });

  it('numbers what is wrong with a rule', () => {
    expect(numbersOf(pack(['rule']))).toEqual(['PG301']);
    expect(numbersOf(pack([{ id: 'r', severity: 'error', message: 'm' }]))).toEqual(['PG302']);
    expect(numbersOf(pack([{ ...rule, kind: 'emoji' }]))).toEqual(['PG302']);
    expect(numbersOf(pack([rule, rule]))).toEqual(['PG303']);
    const pattern = { id: 'p', kind: 'pattern', severity: 'error', message: 'm' };
    expect(numbersOf(pack([{ ...pattern, patterns: ['(a'] }]))).toEqual(['PG304']);
    expect(numbersOf(pack([{ ...rule, terms: undefined }]))).toEqual(['PG305']);
    expect(numbersOf(pack([{ ...rule, terms: [], swap: {} }]))).toEqual(['PG305']);
    expect(numbersOf(pack([{ ...rule, terms: undefined, swap: { a: 'b' } }]))).toEqual([]);
    // Reported beside the rule's other problems, and not on top of a terms of the wrong type.
    expect(numbersOf(pack([{ ...rule, terms: undefined, severity: 'fatal' }]))).toEqual([
      'PG204',
      'PG305',
    ]);
    expect(numbersOf(pack([{ ...rule, terms: 5 }]))).toEqual(['PG203']);
  });

  it('numbers what is wrong with packs together, and shows the code in the message', () => {
    const result = parsePack(pack([rule], { extends: ['absent'] }));
    if (!result.ok) throw new Error('test pack does not parse');
    const compiled = compilePacks([result.value]);
    const errors = compiled.ok ? [] : compiled.errors;
    expect(errors.map((e) => e.pgCode)).toEqual(['PG401']);
    expect(errors.map(formatPackError)).toEqual([
      'p: extends[0]: extends "absent", which is not among the loaded packs [PG401]',
    ]);
  });

  it('keeps each code and its kind together', () => {
    const result = parsePack(pack([{ ...rule, severity: 'fatal' }, rule]));
    for (const error of result.ok ? [] : result.errors) {
      expect(error.code).toBe(PACK_ERROR_CODES[error.pgCode].kind);
    }
  });
});
