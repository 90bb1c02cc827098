import type { PackRecord, SourceStatus } from '@/src/policy/types';
import { settleCompile } from './compile';
import { settleIds } from './id-clashes';
import { sameWhenStored } from './same-when-stored';
import { effective } from './slot';
import { inlineSlots, slotStatus, urlSlots } from './slots';
import type { ApplyInput, ApplyResult } from './types';
import { settleUserPacks } from './user-packs';

export type { ApplyInput, ApplyResult } from './types';

/**
 * Decides the next set of packs in force from the last good set and what each source offers
 * now. Pure: the caller reads storage, fetches, and writes the result in one `set`.
 *
 * Every source keeps its last good pack unless it offers a better one: a refused offer (bad
 * signature, older version, invalid, clashing with the other packs) never replaces it. The
 * whole set is compiled before it is returned, so what the content script compiles works.
 */

export function applyPolicy(input: ApplyInput): ApplyResult {
  const previousManaged = input.records.filter(
    (r) => r.source === 'managed-inline' || r.source === 'managed-url',
  );
  let managed: PackRecord[];
  let managedStatuses: SourceStatus[];
  if (input.holdManaged) {
    managed = previousManaged;
    managedStatuses = input.statuses.filter((s) => s.source !== 'user');
  } else {
    const slots = [...inlineSlots(input, input.records), ...urlSlots(input, input.records)];
    // Ids, then compiling; an offer refused while compiling may lift a clash it caused, so
    // again until nothing more is refused.
    for (let round = 0; round <= slots.length; round++) {
      settleIds(slots);
      const standing = slots.filter((slot) => slot.candidate).length;
      settleCompile(slots, input.starter);
      if (slots.filter((slot) => slot.candidate).length === standing) break;
    }
    managed = slots.map(effective).filter((r): r is PackRecord => r !== undefined);
    managedStatuses = slots.map((slot) => slotStatus(slot, input));
  }
  const user = settleUserPacks(input, managed, input.statuses);
  const records = [...managed, ...user.records];
  return {
    records,
    statuses: [...managedStatuses, ...user.statuses],
    changed: !sameWhenStored(records, input.records),
  };
}
