import { browser } from 'wxt/browser';
import type { ComposeStatus, InsertResult, TabMessage } from '@/src/messages';
import { openDatabase } from '@/src/store/db';
import { storedWriteProblems } from '@/src/store/write-problem-item';
import { loadPacksInForce, watchPacksInForce } from '@/src/policy/packs';
import type { PopupServices } from './services';

/** `?tab=123` names the tab to act on (tests, and the library opened in a window of its own). */
export function tabFromUrl(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function isComposeStatus(value: unknown): value is ComposeStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Record<string, unknown>;
  return (
    (status.network === 'x' || status.network === 'facebook' || status.network === 'linkedin') &&
    typeof status.hasComposeBox === 'boolean'
  );
}

function isInsertResult(value: unknown): value is InsertResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** The popup's services in the extension itself. Call only from the page, never at import. */
export function browserServices(): PopupServices {
  return {
    guideUrl: browser.runtime.getURL('/guide.html'),
    async targetTab() {
      const fromUrl = tabFromUrl(window.location.search);
      if (fromUrl !== undefined) return fromUrl;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    async composeStatus(tabId) {
      try {
        const answer: unknown = await browser.tabs.sendMessage(tabId, {
          kind: 'compose-status',
        } satisfies TabMessage);
        return isComposeStatus(answer) ? answer : undefined;
      } catch {
        // No content script in that tab: not one of the sites, or loaded before the extension.
        return undefined;
      }
    },
    async insert(tabId, message) {
      const answer: unknown = await browser.tabs.sendMessage(tabId, message);
      return isInsertResult(answer) ? answer : { ok: false, reason: 'insert-failed' };
    },
    loadPacks: loadPacksInForce,
    watchPacks: watchPacksInForce,
    openDatabase: (options) => openDatabase(undefined, options),
    writeProblems: storedWriteProblems,
    copy: (text) => navigator.clipboard.writeText(text),
    now: () => new Date(),
  };
}
