import { browser } from 'wxt/browser';
import { openDatabase, type OpenOptions } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import {
  databaseProblem,
  describeDatabaseError,
  type DatabaseProblem,
} from '@/src/store/db-errors';
import { writeProblem, type ActivityWrite } from '@/src/store/write-problem';
import { clearWriteProblem, saveWriteProblem } from '@/src/store/write-problem-item';
import { acceptMessage, type MessageSenderInfo } from './messages';
import { recordUnrecognisedBox } from '@/src/store/unrecognised-boxes';
import { startPackUpdates } from './packs';
import { openGuide, startGuideOpening } from './guide';

/** The background's answer to a logging message: it never throws at the sender. */
export type ActivityWriteReply = { ok: true } | { ok: false; problem: string };

export interface ActivityWriterOptions {
  /** Opens the activity database (tests add a full disk). */
  open?: (options: OpenOptions) => PostguardDb;
  now?: () => number;
}

export type ActivityWriter = (
  what: ActivityWrite,
  write: (db: PostguardDb) => Promise<unknown>,
) => Promise<ActivityWriteReply>;

/**
 * Makes the background's writes to the activity log. A write that fails (a full disk, a
 * database held at an older version by another window) is stored as a problem in plain words
 * for the popup and the options page, and answered as `ok: false`; a later write that works
 * clears it.
 */
export function activityWriter(options: ActivityWriterOptions = {}): ActivityWriter {
  const open = options.open ?? ((openOptions: OpenOptions) => openDatabase(undefined, openOptions));
  const now = options.now ?? Date.now;
  let db: PostguardDb | undefined;

  async function note(problem: DatabaseProblem, what: ActivityWrite): Promise<string> {
    const stored = writeProblem(problem, what, now());
    try {
      await saveWriteProblem(stored);
    } catch (error) {
      console.error('Postguard: could not store the activity write problem', error);
    }
    return stored.message;
  }

  const database = (what: ActivityWrite): PostguardDb =>
    (db ??= open({
      // The write waits (it is not lost) while another window holds the old version open.
      onBlocked: () => void note(databaseProblem('blocked'), what),
    }));

  return async (what, write) => {
    const current = database(what);
    try {
      await write(current);
    } catch (error) {
      console.error(`Postguard: could not log a ${what}`, error);
      // Dexie refuses every later write on a database that failed to open: the next message
      // opens it afresh.
      if (current.hasFailed()) {
        if (db === current) db = undefined;
        current.close();
      }
      return { ok: false, problem: await note(describeDatabaseError(error), what) };
    }
    try {
      await clearWriteProblem();
    } catch (error) {
      console.error('Postguard: could not clear the activity write problem', error);
    }
    return { ok: true };
  };
}

/** The runtime.onMessage listener: checks the sender and shape, then acts. */
export function messageListener(
  isSitePage: (url: string) => boolean,
  write: ActivityWriter = activityWriter(),
) {
  return (
    raw: unknown,
    sender: MessageSenderInfo & { frameId?: number },
  ): Promise<unknown> | undefined => {
    const message = acceptMessage(raw, sender, {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      isSitePage,
    });
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
          .then((results) => {
            // Firefox reports a script that threw as the frame's `error`; Chrome logs it in
            // the page and the content script finds no engine. Either way the reason is told.
            const failed = results.find((result) => (result as { error?: unknown }).error);
            return failed
              ? { ok: false, error: String((failed as { error?: unknown }).error) }
              : { ok: true };
          });
      }
      case 'post-acknowledged': {
        const { ruleIds, network, packs, at } = message;
        return write('acknowledgement', (db) =>
          db.acknowledgements.add({ ruleIds, network, packs, at }),
        );
      }
      case 'approved-content-posted': {
        const { contentId, network, packId, packVersion, edited, at } = message;
        return write('share', (db) =>
          db.shares.add({ contentId, network, action: 'posted', packId, packVersion, edited, at }),
        );
      }
      case 'open-guide':
        return openGuide(message.section, sender.tab).then(() => ({ ok: true }));
      case 'unrecognised-box': {
        // The host is the sender's own, not what the message says.
        const host = hostOf(sender.tab?.url ?? sender.url);
        if (!host) return undefined;
        const { network, pathShape, markers, at } = message;
        return recordUnrecognisedBox({ network, host, pathShape, markers, at }).then(() => ({
          ok: true,
        }));
      }
    }
  };
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Wires the background's listeners; `isSitePage` says which pages the content script runs on. */
export function startBackground({ isSitePage }: { isSitePage: (url: string) => boolean }): void {
  const updater = startPackUpdates();
  startGuideOpening(() => updater.settled());
  browser.runtime.onMessage.addListener(messageListener(isSitePage));
}
