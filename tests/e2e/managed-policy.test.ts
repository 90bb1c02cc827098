// Admins push packs through real enterprise policy, in Chromium and in Firefox, from one test
// body: Chromium reads /etc/chromium/policies/managed/*.json and Firefox (ESR included)
// /etc/firefox/policies/policies.json into storage.managed; the background applies an inline
// pack and fetches a signed pack from a pack host on 127.0.0.1, and both take effect in a
// fixture compose box. After a restart with the same profile, with the pack host down, the last
// good pack is still in force. Firefox reads its policies only at start-up, so every step here
// writes the policy and then starts the browser.
//
// Writing there needs root (CI runs as root); elsewhere these tests are skipped. The policy
// files are removed (Firefox's put back as it was) after the tests, whatever happens. Chromium
// loads a copy whose manifest key is made for the test (support/policy-targets.ts), so its
// policy names an id no other Chromium on this machine uses; Firefox names the build's gecko id.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Worker } from 'playwright-core';
import { underlineOf, waitForSelector, waitForText, type DriverBrowser } from './support/driver';
import { chromiumTarget, firefoxTarget, POLICY_WAIT, runsAsRoot } from './support/policy-targets';
import { DRIVER_BOXES, openDriverBox, typeIntoBox } from './support/driver-boxes';
import { eventually } from './support/driver-session';

function ruleFor(id: string, term: string) {
  return {
    id,
    kind: 'terms',
    severity: 'error',
    message: '{match} is confidential.',
    terms: [term],
  };
}

const INLINE_PACK = {
  format: 'postguard/pack@1',
  id: 'acme-inline',
  name: 'ACME (pushed inline)',
  version: '1.0.0',
  extends: ['postguard-starter'],
  rules: [ruleFor('inline.codenames', 'Bluefin')],
};

const REMOTE_PACK = {
  format: 'postguard/pack@1',
  id: 'acme-remote',
  name: 'ACME (fetched and signed)',
  version: '2026.11.2',
  rules: [ruleFor('remote.codenames', 'Nightjar')],
};

interface StoredState {
  packIds: string[];
  errors: { origin: string; code: string; message: string }[];
  badge: string;
}

// An extension page's global (both browsers have `chrome`), as the evaluated function sees it.
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
};

/** In an extension context (Chromium's service worker, a Firefox extension page). */
async function readStoredState(): Promise<StoredState> {
  const { activePolicy, policyStatus } = (await chrome.storage.local.get([
    'activePolicy',
    'policyStatus',
  ])) as {
    activePolicy?: { records: { pack: { id: string } }[] };
    policyStatus?: {
      sources: { origin: string; error?: { code: string; message: string } }[];
    };
  };
  return {
    packIds: (activePolicy?.records ?? []).map((record) => record.pack.id),
    errors: (policyStatus?.sources ?? [])
      .filter((source) => source.error)
      .map((source) => ({
        origin: source.origin,
        code: source.error!.code,
        message: source.error!.message,
      })),
    badge: await chrome.action.getBadgeText({}),
  };
}

/**
 * What the background has stored. Chromium's is read in its service worker, which also keeps
 * the worker awake and listening while the policy file changes; Firefox has no worker to
 * evaluate in over BiDi, so an extension page reads it.
 */
async function storedState(browser: DriverBrowser): Promise<StoredState> {
  const { session } = browser as { session?: { serviceWorker: Worker } };
  if (session) return session.serviceWorker.evaluate(readStoredState);
  const page = await browser.extensionPage('/options.html');
  try {
    return await page.evaluate(readStoredState, undefined);
  } finally {
    await page.close();
  }
}

interface PackHost {
  server: Server;
  url(path: string): string;
  files: Map<string, string>;
  requests: string[];
}

/** Serves packs with the one header a pack host adds: CORS for the extension's origin. */
async function startPackHost(extensionOrigin: () => string): Promise<PackHost> {
  const files = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${req.method} ${path}`);
    const body = files.get(path);
    // Files under /no-cors/ are served as by a host nobody configured for the extension.
    const cors: Record<string, string> = path.startsWith('/no-cors/')
      ? {}
      : { 'Access-Control-Allow-Origin': extensionOrigin() };
    if (body === undefined) {
      res.writeHead(503, { 'Content-Type': 'text/plain', ...cors }).end('down for maintenance');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: (p) => `http://127.0.0.1:${port}${p}`, files, requests };
}

async function flagsTerm(browser: DriverBrowser, term: string, ruleId: string): Promise<void> {
  const page = await browser.tab();
  const box = DRIVER_BOXES.find((candidate) => candidate.name === 'x-home')!;
  const selector = await openDriverBox(page, box);
  await typeIntoBox(page, box, selector, `Can't wait to show you ${term} next week`);
  await waitForSelector(page, underlineOf(ruleId), 'attached');
}

