import { browser } from 'wxt/browser';
import type { CheckReply, EngineInfoReply, ExtensionMessage } from '@/src/messages';
import type { CheckEngine } from './engine';

/**
 * The content script's side of the background's engine. Each check is one message: the
 * text goes to the extension's own background (never off the machine) and is not kept there.
 */
export async function connectEngine(onStale: () => void): Promise<CheckEngine> {
  const request: ExtensionMessage = { kind: 'engine-info' };
  const info = (await browser.runtime.sendMessage(request)) as EngineInfoReply | undefined;
  if (!info?.ok) {
    const reason = info ? `: ${info.error}` : '';
    throw new Error(`Postguard: the checking engine did not answer${reason}`);
  }
  let staleTold = false;
  return {
    packs: info.packs,
    hasSlowRules: info.hasSlowRules,
    async check(text, { network, tier }) {
      const message: ExtensionMessage = {
        kind: 'check',
        text,
        network,
        now: Date.now(),
        ...(tier ? { tier } : {}),
      };
      const reply = (await browser.runtime.sendMessage(message)) as CheckReply | undefined;
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
