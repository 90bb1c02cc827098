import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '@/src/messages';
import { registeredEngine, type ComposeEngine } from './engine';

let loading: Promise<ComposeEngine> | undefined;

/**
 * Asks the background to inject the engine into this frame's isolated world, once.
 * Injection, not a web-accessible module, so pages cannot probe for the extension.
 */
export function loadComposeEngine(): Promise<ComposeEngine> {
  const ready = registeredEngine();
  if (ready) return Promise.resolve(ready);
  loading ??= (async () => {
    const request: ExtensionMessage = { kind: 'load-compose-engine' };
    const reply = (await browser.runtime.sendMessage(request)) as
      | { ok: boolean; error?: string }
      | undefined;
    const engine = registeredEngine();
    if (!engine) {
      const reason = reply?.error ? `: ${reply.error}` : '';
      throw new Error(`Postguard: the checking engine did not load${reason}`);
    }
    return engine;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
