import type { Checker } from '@/src/core';

/**
 * The heavy half of the content script: the checking engine and pack compilation. It is
 * injected into the page's isolated world only when a person first focuses a compose box,
 * so pages where nobody writes pay nothing for it.
 */
export interface ComposeEngine {
  loadChecker(): Promise<Checker>;
  /** Calls back with a new checker whenever the packs in force change; returns an unwatch. */
  watchChecker(listener: (checker: Checker) => void): () => void;
}

/** Where the injected engine registers itself, in the extension's isolated world only. */
export const ENGINE_GLOBAL = '__postguardComposeEngine';

type EngineHolder = { [ENGINE_GLOBAL]?: ComposeEngine };

export function registeredEngine(): ComposeEngine | undefined {
  return (globalThis as EngineHolder)[ENGINE_GLOBAL];
}

export function registerEngine(engine: ComposeEngine): void {
  (globalThis as EngineHolder)[ENGINE_GLOBAL] = engine;
}
