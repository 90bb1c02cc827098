// Admins push packs through real enterprise policy: Chromium reads
// /etc/chromium/policies/managed/*.json into chrome.storage.managed, the background applies an
// inline pack and fetches a signed pack from a pack host on 127.0.0.1, and both take effect in
// a fixture compose box. After a restart with the same profile, with the pack host down, the
// last good pack is still in force.
//
// Writing there needs root (CI runs as root); elsewhere these tests are skipped. The policy file
// is removed after the tests, whatever happens. The extension is loaded from a copy whose
// manifest key is made here, so the policy names an id no other Chromium on this machine uses.
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EXTENSION_DIR,
  X_HOME,
  openBox,
  requireChromium,
  routeFixtures,
  typeInto,
} from './harness';
import { waitForFinding } from './support/overlay';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'postguard-e2e-managed-policy.json');
const DEV_EXTENSION_ID = 'fmabmdflalibhmhapcgmpjnnbnfjhcoc';
const runsAsRoot = process.getuid?.() === 0;

/** Chromium's id for a manifest key: SHA-256 of the DER key, first 32 hex digits as a-p. */
function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

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

// The service worker's global, as the evaluated functions below see it.
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
};

interface StoredState {
  packIds: string[];
  errors: { origin: string; code: string; message: string }[];
  badge: string;
}

async function storedState(worker: Worker): Promise<StoredState> {
  return worker.evaluate(async () => {
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
  });
}

interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** The harness's launch, on a profile folder that outlives the browser (for the restart). */
async function launch(extensionDir: string, userDataDir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireChromium(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  try {
    await routeFixtures(context);
    const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExtension) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 15_000 }));
    return { context, worker, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await context.close();
    throw error;
  }
}

interface PackHost {
  server: Server;
  url(path: string): string;
  files: Map<string, string>;
  requests: string[];
}

/** Serves packs with the one header a pack host adds: CORS for the extension's origin. */
async function startPackHost(extensionId: string): Promise<PackHost> {
  const files = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${req.method} ${path}`);
    const body = files.get(path);
    // Files under /no-cors/ are served as by a host nobody configured for the extension.
    const cors: Record<string, string> = path.startsWith('/no-cors/')
      ? {}
      : { 'Access-Control-Allow-Origin': `chrome-extension://${extensionId}` };
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

function writePolicy(extensionId: string, settings: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }, null, 2),
  );
}

async function flagsTerm(browser: Browser, term: string, ruleId: string): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const box = await openBox(page, X_HOME);
  await typeInto(page, X_HOME, box, `Can't wait to show you ${term} next week`, 'insert');
  await waitForFinding(page, ruleId);
}

