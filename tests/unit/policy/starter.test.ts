import { describe, expect, it } from 'vitest';
import { compilePacks, parsePack } from '@/src/core';
import { needsStarter, packsInForce } from '@/src/policy/packs-in-force';
import { starterPack, STARTER_PACK_ID } from '@/src/policy/starter';
import starterJson from '@/public/packs/starter.json';

describe('the bundled starter pack', () => {
  // starterPack() checks only the schema, to keep the popup free of RE2: that is safe only
  // while the full parser makes the same pack of the same file.
  it('is the pack the full parser makes of starter.json', () => {
    const parsed = parsePack(starterJson);
    expect(parsed.ok).toBe(true);
    expect(starterPack()).toEqual(parsed.ok ? parsed.value : undefined);
    expect(starterPack().id).toBe(STARTER_PACK_ID);
  });

  it('compiles on its own', () => {
    expect(compilePacks([starterPack()]).ok).toBe(true);
  });
});

describe('packsInForce', () => {
  const starter = starterPack();
  const org = { ...starter, id: 'acme', name: 'Acme', rules: [], extends: [STARTER_PACK_ID] };
  const record = (pack: typeof starter) => ({ source: 'managed-url' as const, origin: 'u', pack });

  it('is the starter alone when nothing is in force', () => {
    expect(packsInForce(null, starter)).toEqual([starter]);
    expect(packsInForce({ revision: 1, records: [] }, starter)).toEqual([starter]);
  });

  it('puts the starter first under a pack that extends it, once', () => {
    expect(packsInForce({ revision: 1, records: [record(org)] }, starter)).toEqual([starter, org]);
    expect(packsInForce({ revision: 1, records: [record(starter), record(org)] }, starter)).toEqual(
      [starter, org],
    );
    expect(needsStarter([starter, org], STARTER_PACK_ID)).toBe(false);
  });

  it('leaves the starter out under packs that do not build on it', () => {
    const alone = { ...org, extends: [] };
    expect(packsInForce({ revision: 1, records: [record(alone)] }, starter)).toEqual([alone]);
  });
});
