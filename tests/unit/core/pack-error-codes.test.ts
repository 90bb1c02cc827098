import { describe, expect, it } from 'vitest';
import { compilePacks, MAX_PACK_BYTES, parsePack, type Pack } from '@/src/core/index';

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