describe.skipIf(!runsAsRoot)(
  'packs pushed by enterprise policy (Chromium, /etc/chromium/policies)',
  () => {
    let workDir: string;
    let extensionDir: string;
    let userDataDir: string;
    let extensionId: string;
    let host: PackHost;
    let browser: Browser | undefined;
    const signing = generateKeyPairSync('ed25519');
    const publicKey = Buffer.from(
      signing.publicKey.export({ format: 'jwk' }).x!,
      'base64url',
    ).toString('base64');

    beforeAll(async () => {
      workDir = mkdtempSync(path.join(os.tmpdir(), 'postguard-managed-'));
      extensionDir = path.join(workDir, 'extension');
      userDataDir = path.join(workDir, 'profile');
      cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
      const manifestPath = path.join(extensionDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: string };
      expect(manifest.key && extensionIdOf(manifest.key)).toBe(DEV_EXTENSION_ID);
      const testKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .publicKey.export({ type: 'spki', format: 'der' })
        .toString('base64');
      manifest.key = testKey;
      writeFileSync(manifestPath, JSON.stringify(manifest));
      extensionId = extensionIdOf(testKey);
      host = await startPackHost(extensionId);
    });

    afterAll(async () => {
      rmSync(POLICY_FILE, { force: true });
      await browser?.context.close();
      host?.server.closeAllConnections();
      host?.server.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    test('the manifest key fixes the extension id', async () => {
      writePolicy(extensionId, {});
      browser = await launch(extensionDir, userDataDir);
      expect(browser.extensionId).toBe(extensionId);
    });

    test('an inline pack takes effect on a compose box', async () => {
      writePolicy(extensionId, { packs: [JSON.stringify(INLINE_PACK)] });
      // Chromium notices the changed file and fires storage.onChanged for the managed area.
      await expect
        .poll(async () => (await storedState(browser!.worker)).packIds, { timeout: 30_000 })
        .toEqual(['acme-inline']);
      await flagsTerm(browser!, 'Bluefin', 'inline.codenames');
    });

    test('a signed pack fetched from its URL takes effect too', async () => {
      const text = `${JSON.stringify(REMOTE_PACK, null, 2)}\n`;
      host.files.set('/acme-remote.json', text);
      host.files.set(
        '/acme-remote.json.sig',
        `${sign(null, Buffer.from(text), signing.privateKey).toString('base64')}\n`,
      );
      writePolicy(extensionId, {
        packs: [JSON.stringify(INLINE_PACK)],
        packUrls: [host.url('/acme-remote.json')],
        publicKeys: [publicKey],
      });
      await expect
        .poll(async () => (await storedState(browser!.worker)).packIds, { timeout: 30_000 })
        .toEqual(['acme-inline', 'acme-remote']);
      expect(host.requests).toEqual(['GET /acme-remote.json', 'GET /acme-remote.json.sig']);
      expect(await storedState(browser!.worker)).toMatchObject({ errors: [], badge: '' });
      await flagsTerm(browser!, 'Nightjar', 'remote.codenames');
    });

    test('after a restart with the pack host down, the last good pack is still in force', async () => {
      await browser!.context.close();
      browser = undefined;
      host.files.clear();
      host.requests.length = 0;

      browser = await launch(extensionDir, userDataDir);
      // Fetched again at start-up, and refused: the host answers 503.
      await expect
        .poll(async () => (await storedState(browser!.worker)).errors, { timeout: 30_000 })
        .toEqual([
          {
            origin: host.url('/acme-remote.json'),
            code: 'http',
            message: `${host.url('/acme-remote.json')} answered 503 Service Unavailable`,
          },
        ]);
      expect(host.requests).toContain('GET /acme-remote.json');
      const state = await storedState(browser.worker);
      expect(state.packIds).toEqual(['acme-inline', 'acme-remote']);
      expect(state.badge).toBe('!');
      await flagsTerm(browser, 'Nightjar', 'remote.codenames');

      // The options page tells the person the same: what is in force, from where, signed by
      // which key, and why the update failed.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const remoteRow = options.locator('tr[data-pack-id="acme-remote"]');
      await remoteRow.waitFor();
      const remoteText = await remoteRow.textContent();
      expect(remoteText).toContain(`Fetched from ${host.url('/acme-remote.json')}`);
      expect(remoteText).toContain(`Ed25519 key ${publicKey.slice(0, 12)}…`);
      expect(await options.locator('tr[data-pack-id="acme-inline"]').textContent()).toContain(
        'Pushed by your organisation (policy, packs[0])',
      );
      expect(await options.getByRole('alert').textContent()).toContain(
        `${host.url('/acme-remote.json')} answered 503 Service Unavailable`,
      );
      await options.close();
    });

    test('a pack host that does not allow the extension (no CORS header) is refused, in plain words', async () => {
      const text = `${JSON.stringify({ ...REMOTE_PACK, id: 'acme-closed' })}\n`;
      host.files.set('/no-cors/acme.json', text);
      host.files.set(
        '/no-cors/acme.json.sig',
        `${sign(null, Buffer.from(text), signing.privateKey).toString('base64')}\n`,
      );
      const url = host.url('/no-cors/acme.json');
      writePolicy(extensionId, {
        packs: [JSON.stringify(INLINE_PACK)],
        packUrls: [url],
        publicKeys: [publicKey],
      });
      await expect
        .poll(async () => (await storedState(browser!.worker)).errors, { timeout: 30_000 })
        .toEqual([
          {
            origin: url,
            code: 'network',
            message: expect.stringMatching(
              /^Could not reach 127\.0\.0\.1:\d+ for the pack: the network failed, or the server does not allow this extension's requests \(CORS\)/,
            ),
          },
        ]);
      // The server did answer: it is the browser that kept the answer from the extension.
      expect(host.requests).toContain('GET /no-cors/acme.json');
      expect((await storedState(browser!.worker)).packIds).toEqual(['acme-inline']);
    });
  },
);
