import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { formatPackError, parsePack } from '@/src/core';
import type { Pack } from '@/src/core/pack/schema';
import type { OptionsResponse } from '@/src/messages';
import {
  activePolicyItem,
  policyStatusItem,
  sessionStartedAtItem,
  userPacksItem,
} from '@/src/policy/storage';
import type { ActivePolicy, PolicyStatus, SourceStatus, UserPack } from '@/src/policy/types';
import { applyPolicy, type ApplyResult } from './apply';
import { showPolicyHealth } from './badge';
import type { FetchLike } from './download';
import { fetchSignedPack, type FetchedPack } from './fetch-pack';
import { ensureRefreshAlarm, retryDelayMs, scheduleRetry } from './schedule';
import { canonicalKey, parseManagedSettings, type ManagedSettings } from './settings';

/**
 * The background's keeper of the packs in force. Every change goes through one queue, reads
 * the last good state from storage (the service worker may have been restarted since), and
 * ends in a single write of the packs in force together with each source's status.
 */

/** What set an update off; it decides which pack URLs are fetched. */
export type UpdateReason =
  /** The browser started, or the extension was installed or updated: fetch everything. */
  | 'startup'
  /** The service worker woke for something else: fetch only what is overdue. */
  | 'wake'
  /** The regular refresh alarm. */
  | 'refresh'
  /** The backoff alarm: fetch the failing sources that are due. */
  | 'retry'
  /** The admin changed the managed settings. */
  | 'managed-changed'
  /** The person pressed "Check now". */
  | 'check-now';

export interface PackUpdaterOptions {
  starter: Pack;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  /** For each download (pack, then signature). */
  timeoutMs?: number;
  /**
   * When the browser session started; see EMPTY_POLICY_GRACE_MS. Read from (and first
   * written to) `storage.session` when not given, so it outlives the service worker.
   */
  startedAt?: number;
  /** How often a held update looks again for a policy still loading; 2 s by default. */
  policyLookMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Chrome loads extension policy a few seconds after it starts, so a managed area that is
 * empty just after start-up may simply not be loaded yet. For this long, managed packs in
 * force are kept rather than dropped; after it, an empty policy means nothing is pushed.
 */
export const EMPTY_POLICY_GRACE_MS = 2 * 60_000;

const FETCH_ALL: ReadonlySet<UpdateReason> = new Set([
  'startup',
  'refresh',
  'managed-changed',
  'check-now',
]);

interface State {
  raw: Record<string, unknown>;
  settings: ManagedSettings;
  settingsErrors: string[];
  policy: ActivePolicy | null;
  status: PolicyStatus | null;
  userPacks: UserPack[];
  sessionStartedAt: number;
}

const DEFAULT_POLICY_LOOK_MS = 2_000;

export class PackUpdater {
  private queue: Promise<unknown> = Promise.resolve();
  private policyWatch: ReturnType<typeof setTimeout> | undefined;
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  /**
   * Pack URLs this background (worker or event page) has fetched. A set, not a start time:
   * a new background in the same millisecond as the last fetch must still fetch.
   */
  private readonly fetchedHere = new Set<string>();

