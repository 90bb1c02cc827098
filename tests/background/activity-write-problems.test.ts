import { isSiteUrl } from '@/src/sites';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activityWriter, messageListener } from '@/src/background/main';
import { openDatabase } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import { activityWriteProblemItem } from '@/src/policy/storage';

const NOW = new Date(2026, 10, 24, 12).getTime();
let counter = 0;

/** The content script on X, as the background sees it. */
const fromX = () => ({ id: fakeBrowser.runtime.id, tab: { id: 3, url: 'https://x.com/home' } });

const posted = {
  kind: 'approved-content-posted',
  contentId: 'roadrunner-3-launch',
  network: 'x',
  packId: 'acme-social',
  packVersion: '2026.11.2',
  edited: false,
  at: NOW - 1000,
};

const acknowledged = {
  kind: 'post-acknowledged',
  ruleIds: ['confidential.codenames'],
  network: 'linkedin',
  packs: [{ id: 'acme-social', version: '2026.11.2' }],
  at: NOW - 2000,
};

/** A disk that fills and empties on demand: while full, every write fails as the browser fails it. */
function disk() {
  const state = { full: true };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'FullDisk',
    level: -1,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            state.full
              ? Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                )
              : table.mutate(request),
        };
      },
    }),
  };
  return { state, middleware };
}

/** The background's listener over a fresh database, with Dexie middleware of the test's choosing. */
function background(middleware?: Middleware<DBCore>) {
  const name = `postguard-background-${++counter}`;
  let opened: PostguardDb | undefined;
  const listener = messageListener(
    isSiteUrl,
    activityWriter({
      open: (options) => {
        const db = openDatabase(name, options);
        if (middleware) db.use(middleware);
        return (opened = db);
      },
      now: () => NOW,
    }),
  );
  return { name, listener, db: () => opened! };
}

// The background says what failed in its console; Dexie warns about blocked upgrades.
let consoleError: ReturnType<typeof vi.spyOn>;
let consoleWarn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
  consoleWarn.mockRestore();
});

describe('the background’s writes to the activity log', () => {
  it('logs a post and a “Post anyway”, and answers ok', async () => {
    const bg = background();
    await expect(bg.listener(posted, fromX())).resolves.toEqual({ ok: true });
    await expect(bg.listener(acknowledged, fromX())).resolves.toEqual({ ok: true });
    expect(await bg.db().shares.toArray()).toMatchObject([
      { contentId: 'roadrunner-3-launch', network: 'x', action: 'posted', edited: false },
    ]);
    expect(await bg.db().acknowledgements.toArray()).toEqual([
      {
        id: 1,
        ruleIds: ['confidential.codenames'],
        network: 'linkedin',
        packs: [{ id: 'acme-social', version: '2026.11.2' }],
        at: NOW - 2000,
      },
    ]);
    expect(await activityWriteProblemItem.getValue()).toBeNull();
  });

  it('a full disk is stored as a problem in words and answered, never thrown', async () => {
    const bg = background(disk().middleware);
    const reply = await bg.listener(posted, fromX());
    const problem = await activityWriteProblemItem.getValue();
    expect(problem).toMatchObject({
      kind: 'full',
      what: 'share',
      at: NOW,
      message: expect.stringMatching(
        /^A post of approved content was not added to your activity log\. Your disk .* is full/,
      ),
      detail: expect.stringContaining('QuotaExceededError'),
    });
    expect(reply).toEqual({ ok: false, problem: problem!.message });
    // The row's text is not in it: there is none to begin with.
    expect(JSON.stringify(problem)).not.toContain('roadrunner');
    expect(consoleError).toHaveBeenCalled();
  });

  it('says which entry was lost for a “Post anyway”', async () => {
    const bg = background(disk().middleware);
    await expect(bg.listener(acknowledged, fromX())).resolves.toMatchObject({ ok: false });
    expect(await activityWriteProblemItem.getValue()).toMatchObject({
      kind: 'full',
      what: 'acknowledgement',
      message: expect.stringMatching(/^A “Post anyway” was not added to your activity log\./),
    });
  });

  it('a later write that works clears the problem', async () => {
    const full = disk();
    const bg = background(full.middleware);
    await bg.listener(acknowledged, fromX());
    expect(await activityWriteProblemItem.getValue()).not.toBeNull();
    full.state.full = false;
    await expect(bg.listener(posted, fromX())).resolves.toEqual({ ok: true });
    expect(await activityWriteProblemItem.getValue()).toBeNull();
    expect(await bg.db().shares.count()).toBe(1);
  });

  it('a database held open at an older version is shown while the write waits, then cleared', async () => {
    const bg = background();
    // Another window with the old version open, and no wish to let go.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(bg.name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const reply = bg.listener(posted, fromX());
    await vi.waitFor(async () =>
      expect(await activityWriteProblemItem.getValue()).toMatchObject({
        kind: 'blocked',
        what: 'share',
        message: expect.stringMatching(/is waiting to be added to your activity log/),
      }),
    );
    old.close();
    await expect(reply).resolves.toEqual({ ok: true });
    expect(await bg.db().shares.count()).toBe(1);
    expect(await activityWriteProblemItem.getValue()).toBeNull();
  });

  it('a database the browser would not open is opened afresh for the next message', async () => {
    const bg = background();
    const refuse = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation failed', 'UnknownError');
    });
    try {
      await expect(bg.listener(posted, fromX())).resolves.toMatchObject({ ok: false });
    } finally {
      refuse.mockRestore();
    }
    expect(await activityWriteProblemItem.getValue()).toMatchObject({ kind: 'unavailable' });
    // Dexie refuses every write on an instance whose open failed; the background does not keep it.
    await expect(bg.listener(acknowledged, fromX())).resolves.toEqual({ ok: true });
    expect(await bg.db().acknowledgements.count()).toBe(1);
    expect(await activityWriteProblemItem.getValue()).toBeNull();
  });

  it('ignores messages it does not accept', async () => {
    const bg = background();
    expect(bg.listener({ ...posted, text: 'the post' }, fromX())).toBeUndefined();
    expect(bg.listener(posted, { id: 'another-extension', tab: { url: 'https://x.com/' } })).toBe(
      undefined,
    );
  });
});