describe.skipIf(!runsAsRoot).each([chromiumTarget(), firefoxTarget()])(
  'packs pushed by enterprise policy, in $name',
  (target) => {
    let workDir: string;
    let userDataDir: string;
    let host: PackHost;
    let browser: (DriverBrowser & { extensionId: string }) | undefined;
    const signing = generateKeyPairSync('ed25519');
    const publicKey = Buffer.from(
      signing.publicKey.export({ format: 'jwk' }).x!,
      'base64url',
    ).toString('base64');

    /** Writes the policy where the running browser takes it, restarting it if it must. */
    async function pushPolicy(settings: Record<string, unknown>): Promise<void> {
      if (browser && target.readsPolicyLive) target.writePolicy(settings);
      else await restartWith(settings);
    }

    /** Writes the policy, then (re)starts the browser on the same profile. */
    async function restartWith(settings: Record<string, unknown>): Promise<DriverBrowser> {
      await browser?.close();
      browser = undefined;
      target.writePolicy(settings);
      browser = await target.start(userDataDir);
      return browser;
    }

    const stateOf = (wanted: keyof StoredState) => async () =>
      (await storedState(browser!))[wanted];

    beforeAll(async () => {
      workDir = mkdtempSync(path.join(os.tmpdir(), 'postguard-managed-'));
      userDataDir = path.join(workDir, 'profile');
      target.prepare(workDir);
      host = await startPackHost(() => target.extensionOrigin());
    });

    afterAll(async () => {
      target.removePolicy();
      await browser?.close();
      host?.server.closeAllConnections();
      host?.server.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    test('the extension has the id the policy names', async () => {
      await restartWith({});
      expect(browser!.extensionId).toBe(target.extensionId());
    });

    test('an inline pack takes effect on a compose box', async () => {
      await pushPolicy({ packs: [JSON.stringify(INLINE_PACK)] });
      await eventually(stateOf('packIds'), ['acme-inline'], 'the packs in force', POLICY_WAIT);
      await flagsTerm(browser!, 'Bluefin', 'inline.codenames');
    });

    test('a signed pack fetched from its URL takes effect too', async () => {
      const text = `${JSON.stringify(REMOTE_PACK, null, 2)}\n`;
      host.files.set('/acme-remote.json', text);
      host.files.set(
        '/acme-remote.json.sig',
        `${sign(null, Buffer.from(text), signing.privateKey).toString('base64')}\n`,
      );
      host.requests.length = 0;
      await pushPolicy({
        packs: [JSON.stringify(INLINE_PACK)],
        packUrls: [host.url('/acme-remote.json')],
        publicKeys: [publicKey],
      });
      await eventually(
        stateOf('packIds'),
        ['acme-inline', 'acme-remote'],
        'the packs in force',
        POLICY_WAIT,
      );
      // The pack, then its signature, once: Firefox's onInstalled comes after the background's
      // first run has fetched them, and fetches nothing again.
      expect(host.requests).toEqual(['GET /acme-remote.json', 'GET /acme-remote.json.sig']);
      expect(await storedState(browser!)).toMatchObject({ errors: [], badge: '' });
      await flagsTerm(browser!, 'Nightjar', 'remote.codenames');
    });

    test('after a restart with the pack host down, the last good pack is still in force', async () => {
      host.files.clear();
      host.requests.length = 0;
      await restartWith({
        packs: [JSON.stringify(INLINE_PACK)],
        packUrls: [host.url('/acme-remote.json')],
        publicKeys: [publicKey],
      });
      // Fetched again at start-up, and refused: the host answers 503.
      await eventually(
        stateOf('errors'),
        [
          {
            origin: host.url('/acme-remote.json'),
            code: 'http',
            message: `${host.url('/acme-remote.json')} answered 503 Service Unavailable`,
          },
        ],
        'the refused update',
        POLICY_WAIT,
      );
      expect(host.requests).toContain('GET /acme-remote.json');
      const state = await storedState(browser!);
      expect(state.packIds).toEqual(['acme-inline', 'acme-remote']);
      expect(state.badge).toBe('!');
      await flagsTerm(browser!, 'Nightjar', 'remote.codenames');

      // The options page tells the person the same: what is in force, from where, signed by
      // which key, and why the update failed.
      const options = await browser!.extensionPage('/options.html');
      try {
        await waitForSelector(options, 'tr[data-pack-id="acme-remote"]', 'visible');
        const rowText = (id: string) =>
          options.evaluate(
            (packId) => document.querySelector(`tr[data-pack-id="${packId}"]`)?.textContent ?? '',
            id,
          );
        const remoteText = await rowText('acme-remote');
        expect(remoteText).toContain(`Fetched from ${host.url('/acme-remote.json')}`);
        expect(remoteText).toContain(`Ed25519 key ${publicKey.slice(0, 12)}…`);
        expect(await rowText('acme-inline')).toContain(
          'Pushed by your organisation (policy, packs[0])',
        );
        await waitForText(
          options,
          `${host.url('/acme-remote.json')} answered 503 Service Unavailable`,
        );
        const alert = await options.evaluate(
          () => document.querySelector('[role="alert"]')?.textContent ?? '',
          undefined,
        );
        expect(alert).toContain(
          `${host.url('/acme-remote.json')} answered 503 Service Unavailable`,
        );
      } finally {
        await options.close();
      }
    });

    test('a pack host that does not allow the extension (no CORS header) is refused, in plain words', async () => {
      const text = `${JSON.stringify({ ...REMOTE_PACK, id: 'acme-closed' })}\n`;
      host.files.set('/no-cors/acme.json', text);
      host.files.set(
        '/no-cors/acme.json.sig',
        `${sign(null, Buffer.from(text), signing.privateKey).toString('base64')}\n`,
      );
      const url = host.url('/no-cors/acme.json');
      await pushPolicy({
        packs: [JSON.stringify(INLINE_PACK)],
        packUrls: [url],
        publicKeys: [publicKey],
      });
      const errors = await eventually(
        async () => (await storedState(browser!)).errors.map((error) => error.code),
        ['network'],
        'the refused fetch',
        POLICY_WAIT,
      );
      expect(errors).toEqual(['network']);
      const [refusal] = (await storedState(browser!)).errors;
      expect(refusal!.origin).toBe(url);
      expect(refusal!.message).toMatch(
        /^Could not reach 127\.0\.0\.1:\d+ for the pack: the network failed, or the server does not allow this extension's requests \(CORS\)/,
      );
      // The server did answer: it is the browser that kept the answer from the extension.
      expect(host.requests).toContain('GET /no-cors/acme.json');
      expect((await storedState(browser!)).packIds).toEqual(['acme-inline']);
    });
  },
);