  constructor(private readonly options: PackUpdaterOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Fetches what `reason` calls for, applies what is good, and returns the new status. */
  update(reason: UpdateReason): Promise<PolicyStatus> {
    return this.serialised(() => this.runUpdate(reason));
  }

  /** Validates and puts a person's pack in force beside the organisation's. */
  importPack(fileName: string, text: string): Promise<OptionsResponse> {
    return this.serialised(() => this.runImport(fileName, text));
  }

  removePack(packId: string): Promise<OptionsResponse> {
    return this.serialised(async () => {
      const state = await this.readState();
      if (!state.userPacks.some((user) => user.pack.id === packId)) {
        return { ok: false, error: `No imported pack has the id "${packId}"` };
      }
      const userPacks = state.userPacks.filter((user) => user.pack.id !== packId);
      const result = this.apply(state, new Map(), userPacks);
      await this.write(state, result, userPacks);
      return { ok: true };
    });
  }

  /** Resolves once every update asked for so far has finished, however it ended. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readManaged(): Promise<Record<string, unknown>> {
    try {
      return ((await browser.storage.managed.get()) ?? {}) as Record<string, unknown>;
    } catch {
      // Firefox without a policy for this extension says so by throwing.
      return {};
    }
  }

  private async readState(): Promise<State> {
    const raw = await this.readManaged();
    const { settings, errors } = parseManagedSettings(raw);
    const [policy, status, userPacks, sessionStartedAt] = await Promise.all([
      activePolicyItem.getValue(),
      policyStatusItem.getValue(),
      userPacksItem.getValue(),
      this.sessionStartedAt(),
    ]);
    return {
      raw,
      settings,
      settingsErrors: errors,
      policy,
      status,
      userPacks: userPacks ?? [],
      sessionStartedAt,
    };
  }

  private async sessionStartedAt(): Promise<number> {
    if (this.options.startedAt !== undefined) return this.options.startedAt;
    try {
      const stored = await sessionStartedAtItem.getValue();
      if (stored !== null) return stored;
      const now = this.now();
      await sessionStartedAtItem.setValue(now);
      return now;
    } catch {
      // No session storage (an older browser): the grace then starts with each worker.
      return this.now();
    }
  }

  /**
   * The managed area is empty, managed packs are in force, and the policy may still be
   * loading. A change event is never a maybe: the admin did empty the policy.
   */
  private holdsManaged(state: State, reason?: UpdateReason): boolean {
    return (
      reason !== 'managed-changed' &&
      state.settings.empty &&
      (state.policy?.records ?? []).some((r) => r.source !== 'user') &&
      this.now() - state.sessionStartedAt < EMPTY_POLICY_GRACE_MS
    );
  }

  private isDue(url: string, reason: UpdateReason, state: State): boolean {
    const status = state.status?.sources.find(
      (s) => s.source === 'managed-url' && s.origin === url,
    );
    // Firefox reports the start (onInstalled for an add-on installed as it starts) after the
    // background's own first run has fetched everything: what this start fetched is fresh.
    if (reason === 'startup' && this.fetchedHere.has(url) && status?.retryAt === undefined) {
      return false;
    }
    if (FETCH_ALL.has(reason)) return true;
    if (!status?.checkedAt) return true;
    const now = this.now();
    if (status.retryAt !== undefined && status.retryAt <= now) return true;
    if (reason === 'retry') return false;
    return status.checkedAt + state.settings.refreshMinutes * 60_000 <= now;
  }

  private async fetchDue(reason: UpdateReason, state: State): Promise<Map<string, FetchedPack>> {
    const trusted = new Set(state.settings.publicKeys);
    const records = state.policy?.records ?? [];
    const due = state.settings.packUrls.filter((url) => this.isDue(url, reason, state));
    const outcomes = await Promise.all(
      due.map(async (url) => {
        const record = records.find((r) => r.source === 'managed-url' && r.origin === url);
        const status = state.status?.sources.find(
          (s) => s.source === 'managed-url' && s.origin === url,
        );
        // A 304 vouches only for bytes whose signer is still trusted.
        const etag =
          record?.signedBy && trusted.has(canonicalKey(record.signedBy)) ? status?.etag : undefined;
        const outcome = await fetchSignedPack(url, {
          fetch: this.fetch,
          timeoutMs: this.timeoutMs,
          publicKeys: state.settings.publicKeys,
          ...(etag ? { etag } : {}),
        });
        this.fetchedHere.add(url);
        return [url, outcome] as const;
      }),
    );
    return new Map(outcomes);
  }

  private apply(
    state: State,
    fetched: ReadonlyMap<string, FetchedPack>,
    userPacks: readonly UserPack[],
    reason?: UpdateReason,
  ): ApplyResult {
    return applyPolicy({
      now: this.now(),
      starter: this.options.starter,
      settings: state.settings,
      records: state.policy?.records ?? [],
      statuses: state.status?.sources ?? [],
      fetched,
      userPacks,
      holdManaged: this.holdsManaged(state, reason),
      retryDelayMs: (failures) =>
        retryDelayMs(failures, state.settings.refreshMinutes, this.random()),
    });
  }

  /** One `set` for the packs in force, the statuses and (when given) the imported packs. */
  private async write(
    state: State,
    result: ApplyResult,
    userPacks?: UserPack[],
    checkedAll = false,
    reason?: UpdateReason,
  ): Promise<PolicyStatus> {
    const status: PolicyStatus = {
      sources: result.statuses,
      settingsErrors: state.settingsErrors,
      allowUserPacks: state.settings.allowUserPacks,
      refreshMinutes: state.settings.refreshMinutes,
      ...(checkedAll
        ? { checkedAt: this.now() }
        : state.status?.checkedAt
          ? { checkedAt: state.status.checkedAt }
          : {}),
    };
    const items: Parameters<typeof storage.setItems>[0] = [
      { item: policyStatusItem, value: status },
    ];
    // Written only when the decision differs from the packs in force, so readers hear of
    // real changes only.
    if (!state.policy || result.changed) {
      const next: ActivePolicy = {
        revision: (state.policy?.revision ?? 0) + 1,
        records: result.records,
      };
      items.push({ item: activePolicyItem, value: next });
    }
    if (userPacks) items.push({ item: userPacksItem, value: userPacks });
    await storage.setItems(items);
    await this.afterWrite(state, status, reason);
    return status;
  }

  private async afterWrite(
    state: State,
    status: PolicyStatus,
    reason?: UpdateReason,
  ): Promise<void> {
    await showPolicyHealth(status);
    await ensureRefreshAlarm(state.settings.refreshMinutes);
    const retries = status.sources
      .map((s) => s.retryAt)
      .filter((at): at is number => at !== undefined);
    // While holding, nothing is fetched: retries already due would only wake the worker again.
    if (this.holdsManaged(state, reason)) {
      retries.length = 0;
      retries.push(state.sessionStartedAt + EMPTY_POLICY_GRACE_MS);
    }
    await scheduleRetry(
      retries.length > 0 ? Math.max(this.now(), Math.min(...retries)) : undefined,
    );
  }

  private async runUpdate(reason: UpdateReason): Promise<PolicyStatus> {
    const state = await this.readState();
    const holding = this.holdsManaged(state, reason);
    const fetched = holding ? new Map() : await this.fetchDue(reason, state);
    const result = this.apply(state, fetched, state.userPacks, reason);
    if (holding) this.watchLoadingPolicy();
    return this.write(state, result, undefined, FETCH_ALL.has(reason), reason);
  }

  /**
   * Chromium loads the policy a moment after the worker starts and tells nobody: the managed
   * area reads empty, then full, with no change event. While the update holds for that,
   * look again every few seconds; the policy arriving is then a change like any other.
   */
  private watchLoadingPolicy(): void {
    if (this.policyWatch) return;
    const every = this.options.policyLookMs ?? DEFAULT_POLICY_LOOK_MS;
    let looksLeft = Math.ceil(EMPTY_POLICY_GRACE_MS / every);
    const look = async () => {
      looksLeft -= 1;
      const raw = await this.readManaged();
      if (Object.keys(raw).length > 0) {
        this.policyWatch = undefined;
        await this.update('managed-changed');
      } else if (looksLeft > 0) {
        schedule();
      } else {
        this.policyWatch = undefined;
      }
    };
    const schedule = () => {
      this.policyWatch = setTimeout(() => void look().catch(() => undefined), every);
    };
    schedule();
  }

  private async runImport(fileName: string, text: string): Promise<OptionsResponse> {
    const state = await this.readState();
    if (!state.settings.allowUserPacks) {
      return { ok: false, error: 'Your organisation does not allow importing packs' };
    }
    const parsed = parsePack(text);
    if (!parsed.ok) {
      return {
        ok: false,
        error: `${fileName} is not a valid pack: ${parsed.errors.slice(0, 5).map(formatPackError).join('; ')}`,
      };
    }
    const pack = parsed.value;
    const others = state.userPacks.filter((user) => user.pack.id !== pack.id);
    // Statuses are keyed by file name: two imported packs never share one.
    const origin = others.some((user) => user.fileName === fileName)
      ? `${fileName} (${pack.id})`
      : fileName;
    const imported: UserPack = { fileName: origin, importedAt: this.now(), pack };
    const userPacks = [...others, imported];
    const result = this.apply(state, new Map(), userPacks);
    const refusal = result.statuses.find(
      (s: SourceStatus) => s.source === 'user' && s.origin === origin,
    )?.error;
    if (refusal) return { ok: false, error: `${fileName}: ${refusal.message}` };
    await this.write(state, result, userPacks);
    return { ok: true };
  }
}
