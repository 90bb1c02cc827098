import { packError, type PackError, type Result } from './errors';
import type { Pack, Rule } from './schema';

/**
 * Layering: several packs apply at once (an org-wide pack, a team pack on top). Packs are
 * put in an order where each comes after the packs it `extends`, then their rules are
 * merged by id: a later rule replaces an earlier one, and `enabled: false` switches it off.
 */

export interface EffectiveRule {
  rule: Rule;
  packId: string;
}

/** The last pack given with each id, in the order given (a newer copy replaces the older). */
function latestById(packs: readonly Pack[]): Pack[] {
  const latest = new Map<string, Pack>();
  for (const pack of packs) {
    latest.delete(pack.id);
    latest.set(pack.id, pack);
  }
  return [...latest.values()];
}

/**
 * Orders packs so that every pack comes after what it extends; otherwise keeps the order
 * given. Reports extended packs that are missing and cycles.
 */
export function orderLayers(packs: readonly Pack[]): Result<Pack[]> {
  const unique = latestById(packs);
  const byId = new Map(unique.map((p) => [p.id, p]));
  const ordered: Pack[] = [];
  const errors: PackError[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];

  const visit = (pack: Pack): void => {
    const seen = state.get(pack.id);
    if (seen === 'done') return;
    state.set(pack.id, 'visiting');
    trail.push(pack.id);
    (pack.extends ?? []).forEach((baseId, index) => {
      const base = byId.get(baseId);
      const path = `extends[${index}]`;
      if (!base) {
        errors.push(
          packError('PG401', path, `extends "${baseId}", which is not among the loaded packs`, {
            packId: pack.id,
          }),
        );
      } else if (state.get(baseId) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(baseId)), baseId].join(' → ');
        errors.push(
          packError('PG402', path, `extending "${baseId}" makes a cycle: ${cycle}`, {
            packId: pack.id,
          }),
        );
      } else {
        visit(base);
      }
    });
    trail.pop();
    state.set(pack.id, 'done');
    ordered.push(pack);
  };

  for (const pack of unique) visit(pack);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: ordered };
}

/** The rules in force after layering, in the order they were first defined. */
export function layerRules(ordered: readonly Pack[]): EffectiveRule[] {
  const rules = new Map<string, EffectiveRule>();
  for (const pack of ordered) {
    for (const rule of pack.rules) {
      if (rule.enabled === false) rules.delete(rule.id);
      else if ('kind' in rule) rules.set(rule.id, { rule, packId: pack.id });
    }
  }
  return [...rules.values()];
}

/** The value of `field` from the last pack (in layer order) that has it. */
export function lastDefined<K extends keyof Pack>(
  ordered: readonly Pack[],
  field: K,
): Pack[K] | undefined {
  for (let i = ordered.length - 1; i >= 0; i--) {
    const value = ordered[i]?.[field];
    if (value !== undefined) return value;
  }
  return undefined;
}
