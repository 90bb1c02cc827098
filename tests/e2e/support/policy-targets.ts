// Enterprise policy as each browser takes it, for the e2e tests that push packs the admin's way:
// Chromium reads /etc/chromium/policies/managed/*.json (and notices a change while it runs),
// Firefox /etc/firefox/policies/policies.json at start-up. Writing there needs root.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EXTENSION_DIR } from '../harness';
import type { DriverBrowser } from './driver';
import { launchChromiumDriver } from './driver-chromium';
import { FIREFOX_EXTENSION_UUID, GECKO_ID, launchFirefoxDriver } from './driver-firefox';

const DEV_EXTENSION_ID = 'fmabmdflalibhmhapcgmpjnnbnfjhcoc';
export const runsAsRoot = process.getuid?.() === 0;
/** Chromium notices a changed policy file within some seconds; each read opens an extension page. */
export const POLICY_WAIT = { timeoutMs: 30_000, intervalMs: 500 };

export function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

/** One browser's way of taking enterprise policy. */
export interface PolicyTarget {
  name: 'chromium' | 'firefox';
  /** Made once before the tests, in a work folder of their own. */
  prepare(workDir: string): void;
  /** The id the policy names the extension by. */
  extensionId(): string;
  /** The extension's origin, which the pack host allows (CORS). */
  extensionOrigin(): string;
  writePolicy(settings: Record<string, unknown>): void;
  removePolicy(): void;
  /**
   * Chromium watches its policy folder and tells the extension of a change
   * (storage.onChanged, area "managed"); Firefox reads policies.json only at start-up.
   */
  readsPolicyLive: boolean;
  start(
    userDataDir: string,
    options?: { keepGuideTabs?: boolean },
  ): Promise<DriverBrowser & { extensionId: string }>;
}

export function chromiumTarget(): PolicyTarget {
  const policyFile = '/etc/chromium/policies/managed/postguard-e2e-managed-policy.json';
  let extensionDir = '';
  let extensionId = '';
  return {
    name: 'chromium',
    prepare(workDir) {
      extensionDir = path.join(workDir, 'extension');
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
    },
    extensionId: () => extensionId,
    extensionOrigin: () => `chrome-extension://${extensionId}`,
    writePolicy(settings) {
      mkdirSync(path.dirname(policyFile), { recursive: true });
      writeFileSync(
        policyFile,
        JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }, null, 2),
      );
    },
    removePolicy: () => rmSync(policyFile, { force: true }),
    readsPolicyLive: true,
    async start(userDataDir, options = {}) {
      const browser = await launchChromiumDriver({ extensionDir, userDataDir, ...options });
      return Object.assign(browser, { extensionId: browser.session.extensionId });
    },
  };
}

export function firefoxTarget(): PolicyTarget {
  const policyFile = '/etc/firefox/policies/policies.json';
  let before: string | undefined;
  return {
    name: 'firefox',
    prepare() {
      before = existsSync(policyFile) ? readFileSync(policyFile, 'utf8') : undefined;
    },
    extensionId: () => GECKO_ID,
    extensionOrigin: () => `moz-extension://${FIREFOX_EXTENSION_UUID}`,
    writePolicy(settings) {
      mkdirSync(path.dirname(policyFile), { recursive: true });
      writeFileSync(
        policyFile,
        JSON.stringify(
          { policies: { '3rdparty': { Extensions: { [GECKO_ID]: settings } } } },
          null,
          2,
        ),
      );
    },
    removePolicy() {
      if (before === undefined) rmSync(policyFile, { force: true });
      else writeFileSync(policyFile, before);
    },
    readsPolicyLive: false,
    start: (userDataDir, options = {}) => launchFirefoxDriver({ userDataDir, ...options }),
  };
}
