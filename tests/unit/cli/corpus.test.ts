import { describe, expect, it } from 'vitest';
import { spawnCli } from './helpers';

/**
 * The labelled corpus (tests/corpus) run through the real CLI, as an admin's CI would:
 * the starter pack and the ACME demo pack layered, every post checked on its network.
 * The figures are the engine's quality bar; the labels say what a correct engine reports
 * under the pack contract, so a failure here is a finding about the engine or the packs.
 */
describe('the labelled corpus', () => {
  const args = ['test', 'public/packs/starter.json', 'public/packs/acme-demo.json', 'tests/corpus'];

  it('has at least 150 posts across all three networks, and scores >= 0.95 precision and recall', () => {
    const json = spawnCli([...args, '--format', 'json']);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as {
      cases: number;
      rules: { ruleId: string; precision: number | null; recall: number | null }[];
      overall: { precision: number; recall: number };
      misses: { file: string; ruleId: string; type: string }[];
    };
    expect(report.cases).toBeGreaterThanOrEqual(150);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.95);
    // Every rule kind is exercised: no rule in the packs goes unlabelled.
    expect(report.rules.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining([
        'disclosure.affiliation',
        'confidential.personal-data',
        'confidential.financials',
        'confidential.credentials',
        'confidential.codenames',
        'confidential.embargo',
        'confidential.customers',
        'confidential.internal-links',
        'confidential.classification',
        'finance.cashtag',
        'style.brand-name',
        'style.product-names',
        'style.inclusive-language',
        'tone.courtesy',
        'tone.promises',
        'tone.official-voice',
        'length.network',
      ]),
    );
  }, 60_000);

  it('passes `postguard test` with exit status 0 (no post misses a rule or gets an extra one)', () => {
    const text = spawnCli(args);
    expect(text.stdout).toMatch(/\d+ posts, 0 misses; precision 1\.000, recall 1\.000\.\n$/);
    expect(text.code).toBe(0);
  }, 60_000);
});
