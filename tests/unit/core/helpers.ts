import { expect } from 'vitest';
import {
  compilePacks,
  formatPackError,
  parsePack,
  type Checker,
  type Finding,
  type Network,
  type Pack,
} from '@/src/core/index';

/** A pack object with sensible defaults and `fields`, through the real validator. */
export function parseWith(fields: Record<string, unknown> = {}): ReturnType<typeof parsePack> {
  return parsePack({
    format: 'postguard/pack@1',
    id: 'acme',
    name: 'ACME',
    version: '1.0.0',
    ...fields,
  });
}

/** A pack object with sensible defaults, parsed through the real validator. */
export function makePack(fields: Record<string, unknown> = {}): Pack {
  const result = parseWith(fields);
  if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  return result.value;
}

export function compile(...packs: Pack[]): Checker {
  const result = compilePacks(packs);
  if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  return result.value;
}

/** A checker for one rule (id `r`, severity error, message `{match}`) plus `fields`. */
export function checkerFor(
  rule: Record<string, unknown>,
  fields: Record<string, unknown> = {},
): Checker {
  return compile(
    makePack({
      ...fields,
      rules: [{ id: 'r', severity: 'error', message: 'found {match}', ...rule }],
    }),
  );
}

export function check(
  checker: Checker,
  text: string,
  network: Network = 'linkedin',
  now?: Date,
): Finding[] {
  return checker.check(text, now ? { network, now } : { network });
}

/** The matched texts, in order. */
export function matches(
  checker: Checker,
  text: string,
  network: Network = 'linkedin',
  now?: Date,
): string[] {
  return check(checker, text, network, now).map((f) => f.match);
}

export { applyTextEdits as applyEdits } from '@/src/core/edits';

/** Every finding and edit range is inside the text and never splits a surrogate pair. */
export function expectWellFormed(text: string, findings: readonly Finding[]): void {
  const splits = (offset: number) =>
    offset > 0 &&
    offset < text.length &&
    /[\uDC00-\uDFFF]/.test(text.charAt(offset)) &&
    /[\uD800-\uDBFF]/.test(text.charAt(offset - 1));
  for (const f of findings) {
    const ranges = [{ start: f.start, end: f.end }, ...f.suggestions.flatMap((s) => s.edits)];
    for (const { start, end } of ranges) {
      expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(start).toBeLessThanOrEqual(end);
      expect(splits(start) || splits(end)).toBe(false);
    }
    expect(f.match).toBe(text.slice(f.start, f.end));
  }
}
