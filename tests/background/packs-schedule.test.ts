// When the background looks at pack sources (alarms, backoff, managed changes, the options
// page), what it accepts from whom, and what it makes of the admin's settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { starterPack } from '@/src/policy/starter';
import { handleOptionsMessage, startPackUpdates } from '@/src/background/packs';
import { acceptOptionsMessage } from '@/src/background/packs/messages';
import { REFRESH_ALARM, RETRY_ALARM, retryDelayMs } from '@/src/background/packs/schedule';
import { parseManagedSettings } from '@/src/background/packs/settings';
import { PackUpdater } from '@/src/background/packs/updater';
import { activePolicyItem, policyStatusItem } from '@/src/policy/storage';
import {
  makeKey,
  makePack,
  packText,
  startPackServer,
  type PackServer,
  type SigningKey,
} from './packs-support';

let server: PackServer;
let key: SigningKey;
let clock: number;

beforeEach(async () => {
  server = await startPackServer();
  key = makeKey();
  clock = Date.now();
});

afterEach(async () => {
  await server.close();
});

function updater(): PackUpdater {
  return new PackUpdater({
    starter: starterPack(),
    timeoutMs: 2_000,
    random: () => 0,
    now: () => clock,
  });
}

function packRequests(path = '/acme.json'): number {
  return server.requests.filter((r) => r.path === path).length;
}

describe('the refresh alarm', () => {
  it('runs every refreshMinutes (60 by default) and is not reset by later updates', async () => {
    await updater().update('startup');
    const first = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(first).toMatchObject({ periodInMinutes: 60 });
    await updater().update('wake');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toEqual(first);

    await fakeBrowser.storage.managed.set({ refreshMinutes: 15 });
    await updater().update('managed-changed');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });
});

describe('backoff', () => {
  it('tries a failing URL again after 1, 2, 4... minutes, never later than the refresh', async () => {
    const url = server.url('/acme.json');
    server.routes.set('/acme.json', { kind: 'status', status: 503 });
    await fakeBrowser.storage.managed.set({
      packUrls: [url],
      publicKeys: [key.publicKey],
      refreshMinutes: 5,
    });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      await updater().update('check-now');
      const retry = await fakeBrowser.alarms.get(RETRY_ALARM);
      delays.push((retry!.scheduledTime - clock) / 60_000);
    }
    expect(delays).toEqual([1, 2, 4, 5, 5]);
    expect(retryDelayMs(3, 60, 1)).toBe(4 * 60_000 * 1.2);
  });

  it('on the retry alarm fetches only the failing sources that are due', async () => {
    server.publish('/good.json', packText(makePack({ id: 'acme-good' })), key);
    server.routes.set('/acme.json', { kind: 'status', status: 500 });
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/good.json'), server.url('/acme.json')],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');
    expect([packRequests('/good.json'), packRequests()]).toEqual([1, 1]);

    await updater().update('retry'); // too early: nothing is due yet
    expect([packRequests('/good.json'), packRequests()]).toEqual([1, 1]);

    clock += 60_000;
    server.publish('/acme.json', packText(makePack({})), key);
    await updater().update('retry');
    expect([packRequests('/good.json'), packRequests()]).toEqual([1, 2]);
    expect((await activePolicyItem.getValue())?.records.map((r) => r.pack.id)).toEqual([
      'acme-good',
      'acme-social',
    ]);
    // Nothing failing any more: no retry alarm left behind.
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('when the worker wakes, fetches only what is overdue', async () => {
    server.publish('/acme.json', packText(makePack({})), key);
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/acme.json')],
      publicKeys: [key.publicKey],
    });
    await updater().update('startup');
    await updater().update('wake');
    expect(packRequests()).toBe(1);
    clock += 60 * 60_000;
    await updater().update('wake');
    expect(packRequests()).toBe(2);
  });

  it('a start reported after this background already fetched (Firefox) fetches nothing again', async () => {
    server.publish('/acme.json', packText(makePack({})), key);
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/acme.json')],
      publicKeys: [key.publicKey],
    });
    const running = updater();
    await running.update('wake');
    await running.update('startup');
    expect(packRequests()).toBe(1);
    // A later start, in a new background, fetches everything: even in the same millisecond.
    await updater().update('startup');
    expect(packRequests()).toBe(2);
  });
});

