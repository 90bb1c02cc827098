import type { Pack } from '@/src/core/pack/schema';
import type { PackRecord } from '@/src/policy/types';
import {
  compileErrors,
  describeSource,
  effective,
  listErrors,
  refuse,
  standingOffer,
} from './slot';
import type { Slot } from './types';

/**
 * Compiles the managed packs together; when they do not compile, refuses the new offers the
 * errors point at (or, when none is named, the newest offer) until they do.
 */
export function settleCompile(slots: Slot[], starter: Pack): void {
  for (let guard = 0; guard <= slots.length * 2 + 1; guard++) {
    const records = slots.map(effective).filter((r): r is PackRecord => r !== undefined);
    const errors = compileErrors(records, starter);
    if (errors.length === 0) return;
    const offered = slots.filter((s) => standingOffer(s) !== undefined);
    const named = offered.filter((s) => errors.some((e) => e.packId === s.candidate!.pack.id));
    if (named.length > 0) {
      for (const slot of named) {
        const own = errors.filter((e) => e.packId === slot.candidate!.pack.id);
        refuse(
          slot,
          'invalid',
          `${describeSource(slot)} does not work with the other packs in force: ${listErrors(own)}`,
        );
      }
      continue;
    }
    const newest = offered.at(-1);
    if (newest) {
      refuse(
        newest,
        'conflict',
        `${describeSource(newest)} would break the packs in force: ${listErrors(errors)}`,
      );
      continue;
    }
    // Nothing new, and still no compile (the engine changed under stored packs): drop the packs named.
    const broken = slots.filter((s) => {
      const record = effective(s);
      return record && (errors.some((e) => e.packId === record.pack.id) || !errors[0]?.packId);
    });
    for (const slot of broken) {
      slot.keepPrevious = false;
      slot.candidate = undefined;
      slot.refusal ??= {
        code: 'invalid',
        message: `${describeSource(slot)} no longer works with the other packs in force: ${listErrors(errors)}`,
      };
    }
  }
}
