import { packsInForce } from '@/src/policy/packs-in-force';
import type { PackRecord, SourceStatus, UserPack } from '@/src/policy/types';
import { compileErrors, listErrors } from './slot';
import type { ApplyInput, Refusal } from './types';

interface UserOutcome {
  records: PackRecord[];
  statuses: SourceStatus[];
}

export function settleUserPacks(
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
function userPackRefusal(
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