describe('the running background', () => {
  it('fetches at start-up, re-applies when the managed settings change, and refreshes on its alarm', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key);
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });

    startPackUpdates({ timeoutMs: 2_000 });
    await expect
      .poll(async () => (await activePolicyItem.getValue())?.records[0]?.pack.version)
      .toBe('1.0.0');

    await fakeBrowser.storage.managed.set({
      packUrls: [url],
      publicKeys: [key.publicKey],
      packs: [packText(makePack({ id: 'acme-inline', term: 'Nightjar' }))],
    });
    await expect
      .poll(async () => (await activePolicyItem.getValue())?.records.map((r) => r.pack.id))
      .toEqual(['acme-inline', 'acme-social']);

    server.publish('/acme.json', packText(makePack({ version: '1.1.0' })), key);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now() });
    await expect
      .poll(async () => (await activePolicyItem.getValue())?.records[1]?.pack.version)
      .toBe('1.1.0');
  });

  it('catches up on overdue packs only when told it may, and not after a start that fetched', async () => {
    server.publish('/acme.json', packText(makePack({})), key);
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/acme.json')],
      publicKeys: [key.publicKey],
    });
    let letCatchUp = () => {};
    const catchUpAfter = new Promise<void>((resolve) => (letCatchUp = resolve));
    const woken = startPackUpdates({ timeoutMs: 2_000, catchUpAfter });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(packRequests()).toBe(0);
    letCatchUp();
    await expect.poll(packRequests).toBe(1);
    await woken.settled();

    // A worker started with the browser: its start fetches, and the catch-up has nothing to do.
    fakeBrowser.reset();
    let letStartedCatchUp = () => {};
    const started = startPackUpdates({
      timeoutMs: 2_000,
      catchUpAfter: new Promise<void>((resolve) => (letStartedCatchUp = resolve)),
    });
    await fakeBrowser.storage.managed.set({
      packUrls: [server.url('/acme.json')],
      publicKeys: [key.publicKey],
    });
    await fakeBrowser.runtime.onStartup.trigger();
    await expect.poll(packRequests).toBe(2);
    const statusAfterStart = await policyStatusItem.getValue();
    letStartedCatchUp();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await started.settled();
    expect(packRequests()).toBe(2);
    expect(await policyStatusItem.getValue()).toEqual(statusAfterStart);
  });

  it('answers the options page: check now, import, remove', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key);
    await fakeBrowser.storage.managed.set({ packUrls: [url], publicKeys: [key.publicKey] });
    const background = updater();

    expect(await handleOptionsMessage(background, { kind: 'check-packs-now' })).toEqual({
      ok: true,
    });
    expect((await policyStatusItem.getValue())?.checkedAt).toBe(clock);
    expect(packRequests()).toBe(1);

    const text = packText(makePack({ id: 'mine', term: 'hackathon' }));
    expect(
      await handleOptionsMessage(background, { kind: 'import-pack', fileName: 'mine.json', text }),
    ).toEqual({ ok: true });
    expect(await handleOptionsMessage(background, { kind: 'remove-pack', packId: 'mine' })).toEqual(
      { ok: true },
    );
    expect(await handleOptionsMessage(background, { kind: 'remove-pack', packId: 'mine' })).toEqual(
      { ok: false, error: 'No imported pack has the id "mine"' },
    );
  });
});

describe('acceptOptionsMessage', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const BASE = `chrome-extension://${ID}/`;
  const fromOptions = { id: ID, url: `${BASE}options.html` };

  it('accepts the options page’s requests', () => {
    expect(acceptOptionsMessage({ kind: 'check-packs-now' }, fromOptions, ID, BASE)).toEqual({
      kind: 'check-packs-now',
    });
    const firefox = 'moz-extension://0b6c3a2e-1111-4a4a-9999-123456789abc/';
    expect(
      acceptOptionsMessage(
        { kind: 'remove-pack', packId: 'mine' },
        { id: 'postguard@postguard.example', url: `${firefox}options.html` },
        'postguard@postguard.example',
        firefox,
      ),
    ).toEqual({ kind: 'remove-pack', packId: 'mine' });
  });

  it('refuses content scripts on sites, other extensions, and unknown shapes', () => {
    const message = { kind: 'import-pack', fileName: 'x.json', text: '{}' };
    expect(
      acceptOptionsMessage(
        message,
        { id: ID, url: 'https://x.com/home', tab: { id: 1 } },
        ID,
        BASE,
      ),
    ).toBeUndefined();
    expect(
      acceptOptionsMessage(
        message,
        { id: 'other', url: 'chrome-extension://other/o.html' },
        ID,
        BASE,
      ),
    ).toBeUndefined();
    expect(acceptOptionsMessage(message, { id: ID }, ID, BASE)).toBeUndefined();
    expect(acceptOptionsMessage({ kind: 'disable-rules' }, fromOptions, ID, BASE)).toBeUndefined();
    expect(
      acceptOptionsMessage({ ...message, extra: true }, fromOptions, ID, BASE),
    ).toBeUndefined();
  });
});

describe('parseManagedSettings', () => {
  it('keeps the good parts and says what is wrong with the rest, in plain words', () => {
    const { settings, errors } = parseManagedSettings({
      packUrls: [
        'https://packs.acme.example/social.json',
        'http://packs.acme.example/team.json',
        'http://127.0.0.1:8080/test.json',
        42,
      ],
      publicKeys: [key.publicKey, 'not-a-key'],
      refreshMinutes: 0,
      allowUserPacks: 'no',
    });
    expect(settings).toMatchObject({
      packUrls: ['https://packs.acme.example/social.json', 'http://127.0.0.1:8080/test.json'],
      publicKeys: [key.publicKey],
      refreshMinutes: 1,
      allowUserPacks: true,
      empty: false,
    });
    expect(errors).toEqual([
      'packUrls[3] is not a text value; it was ignored',
      'packUrls: http://packs.acme.example/team.json is plain http: pack URLs must use https (http only on localhost, for testing); it was ignored',
      'publicKeys[1] is not an Ed25519 public key (base64 of 32 bytes, as postguard keygen prints); it was ignored',
      'refreshMinutes is 0; it must be between 1 and 10080, so 1 is used',
      'allowUserPacks should be true or false; it was ignored',
    ]);
  });

  it('reads an empty managed area as nothing pushed', () => {
    expect(parseManagedSettings({}).settings).toEqual({
      packUrls: [],
      publicKeys: [],
      packs: [],
      refreshMinutes: 60,
      allowUserPacks: true,
      empty: true,
    });
  });
});
