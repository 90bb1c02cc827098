import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { adapterForHost } from '@/src/sites';
import { editorMarkers, pathShape } from '@/src/sites/generic';
import type { ComposeStatus, ExtensionMessage, InsertResult, TabMessage } from '@/src/messages';
import { ComposeController } from './controller';
import { loadComposeEngine } from './engine-loader';

export { OVERLAY_HOST_TAG } from './overlay/host';

/** The content script's entry: cheap until a person focuses a compose box. */
export function startCompose(ctx: ContentScriptContext): ComposeController | undefined {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return undefined;
  const controller = new ComposeController(document, adapter, {
    async loadChecker() {
      const engine = await loadComposeEngine();
      const unwatch = engine.watchChecker((checker) => controller.useChecker(checker));
      ctx.onInvalidated(unwatch);
      return engine.loadChecker();
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
    sharePosted(session, share, edited) {
      const message: ExtensionMessage = {
        kind: 'approved-content-posted',
        contentId: share.contentId,
        network: session.box.network,
        packId: share.packId,
        packVersion: share.packVersion,
        edited,
        at: Date.now(),
      };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    unrecognisedBox(box) {
      // Kept locally by the background (no storage or validation code in this small script),
      // and never the text: where it was and what the editor looked like.
      const message: ExtensionMessage = {
        kind: 'unrecognised-box',
        network: box.network,
        pathShape: pathShape(location.pathname),
        markers: editorMarkers(box.element),
        at: Date.now(),
      };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    openGuide(section) {
      const message: ExtensionMessage = { kind: 'open-guide', section };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
  });
  const onTabMessage = (raw: unknown, sender: { id?: string }) => {
    // Only this extension's own pages (the popup) may ask; the page itself cannot reach here.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseTabMessage(raw);
    if (!message) return undefined;
    if (message.kind === 'compose-status') {
      const status: ComposeStatus = {
        network: adapter.network,
        hasComposeBox:
          controller.insertTarget() !== undefined || adapter.findBoxes(document).length > 0,
      };
      return Promise.resolve(status);
    }
    return controller
      .insertApproved(message.text, {
        contentId: message.contentId,
        packId: message.packId,
        packVersion: message.packVersion,
      })
      .then(
        (outcome): InsertResult =>
          outcome === 'ok' ? { ok: true } : { ok: false, reason: outcome },
      );
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));
  controller.start();
  ctx.onInvalidated(() => controller.stop());
  return controller;
}

/** Checks a popup message's shape before acting on it. */
function parseTabMessage(raw: unknown): TabMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.kind === 'compose-status') return { kind: 'compose-status' };
  if (
    message.kind === 'insert-content' &&
    typeof message.text === 'string' &&
    typeof message.contentId === 'string' &&
    typeof message.packId === 'string' &&
    typeof message.packVersion === 'string'
  ) {
    const { text, contentId, packId, packVersion } = message;
    return { kind: 'insert-content', text, contentId, packId, packVersion };
  }
  return undefined;
}
