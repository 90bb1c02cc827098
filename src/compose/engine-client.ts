import { browser, type Browser } from 'wxt/browser';
import type { CheckReply, EngineInfoReply, ExtensionMessage } from '@/src/messages';
import { ENGINE_PORT, type EnginePortReply, type EnginePortRequest } from '@/src/messages';
import type { CheckEngine } from './engine';

/**
 * One long-lived port to the background's engine: a check is one message each way, where
 * `runtime.sendMessage` opens and closes a channel for every call (measured: the difference
 * is most of a keystroke's latency on a busy machine). Chrome stops an idle service worker
 * and with it the port; the next request opens a new one (which wakes the worker), and a
 * request the closing port took with it is sent once more on the new one.
 */
class EnginePort {
  private port: Browser.runtime.Port | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      message: ExtensionMessage;
      resolve(reply: unknown): void;
      reject(error: Error): void;
      tries: number;
    }
  >();

  /** Whether a port is open (the background is awake, as far as this page knows). */
  get isOpen(): boolean {
    return this.port !== undefined;
  }

  request(message: ExtensionMessage): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { message, resolve, reject, tries: 1 });
      this.send(id, message);
    });
  }

  private send(id: number, message: ExtensionMessage): void {
    const request: EnginePortRequest = { id, message };
    try {
      this.open().postMessage(request);
    } catch (error) {
      // The extension was reloaded or updated: this page's script can no longer reach it.
      this.port = undefined;
      this.settle(id, undefined, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private settle(id: number, reply: unknown, error?: Error): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(error);
    else waiting.resolve(reply);
  }

  private open(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: ENGINE_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const reply = raw as Partial<EnginePortReply> | null;
      if (typeof reply?.id === 'number') this.settle(reply.id, reply.reply);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      for (const [id, waiting] of [...this.pending]) {
        if (waiting.tries >= 2) {
          this.settle(id, undefined, new Error('Postguard: the checking engine went away'));
          continue;
        }
        waiting.tries += 1;
        this.send(id, waiting.message);
      }
    });
    this.port = port;
    return port;
  }
}

let shared: EnginePort | undefined;

/**
 * The content script's side of the background's engine. The text goes to the extension's own
 * background (never off the machine) and is not kept there.
 */
export async function connectEngine(onStale: () => void): Promise<CheckEngine> {
  const channel = (shared ??= new EnginePort());
  const info = (await channel.request({ kind: 'engine-info' })) as EngineInfoReply | undefined;
  if (!info?.ok) {
    const reason = info ? `: ${info.error}` : '';
    throw new Error(`Postguard: the checking engine did not answer${reason}`);
  }
  let staleTold = false;
  return {
    packs: info.packs,
    hasSlowRules: info.hasSlowRules,
    isAwake: () => channel.isOpen,
    wake() {
      // Any request resets the background's idle timer; `engine-info` is the cheapest.
      channel.request({ kind: 'engine-info' }).catch(() => undefined);
    },
    async check(text, { network, tier }) {
      const message: ExtensionMessage = {
        kind: 'check',
        text,
        network,
        now: Date.now(),
        ...(tier ? { tier } : {}),
      };
      const reply = (await channel.request(message)) as CheckReply | undefined;
      if (!reply?.ok) {
        const reason = reply ? `: ${reply.error}` : '';
        throw new Error(`Postguard: the check did not complete${reason}`);
      }
      // The packs changed since this engine was described (the tab's notice may be on its
      // way): the findings are still the text's, and the controller asks for the new packs.
      if (reply.generation !== info.generation && !staleTold) {
        staleTold = true;
        onStale();
      }
      return reply.findings;
    },
  };
}
