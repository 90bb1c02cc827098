import { browser, type Browser } from 'wxt/browser';
import { openDatabase, type OpenOptions } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import {
  databaseProblem,
  describeDatabaseError,
  type DatabaseProblem,
} from '@/src/store/db-errors';
import { writeProblem, type ActivityWrite } from '@/src/store/write-problem';
import { clearWriteProblem, saveWriteProblem } from '@/src/store/write-problem-item';
import {
  ENGINE_PORT,
  type EnginePortReply,
  type EnginePortRequest,
  type TabMessage,
} from '@/src/messages';
import { acceptMessage, type MessageSenderInfo } from './messages';
import { recordUnrecognisedBox } from '@/src/store/unrecognised-boxes';
import { startPackUpdates } from './packs';
import { openGuide, startGuideOpening } from './guide';
import { startEngine, type BackgroundEngine } from './engine';

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
  engine?: BackgroundEngine,
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
      case 'engine-info':
        return engine ? engine.info() : undefined;
      case 'check': {
        if (!engine) return undefined;
        const { text, network, tier, now } = message;
        return engine.check({ text, network, now, ...(tier ? { tier } : {}) });
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

export interface SitePages {
  /** Whether a page is one the content script runs on. */
  isSitePage(url: string): boolean;
  /** The content script's match patterns: the tabs told when the packs in force change. */
  matchPatterns: readonly string[];
}

/** Tells every site tab's content script that the packs changed, so its boxes check again. */
async function tellSiteTabs(matchPatterns: readonly string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...matchPatterns] });
  const message: TabMessage = { kind: 'packs-changed' };
  await Promise.all(
    tabs.map((tab) =>
      // A tab without the content script (still loading, discarded) has nobody to tell.
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => {}),
    ),
  );
}

type Listener = ReturnType<typeof messageListener>;

/**
 * The engine's port (src/compose/engine-client.ts): `engine-info` and `check` requests,
 * numbered, each answered on the port through the same sender and shape checks as a message.
 */
export function enginePortListener(listener: Listener) {
  return (port: Browser.runtime.Port): void => {
    if (port.name !== ENGINE_PORT) return;
    const sender = port.sender ?? {};
    port.onMessage.addListener((raw: unknown) => {
      const request = raw as Partial<EnginePortRequest> | null;
      const id = request?.id;
      if (typeof id !== 'number') return;
      const kind = (request?.message as { kind?: unknown } | undefined)?.kind;
      const answer =
        kind === 'engine-info' || kind === 'check' ? listener(request?.message, sender) : undefined;
      const reply = (value: unknown) => {
        const message: EnginePortReply = { id, reply: value };
        try {
          port.postMessage(message);
        } catch {
          // The tab went away while its text was checked: nobody is waiting.
        }
      };
      if (!answer) reply(undefined);
      else answer.then(reply, () => reply(undefined));
    });
  };
}

/**
 * A worker woken by a tab's focus gives that tab its first findings before it catches up on
 * overdue packs (which compiles them, tens of milliseconds on the worker's one thread): the
 * catch-up waits a moment past the first check's answer, and at most a while from the start.
 */
const CATCH_UP_AFTER_FIRST_CHECK_MS = 500;
const CATCH_UP_AT_THE_LATEST_MS = 2_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wires the background's listeners. */
export function startBackground({ isSitePage, matchPatterns }: SitePages): void {
  // User Timing marks of the worker's start, read by the cold-tab benchmark (free otherwise).
  performance.mark('postguard:background-evaluated');
  const engine = startEngine({
    onPacksChanged: () => void tellSiteTabs(matchPatterns).catch(() => undefined),
  });
  const updater = startPackUpdates({
    catchUpAfter: Promise.race([
      engine.firstCheckAnswered.then(() => delay(CATCH_UP_AFTER_FIRST_CHECK_MS)),
      delay(CATCH_UP_AT_THE_LATEST_MS),
    ]),
  });
  startGuideOpening(() => updater.settled());
  const listener = messageListener(isSitePage, activityWriter(), engine);
  browser.runtime.onMessage.addListener(listener);
  browser.runtime.onConnect.addListener(enginePortListener(listener));
}
