import { describe, expect, it } from 'vitest';
import { compile, makePack } from './helpers';

const rules = [
  { id: 'names', kind: 'entities', entities: ['person'], severity: 'warning', message: 'm' },
  { id: 'mail', kind: 'entities', entities: ['email'], severity: 'warning', message: 'm' },
  { id: 'code', kind: 'terms', terms: ['Nightjar'], severity: 'error', message: 'm' },
];
const text = 'Nightjar ships. Ask Jane Smith at jane@acme.example about it.';

describe('check tiers', () => {
  it('splits the rules in force: people’s names slow, every other rule quick', () => {
    const checker = compile(makePack({ rules }));
    expect(checker.hasSlowRules).toBe(true);
    const ids = (tier?: 'quick' | 'slow') =>
      checker.check(text, { network: 'x', ...(tier ? { tier } : {}) }).map((f) => f.ruleId);
    expect(ids('quick')).toEqual(['code', 'mail']);
    expect(ids('slow')).toEqual(['names']);
    expect(ids()).toEqual(['code', 'names', 'mail']);
  });

  it('has no slow tier without a person rule', () => {
    const checker = compile(makePack({ rules: rules.slice(1) }));
    expect(checker.hasSlowRules).toBe(false);
    expect(checker.check(text, { network: 'x', tier: 'slow' })).toEqual([]);
  });
});
