import type { Checker } from '@/src/core';
import type { CheckReply, EngineInfoReply } from '@/src/messages';
import type { Network } from '@/src/core/pack/schema';
import type { CheckTier } from '@/src/core/findings';
import { loadChecker, watchChecker } from '@/src/policy/checker';

/**
 * The checking engine, in the background: the packs in force compiled once for the whole
 * browser, and every compose box's text checked here. A tab's main thread then never
 * evaluates the engine (about a megabyte: compromise, eld, the stemmers) nor compiles a pack,
 * which cost a fresh tab one 400 to 600 ms task when the engine was injected into the page;
 * a 50,000-term pack is compiled once, not once per tab.
 *
 * Nothing checked is kept: a text is checked and forgotten, as it was in the page (the
 * checker's caches hold recent sentences in memory only, as they did there).
 */
export interface BackgroundEngine {
  /** Resolves once the first check has been answered (or has failed), never rejects. */
  readonly firstCheckAnswered: Promise<void>;
  info(): Promise<EngineInfoReply>;
  check(request: {
    text: string;
    network: Network;
    tier?: CheckTier;
    now: number;
  }): Promise<CheckReply>;
}

export interface BackgroundEngineOptions {
  /** The packs in force changed and are compiled: tell the site tabs to check again. */
  onPacksChanged(): void;
  load?: () => Promise<Checker>;
  watch?: (listener: (checker: Checker) => void) => () => void;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startEngine(options: BackgroundEngineOptions): BackgroundEngine {
  const load = options.load ?? loadChecker;
  const watch = options.watch ?? watchChecker;
  let generation = 0;
  let checked = false;
  let answeredFirstCheck = () => {};
  const firstCheckAnswered = new Promise<void>((resolve) => (answeredFirstCheck = resolve));
  // The checker with the generation it is of, so no reply pairs one with the other's number.
  let current: Promise<{ compiled: Checker; generation: number }> | undefined;
  const checker = (): Promise<{ compiled: Checker; generation: number }> => {
    if (current) return current;
    const of = generation;
    const loading = load().then(
      (compiled) => {
        performance.mark('postguard:packs-compiled');
        return { compiled, generation: of };
      },
      (error: unknown) => {
        // The next request tries again: a storage read that failed once may not fail twice.
        if (current === loading) current = undefined;
        throw error;
      },
    );
    current = loading;
    return loading;
  };
  watch((compiled) => {
    generation += 1;
    current = Promise.resolve({ compiled, generation });
    options.onPacksChanged();
  });
  return {
    firstCheckAnswered,
    async info() {
      try {
        const { compiled, generation } = await checker();
        return {
          ok: true,
          packs: compiled.packs.map((pack) => ({ id: pack.id, version: pack.version })),
          hasSlowRules: compiled.hasSlowRules,
          generation,
        };
      } catch (error) {
        return { ok: false, error: reason(error) };
      }
    },
    async check({ text, network, tier, now }) {
      try {
        const { compiled, generation } = await checker();
        const findings = compiled.check(text, {
          network,
          now: new Date(now),
          ...(tier ? { tier } : {}),
        });
        if (!checked) {
          checked = true;
          performance.mark('postguard:first-check');
        }
        return { ok: true, findings, generation };
      } catch (error) {
        return { ok: false, error: reason(error) };
      } finally {
        answeredFirstCheck();
      }
    },
  };
}
