import { compilePacks, formatPackError, parsePack, type PackError } from '@/src/core';
import type { Pack } from '@/src/core/pack/schema';
import { packsInForce } from '@/src/policy/packs-in-force';
import type {
  PackRecord,
  PackSource,
  RefusalCode,
  SourceStatus,
  UserPack,
} from '@/src/policy/types';
import type { FetchedPack } from './fetch-pack';
import { compareVersions } from './semver';
import { canonicalKey, type ManagedSettings } from './settings';

/**
 * Decides the next set of packs in force from the last good set and what each source offers
 * now. Pure: the caller reads storage, fetches, and writes the result in one `set`.
 *
 * Every source keeps its last good pack unless it offers a better one: a refused offer (bad
 * signature, older version, invalid, clashing with the other packs) never replaces it. The
 * whole set is compiled before it is returned, so what the content script compiles works.
 */

export interface ApplyInput {
  now: number;
  starter: Pack;
  settings: ManagedSettings;
  records: readonly PackRecord[];
  statuses: readonly SourceStatus[];
  /** What was fetched this time, by URL; a URL that was not due is absent. */
  fetched: ReadonlyMap<string, FetchedPack>;
  userPacks: readonly UserPack[];
  /** Keep the managed packs as they are: the managed area looks empty but may not be loaded yet. */
  holdManaged: boolean;
  /** How long to wait before trying a failing URL again, after `failures` failures in a row. */
  retryDelayMs(failures: number): number;
}

export interface ApplyResult {
  records: PackRecord[];
  statuses: SourceStatus[];
  /** The records differ from the ones given: write them with a new revision. */
  changed: boolean;
}

type ManagedSource = Extract<PackSource, 'managed-inline' | 'managed-url'>;

interface Refusal {
  code: RefusalCode;
  message: string;
}

interface Slot {
  source: ManagedSource;
  origin: string;
  previous?: PackRecord;
  /** The pack this source offers now, until it is refused. */
  candidate?: PackRecord;
  refusal?: Refusal;
  /** False once the previous pack must go (its signer is no longer trusted, it no longer compiles). */
  keepPrevious: boolean;
  /**
   * Id clashes with an earlier source, worked out afresh each round (settleIds): a clash
   * caused by an offer that is later refused goes away with it.
   */
  candidateClash?: Refusal;
  previousClash?: Refusal;
  /** Looked at in this update: its status gets a new check time. */
  attempted: boolean;
  /** The ETag of the bytes in force before the update. */
  previousEtag?: string;
  /** The ETag of the bytes offered now; stored only if the offer takes effect. */
  offeredEtag?: string;
  /** The highest version ever in force from this source: it never moves below it. */
  highestVersion?: string;
}

const ERRORS_SHOWN = 3;

function effective(slot: Slot): PackRecord | undefined {
  if (slot.candidate && !slot.candidateClash) return slot.candidate;
  if (slot.keepPrevious && slot.previous && !slot.previousClash) return slot.previous;
  return undefined;
}

/** The offer this update brought, while it stands (not refused, not clashing, not the same). */
function standingOffer(slot: Slot): PackRecord | undefined {
  const record = effective(slot);
  return record && record === slot.candidate && record !== slot.previous ? record : undefined;
}

function slotRefusal(slot: Slot): Refusal | undefined {
  return slot.refusal ?? slot.candidateClash ?? slot.previousClash;
}

function higherVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

function refuse(slot: Slot, code: RefusalCode, message: string): void {
  slot.candidate = undefined;
  slot.refusal = { code, message };
}

function sameRecordContent(a: PackRecord | undefined, b: PackRecord | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.signedBy === b.signedBy &&
    JSON.stringify(a.pack) === JSON.stringify(b.pack)
  );
}

