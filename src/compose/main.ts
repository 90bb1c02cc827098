import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { adapterForHost } from '@/src/sites';
import { editorMarkers, pathShape } from '@/src/sites/generic';
import type { ComposeStatus, ExtensionMessage, InsertResult, TabMessage } from '@/src/messages';
import { ComposeController } from './controller';
import { connectEngine } from './engine-client';

export { OVERLAY_HOST_TAG } from './overlay/host';

/** The content script's entry: cheap until a person focuses a compose box. */
export function startCompose(ctx: ContentScriptContext): ComposeController | undefined {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return undefined;
  const controller = new ComposeController(document, adapter, {
    connectEngine: () => connectEngine(refreshEngine),
    acknowledge(session, findings, engine) {
      const message: ExtensionMessage = {
        kind: 'post-acknowledged',
        ruleIds: [...new Set(findings.map((finding) => finding.ruleId))],
        network: session.box.network,
        packs: engine.packs.map((pack) => ({ id: pack.id, version: pack.version })),
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
  /** The packs in force changed (the background says so): every box checks with the new. */
  let refreshing = false;
  function refreshEngine(): void {
    if (refreshing) return;
    refreshing = true;
    connectEngine(refreshEngine)
      .then((engine) => controller.useEngine(engine))
      .catch((error: unknown) => console.warn('Postguard: the packs could not be refreshed', error))
      .finally(() => {
        refreshing = false;
      });
  }
  const onTabMessage = (raw: unknown, sender: { id?: string }) => {
    // Only this extension's own pages (the popup) and its background may ask; the page itself
    // cannot reach here.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseTabMessage(raw);
    if (!message) return undefined;
    if (message.kind === 'packs-changed') {
      refreshEngine();
      return undefined;
    }
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
  // A tab in the background has nobody writing in it yet: it wakes the engine when shown.
  if (document.visibilityState === 'visible') controller.warmUp();
  else
    document.addEventListener('visibilitychange', () => controller.warmUp(), {
      once: true,
      signal: ctx.signal,
    });
  ctx.onInvalidated(() => controller.stop());
  return controller;
}

/** Checks a popup message's shape before acting on it. */
function parseTabMessage(raw: unknown): TabMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.kind === 'compose-status') return { kind: 'compose-status' };
  if (message.kind === 'packs-changed') return { kind: 'packs-changed' };
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
