import type { Pack } from '@/src/core/pack/schema';
import type {
  PackRecord,
  PackSource,
  RefusalCode,
  SourceStatus,
  UserPack,
} from '@/src/policy/types';
import type { FetchedPack } from '../fetch-pack';
import type { ManagedSettings } from '../settings';

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

export type ManagedSource = Extract<PackSource, 'managed-inline' | 'managed-url'>;

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export interface Slot {
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