function describeSource(slot: { source: PackSource; origin: string }): string {
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

function listErrors(errors: readonly PackError[]): string {
  const shown = errors.slice(0, ERRORS_SHOWN).map(formatPackError).join('; ');
  const more = errors.length - ERRORS_SHOWN;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}

function compileErrors(records: readonly PackRecord[], starter: Pack): PackError[] {
  const result = compilePacks(packsInForce({ revision: 0, records: [...records] }, starter));
  return result.ok ? [] : result.errors;
}

function inlineSlots(input: ApplyInput, previous: readonly PackRecord[]): Slot[] {
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

function urlSlots(input: ApplyInput, previous: readonly PackRecord[]): Slot[] {
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

/**
 * Pack ids are unique among the packs in force: the later source's pack gives way. Worked out
 * afresh on every call, from the offers still standing.
 */
function settleIds(slots: Slot[]): void {
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

/**
 * Compiles the managed packs together; when they do not compile, refuses the new offers the
 * errors point at (or, when none is named, the newest offer) until they do.
 */
function settleCompile(slots: Slot[], starter: Pack): void {
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

interface UserOutcome {
  records: PackRecord[];
  statuses: SourceStatus[];
}

function settleUserPacks(
  input: ApplyInput,
  managed: readonly PackRecord[],
  previousStatuses: readonly SourceStatus[],
): UserOutcome {
  const records: PackRecord[] = [];
  const statuses: SourceStatus[] = [];
  const statusOf = (user: UserPack, error?: Refusal): SourceStatus => {
    const before = previousStatuses.find((s) => s.source === 'user' && s.origin === user.fileName);
    return {
      source: 'user',
      origin: user.fileName,
      checkedAt: input.now,
      failures: 0,
      ...(error
        ? { error: { ...error, at: before?.error?.at ?? input.now } }
        : { succeededAt: user.importedAt }),
    };
  };
  if (!input.settings.allowUserPacks) {
    for (const user of input.userPacks) {
      statuses.push(
        statusOf(user, {
          code: 'not-allowed',
          message: 'Your organisation does not allow imported packs, so this one is not in force',
        }),
      );
    }
    return { records, statuses };
  }
  // With an organisation's packs in force, every rule they name is not the person's to change,
  // the ones they switch off included (and the starter's, when they build on it).
  const orgRules = new Set<string>();
  if (managed.length > 0) {
    for (const pack of packsInForce({ revision: 0, records: [...managed] }, input.starter)) {
      for (const rule of pack.rules) orgRules.add(rule.id);
    }
  }
  const takenIds = new Set(managed.map((r) => r.pack.id));
  for (const user of input.userPacks) {
    const refusal = userPackRefusal(input, user, takenIds, orgRules, [...managed, ...records], {
      organisationInForce: managed.length > 0,
    });
    statuses.push(statusOf(user, refusal));
    if (refusal) continue;
    records.push({
      source: 'user',
      origin: user.fileName,
      pack: user.pack,
      fetchedAt: user.importedAt,
    });
    takenIds.add(user.pack.id);
  }
  return { records, statuses };
}

/** Pack-wide settings that apply to every rule, whichever pack the rule comes from. */
const ORGANISATION_SETTINGS = ['org', 'policyUrl', 'links'] as const;

/** Why an imported pack cannot be in force beside these packs, or undefined when it can. */
export function userPackRefusal(
  input: Pick<ApplyInput, 'starter'>,
  user: UserPack,
  takenIds: ReadonlySet<string>,
  orgRules: ReadonlySet<string>,
  inForce: readonly PackRecord[],
  { organisationInForce }: { organisationInForce: boolean },
): Refusal | undefined {
  const { pack } = user;
  // The last pack that sets these wins for all rules, and an imported pack comes last: it
  // would rename the organisation (so disclosure stops asking), or move its links.
  const settings = ORGANISATION_SETTINGS.filter((key) => pack[key] !== undefined);
  if (organisationInForce && settings.length > 0) {
    return {
      code: 'conflict',
      message: `A pack you import cannot set ${settings.join(', ')}: with your organisation's packs in force, those are theirs. Take ${settings.length === 1 ? 'it' : 'them'} out of the pack and import it again`,
    };
  }
  if (pack.id === input.starter.id || takenIds.has(pack.id)) {
    return {
      code: 'conflict',
      message: `A pack with the id "${pack.id}" is already in force; give your pack its own id`,
    };
  }
  const overridden = pack.rules.find((rule) => orgRules.has(rule.id));
  if (overridden) {
    return {
      code: 'conflict',
      message: `Rule "${overridden.id}" is one of your organisation's rules: a pack you import can add rules, not change or switch off the organisation's`,
    };
  }
  const errors = compileErrors(
    [...inForce, { source: 'user', origin: user.fileName, pack }],
    input.starter,
  );
  if (errors.length > 0) {
    return {
      code: 'invalid',
      message: `This pack does not work with the packs in force: ${listErrors(errors)}`,
    };
  }
  return undefined;
}

function slotStatus(slot: Slot, input: ApplyInput): SourceStatus {
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
    changed: JSON.stringify(records) !== JSON.stringify(input.records),
  };
}
