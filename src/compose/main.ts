import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The element that hosts Postguard's overlay; its shadow root keeps the site's CSS out. */
export const OVERLAY_HOST_TAG = 'postguard-overlay';

export function startCompose(ctx: ContentScriptContext): void {
  const host = document.createElement(OVERLAY_HOST_TAG);
  host.attachShadow({ mode: 'open' });
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
}
