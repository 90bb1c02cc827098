import { describeSource, effective } from './slot';
import type { Slot } from './types';

/**
 * Pack ids are unique among the packs in force: the later source's pack gives way. Worked out
 * afresh on every call, from the offers still standing.
 */
export function settleIds(slots: Slot[]): void {
  const owners = new Map<string, Slot>();
  for (const slot of slots) {
    delete slot.candidateClash;
    delete slot.previousClash;
    const offered = slot.candidate;
    const offeredOwner = offered && owners.get(offered.pack.id);
    if (offered && offeredOwner) {
      slot.candidateClash = {
        code: 'conflict',
        message: `${describeSource(slot)} has the id "${offered.pack.id}", which ${describeSource(offeredOwner)} already uses; every pack in force needs its own id`,
      };
    }
    const record = effective(slot);
    if (!record) continue;
    const owner = owners.get(record.pack.id);
    if (owner) {
      slot.previousClash = {
        code: 'conflict',
        message: `${describeSource(slot)} has the id "${record.pack.id}", which ${describeSource(owner)} already uses`,
      };
    } else {
      owners.set(record.pack.id, slot);
    }
  }
}
