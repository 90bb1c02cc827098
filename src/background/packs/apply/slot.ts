import { compilePacks, formatPackError, type PackError } from '@/src/core';
import type { Pack } from '@/src/core/pack/schema';
import { packsInForce } from '@/src/policy/packs-in-force';
import type { PackRecord, PackSource, RefusalCode } from '@/src/policy/types';
import { compareVersions } from '../semver';
import { sameWhenStored } from './same-when-stored';
import type { Refusal, Slot } from './types';

// What every stage asks of a slot (one managed source) and of the packs it would put in force.

const ERRORS_SHOWN = 3;

export function effective(slot: Slot): PackRecord | undefined {
  if (slot.candidate && !slot.candidateClash) return slot.candidate;
  if (slot.keepPrevious && slot.previous && !slot.previousClash) return slot.previous;
  return undefined;
}

/** The offer this update brought, while it stands (not refused, not clashing, not the same). */
export function standingOffer(slot: Slot): PackRecord | undefined {
  const record = effective(slot);
  return record && record === slot.candidate && record !== slot.previous ? record : undefined;
}

export function slotRefusal(slot: Slot): Refusal | undefined {
  return slot.refusal ?? slot.candidateClash ?? slot.previousClash;
}

export function higherVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

export function refuse(slot: Slot, code: RefusalCode, message: string): void {
  slot.candidate = undefined;
  slot.refusal = { code, message };
}

export function sameRecordContent(a: PackRecord | undefined, b: PackRecord | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.signedBy === b.signedBy &&
    sameWhenStored(a.pack, b.pack)
  );
}

export function describeSource(slot: { source: PackSource; origin: string }): string {
  switch (slot.source) {
    case 'managed-inline':
      return `the inline pack ${slot.origin}`;
    case 'managed-url':
      return `the pack at ${slot.origin}`;
    case 'user':
      return `the imported pack ${slot.origin}`;
    case 'bundled':
      return 'the built-in pack';
  }
}

export function listErrors(errors: readonly PackError[]): string {
  const shown = errors.slice(0, ERRORS_SHOWN).map(formatPackError).join('; ');
  const more = errors.length - ERRORS_SHOWN;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}

export function compileErrors(records: readonly PackRecord[], starter: Pack): PackError[] {
  const result = compilePacks(packsInForce({ revision: 0, records: [...records] }, starter));
  return result.ok ? [] : result.errors;
}
