import { parsePack } from '@/src/core';
import type { PackRecord, SourceStatus } from '@/src/policy/types';
import { compareVersions } from '../semver';
import { canonicalKey } from '../settings';
import {
  effective,
  higherVersion,
  listErrors,
  refuse,
  sameRecordContent,
  slotRefusal,
} from './slot';
import type { ApplyInput, Slot } from './types';

// The managed sources as slots: what each offers now beside its last good pack, and the
// status each ends with.

export function inlineSlots(input: ApplyInput, previous: readonly PackRecord[]): Slot[] {
  return input.settings.packs.map((value, index) => {
    const origin = `packs[${index}]`;
    const before = previous.find((r) => r.source === 'managed-inline' && r.origin === origin);
    const slot: Slot = {
      source: 'managed-inline',
      origin,
      ...(before ? { previous: before } : {}),
      keepPrevious: true,
      attempted: true,
    };
    const parsed = parsePack(value);
    if (!parsed.ok) {
      const text = typeof value === 'string' ? value : '';
      const notJson = text !== '' && parsed.errors.some((e) => e.code === 'not-json');
      refuse(
        slot,
        notJson ? 'malformed' : 'invalid',
        `The inline pack ${origin} in the policy is not a valid pack: ${listErrors(parsed.errors)}`,
      );
      return slot;
    }
    const offered: PackRecord = {
      source: 'managed-inline',
      origin,
      pack: parsed.value,
      fetchedAt: input.now,
    };
    slot.candidate = sameRecordContent(offered, before) ? before : offered;
    return slot;
  });
}

export function urlSlots(input: ApplyInput, previous: readonly PackRecord[]): Slot[] {
  const trusted = new Set(input.settings.publicKeys);
  return input.settings.packUrls.map((url) => {
    const before = previous.find((r) => r.source === 'managed-url' && r.origin === url);
    const status = input.statuses.find((s) => s.source === 'managed-url' && s.origin === url);
    const outcome = input.fetched.get(url);
    const highestVersion = higherVersion(status?.highestVersion, before?.pack.version);
    const slot: Slot = {
      source: 'managed-url',
      origin: url,
      ...(before ? { previous: before } : {}),
      keepPrevious: true,
      attempted: outcome !== undefined,
      ...(status?.etag ? { previousEtag: status.etag } : {}),
      ...(highestVersion ? { highestVersion } : {}),
    };
    if (outcome?.kind === 'pack') {
      const offered: PackRecord = {
        source: 'managed-url',
        origin: url,
        pack: outcome.pack,
        signedBy: outcome.signedBy,
        fetchedAt: input.now,
      };
      // The floor is the highest version ever in force from here, not just the pack in force
      // now: a pack dropped for a while (a clash, a key change) must not open the way back.
      if (highestVersion && compareVersions(outcome.pack.version, highestVersion) < 0) {
        refuse(
          slot,
          'older-version',
          `The pack at ${url} is version ${outcome.pack.version}, older than version ${highestVersion} already in force from there; a source never moves back to an older version`,
        );
      } else {
        slot.candidate = sameRecordContent(offered, before) ? before : offered;
        if (outcome.etag) slot.offeredEtag = outcome.etag;
      }
    } else if (outcome?.kind === 'refused') {
      refuse(slot, outcome.code, outcome.message);
    }
    // A pack whose signer the admin has since removed from publicKeys is no longer good.
    if (
      before?.signedBy &&
      !trusted.has(canonicalKey(before.signedBy)) &&
      slot.candidate !== before
    ) {
      slot.keepPrevious = false;
      slot.attempted = true;
      delete slot.previousEtag;
      const reason = slot.refusal ? ` A fresh copy was not accepted: ${slot.refusal.message}` : '';
      if (!slot.candidate) {
        slot.refusal = {
          code: 'untrusted',
          message: `The pack from ${url} was signed with a key that is no longer among the trusted publicKeys, so it is no longer in force.${reason}`,
        };
      }
    }
    return slot;
  });
}

export function slotStatus(slot: Slot, input: ApplyInput): SourceStatus {
  const before = input.statuses.find((s) => s.source === slot.source && s.origin === slot.origin);
  if (!slot.attempted) {
    return before ?? { source: slot.source, origin: slot.origin, failures: 0 };
  }
  const record = effective(slot);
  // The ETag goes with the bytes in force: an offer that did not take effect leaves the old
  // one, so the next request does not get a 304 for bytes that were refused.
  const etag =
    record === undefined
      ? undefined
      : record === slot.candidate && slot.offeredEtag !== undefined
        ? slot.offeredEtag
        : record === slot.previous
          ? slot.previousEtag
          : undefined;
  const highestVersion = higherVersion(slot.highestVersion, record?.pack.version);
  const base = {
    source: slot.source,
    origin: slot.origin,
    checkedAt: input.now,
    ...(etag ? { etag } : {}),
    ...(slot.source === 'managed-url' && highestVersion ? { highestVersion } : {}),
  };
  const refusal = slotRefusal(slot);
  if (refusal) {
    const failures = (before?.failures ?? 0) + 1;
    return {
      ...base,
      ...(before?.succeededAt ? { succeededAt: before.succeededAt } : {}),
      error: { ...refusal, at: input.now },
      failures,
      ...(slot.source === 'managed-url'
        ? { retryAt: input.now + input.retryDelayMs(failures) }
        : {}),
    };
  }
  return { ...base, succeededAt: input.now, failures: 0 };
}
