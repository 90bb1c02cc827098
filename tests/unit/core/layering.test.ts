import { describe, expect, it } from 'vitest';
import { compilePacks, formatPackError, type Pack } from '@/src/core/index';
import { compile, makePack } from './helpers';

const terms = (id: string, list: string[], extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'terms',
  severity: 'error',
  message: `${id}: {match}`,
  terms: list,
  ...extra,
});

const org = makePack({
  id: 'org',
  policyUrl: 'https://acme.example/policy',
  org: { name: 'ACME', aliases: ['ACME Corp'] },
  links: { utm: { source: '{network}' } },
  rules: [
    terms('codenames', ['Falcon']),
    terms('customers', ['Initech']),
    terms('swearing', ['darn']),
  ],
});

const team = makePack({
  id: 'team',
  extends: ['org'],
  policyUrl: 'https://acme.example/team-policy',
  rules: [
    terms('codenames', ['Osprey']),
    { id: 'swearing', enabled: false },
    terms('customers', ['Initech'], { enabled: false }),
    terms('team.only', ['standup']),
  ],
});

function errorsOf(packs: Pack[]): string[] {
  const result = compilePacks(packs);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatPackError);
}

describe('layering', () => {
  it('puts a pack after the packs it extends, whatever order they come in', () => {
    expect(compile(team, org).packs.map((p) => p.id)).toEqual(['org', 'team']);
    expect(compile(org, team).packs.map((p) => p.id)).toEqual(['org', 'team']);
  });

  it('replaces a rule by id and switches rules off with enabled: false', () => {
    const checker = compile(team, org);
    expect(checker.rules.map((r) => `${r.packId}/${r.rule.id}`)).toEqual([
      'team/codenames',
      'team/team.only',
    ]);
    const found = checker.check('Falcon Osprey Initech darn standup', { network: 'x' });
    expect(found.map((f) => f.message)).toEqual(['codenames: Osprey', 'team.only: standup']);
  });

  it('lets a later pack switch a rule back on by restating it', () => {
    const third = makePack({
      id: 'third',
      extends: ['team'],
      rules: [terms('swearing', ['heck'])],
    });
    const checker = compile(org, team, third);
    expect(checker.check('darn heck', { network: 'x' }).map((f) => f.match)).toEqual(['heck']);
  });

  it('takes org, policyUrl and links from the last pack that has them', () => {
    const checker = compile(org, team);
    expect(checker.org).toEqual({ name: 'ACME', aliases: ['ACME Corp'] });
    expect(checker.policyUrl).toBe('https://acme.example/team-policy');
    expect(checker.links).toEqual({ utm: { source: '{network}' } });
  });

  it('links a finding to its rule, else its own pack’s policy, else the top policy', () => {
    const base = makePack({
      id: 'base',
      rules: [
        terms('base.rule', ['alpha']),
        terms('linked', ['beta'], { link: 'https://x.example/#beta' }),
      ],
    });
    const top = makePack({
      id: 'top',
      extends: ['base'],
      policyUrl: 'https://acme.example/top',
      rules: [terms('top.rule', ['gamma'])],
    });
    const own = makePack({
      id: 'own',
      policyUrl: 'https://acme.example/own',
      rules: [terms('own.rule', ['delta'])],
    });
    const checker = compile(base, own, top);
    const links = checker
      .check('alpha beta gamma delta', { network: 'x' })
      .map((f) => [f.match, f.link]);
    expect(links).toEqual([
      ['alpha', 'https://acme.example/top'],
      ['beta', 'https://x.example/#beta'],
      ['gamma', 'https://acme.example/top'],
      ['delta', 'https://acme.example/own'],
    ]);
  });

  it('lets a later pack with the same id replace the earlier one', () => {
    const newer = makePack({
      id: 'org',
      version: '2.0.0',
      rules: [terms('codenames', ['Kestrel'])],
    });
    const checker = compile(org, newer);
    expect(checker.packs.map((p) => p.version)).toEqual(['2.0.0']);
    expect(checker.check('Falcon Kestrel', { network: 'x' }).map((f) => f.match)).toEqual([
      'Kestrel',
    ]);
  });

  it('names a missing extended pack', () => {
    expect(errorsOf([team])).toEqual([
      'team: extends[0]: extends "org", which is not among the loaded packs [PG401]',
    ]);
  });

  it('detects cycles', () => {
    const a = makePack({ id: 'a', extends: ['b'] });
    const b = makePack({ id: 'b', extends: ['c'] });
    const c = makePack({ id: 'c', extends: ['a'] });
    expect(errorsOf([a, b, c])).toEqual([
      'c: extends[0]: extending "a" makes a cycle: a → b → c → a [PG402]',
    ]);
    const self = makePack({ id: 'self', extends: ['self'] });
    expect(errorsOf([self])).toEqual([
      'self: extends[0]: extending "self" makes a cycle: self → self [PG402]',
    ]);
  });

  it('ignores switching off a rule that no pack defines', () => {
    const pack = makePack({ rules: [{ id: 'never.defined', enabled: false }] });
    expect(compile(pack).rules).toEqual([]);
  });

  it('compiles no packs into a checker that finds nothing', () => {
    const checker = compile();
    expect(checker.check('anything', { network: 'x' })).toEqual([]);
    expect(checker.org).toBeUndefined();
  });
});
