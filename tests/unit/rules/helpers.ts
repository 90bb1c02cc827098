import { expect } from 'vitest';
import type { Finding } from '@/src/core/findings';
import type { Network, Pack, Rule } from '@/src/core/pack/schema';
import { analyseText } from '@/src/core/text/analysis';
import type { CompiledRule, RuleCompiler, RuleContext } from '@/src/core/rules/types';
import { POST_LANGUAGES } from '@/src/core/text/post-languages';

export const pack: Pack = {
  format: 'postguard/pack@1',
  id: 'acme-social',
  name: 'ACME social media guidelines',
  version: '1.0.0',
  org: { name: 'ACME', aliases: ['ACME Corp', '@acme', '#acme'] },
  rules: [],
  content: [],
};

export const context: RuleContext = {
  pack,
  org: { name: 'ACME', aliases: ['ACME Corp', '@acme', '#acme'] },
  languages: POST_LANGUAGES,
};

/** Fields every rule needs, so tests only write what they are about. */
export const base = { id: 'r', severity: 'warning', message: 'Found {match}.' } as const;

export function compileWith<R extends Rule>(
  compiler: RuleCompiler<R>,
  rule: R,
  ctx: RuleContext = context,
): CompiledRule {
  return compiler(rule, ctx);
}

export function run(rule: CompiledRule, text: string, network: Network = 'x'): Finding[] {
  const findings = rule.check(analyseText(text), {
    network,
    now: new Date('2026-11-24T12:00:00Z'),
    language: undefined,
  });
  expectWellFormed(text, findings);
  return findings;
}

export function matches(rule: CompiledRule, text: string, network: Network = 'x'): string[] {
  return run(rule, text, network).map((f) => f.match);
}

export { applyTextEdits as applyEdits } from '@/src/core/edits';

const splitsPair = (text: string, offset: number) =>
  offset > 0 &&
  offset < text.length &&
  /[\uDC00-\uDFFF]/.test(text.charAt(offset)) &&
  /[\uD800-\uDBFF]/.test(text.charAt(offset - 1));

/** Offsets inside the text, on character boundaries, and `match` is the text they cover. */
export function expectWellFormed(text: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(splitsPair(text, f.start) || splitsPair(text, f.end)).toBe(false);
    expect(f.match).toBe(text.slice(f.start, f.end));
    for (const s of f.suggestions) {
      for (const e of s.edits) {
        expect(e.start).toBeLessThanOrEqual(e.end);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(splitsPair(text, e.start) || splitsPair(text, e.end)).toBe(false);
      }
    }
  }
}
