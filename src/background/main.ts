import { browser } from 'wxt/browser';
import { openDatabase, type PostguardDb } from '@/src/store/db';
import { acceptMessage } from './messages';
import { startPackUpdates } from './packs';

let db: PostguardDb | undefined;
const database = () => (db ??= openDatabase());

/** Wires the background's listeners. */
export function startBackground(): void {
  startPackUpdates();
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = acceptMessage(raw, sender, browser.runtime.id);
    if (!message) return undefined;
    switch (message.kind) {
      case 'load-compose-engine': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        return browser.scripting
          .executeScript({
            target: { tabId, frameIds: [sender.frameId ?? 0] },
            files: ['/compose-engine.js'],
          })
          .then(() => ({ ok: true }));
      }
      case 'post-acknowledged': {
        const { ruleIds, network, packs, at } = message;
        return database()
          .acknowledgements.add({ ruleIds, network, packs, at })
          .then(() => ({ ok: true }));
      }
      case 'approved-content-posted': {
        const { contentId, network, packId, packVersion, edited, at } = message;
        return database()
          .shares.add({ contentId, network, action: 'posted', packId, packVersion, edited, at })
          .then(() => ({ ok: true }));
      }
    }
  });
}
