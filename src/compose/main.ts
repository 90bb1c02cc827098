import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { adapterForHost } from '@/src/sites';
import type { ExtensionMessage } from '@/src/messages';
import { ComposeController } from './controller';
import { loadChecker, watchChecker } from './policy';

export { OVERLAY_HOST_TAG } from './overlay/host';

/** The content script's entry: cheap until a person focuses a compose box. */
export function startCompose(ctx: ContentScriptContext): ComposeController | undefined {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return undefined;
  const controller = new ComposeController(document, adapter, {
    loadChecker,
    onCheckerChange(listener) {
      const unwatch = watchChecker(listener);
      ctx.onInvalidated(unwatch);
    },
    acknowledge(session, findings, checker) {
      const message: ExtensionMessage = {
        kind: 'post-acknowledged',
        ruleIds: [...new Set(findings.map((finding) => finding.ruleId))],
        network: session.box.network,
        packs: checker.packs.map((pack) => ({ id: pack.id, version: pack.version })),
        at: Date.now(),
      };
      // The background may be restarting; the acknowledgement is a log entry, not a gate.
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
  });
  controller.start();
  ctx.onInvalidated(() => controller.stop());
  return controller;
}
