import { beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGES_DIR, ROOT, unzip, VERSION } from '@/scripts/package/common.mjs';
import { extensionId, publicKeyDer } from '@/scripts/package/crx.mjs';

/**
 * `npm run package` and `npm run package:enterprise`, run as an admin would: three
 * production builds (about a minute on two cores), then what they wrote, read back.
 */

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
let storeOutput = '';
let enterpriseOutput = '';
let enterpriseDir = '';
let keyPem = '';

/** Runs an npm script without blocking the test worker (a build takes tens of seconds). */
async function npmRun(script: string, args: string[] = []): Promise<string> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', script, '--', ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 400_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`npm run ${script} failed: ${stderr ?? message}`);
  }
}

const manifestOf = async (zip: Buffer) =>
  JSON.parse(((await unzip(zip))['manifest.json'] ?? '').toString()) as Record<string, unknown>;

beforeAll(async () => {
  storeOutput = await npmRun('package');
  enterpriseDir = mkdtempSync(path.join(tmpdir(), 'postguard-enterprise-'));
  const keyFile = path.join(enterpriseDir, 'acme-extension.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(keyFile, keyPem);
  enterpriseOutput = await npmRun('package:enterprise', [
    '--key',
    keyFile,
    '--base-url',
    'https://ext.acme.example/postguard',
    '--skip-build',
    '--out',
    path.join(enterpriseDir, 'out'),
  ]);
  return () => rmSync(enterpriseDir, { recursive: true, force: true });
}, 600_000);

const store = (kind: string) =>
  readFileSync(path.join(PACKAGES_DIR, `postguard-${pkg.version}-${kind}.zip`));
const enterprise = (file: string) => readFileSync(path.join(enterpriseDir, 'out', file));

describe('npm run package: the store uploads', () => {
  it('names every zip with the version of package.json', () => {
    expect(VERSION).toBe(pkg.version);
    for (const kind of ['chrome', 'edge', 'firefox', 'sources'])
      expect(storeOutput).toContain(`.output/packages/postguard-${pkg.version}-${kind}.zip`);
  });

  it.each(['chrome', 'edge'])('gives the %s store a manifest without a key', async (kind) => {
    const manifest = await manifestOf(store(kind));
    expect(manifest).toMatchObject({
      manifest_version: 3,
      // In the browser's language: the name is the catalogue's.
      name: '__MSG_extName__',
      default_locale: 'en',
      version: pkg.version,
    });
    const english = (await unzip(store(kind)))['_locales/en/messages.json']?.toString() ?? '{}';
    expect(JSON.parse(english)).toMatchObject({ extName: { message: 'Postguard' } });
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).not.toHaveProperty('update_url');
  });

  it.each(['chrome', 'firefox'])(
    'ships the %s build with the licences of what it bundles and the word lists’ notices',
    async (kind) => {
      const files = await unzip(store(kind));
      const licences = files['THIRD-PARTY-LICENSES.txt']?.toString() ?? '';
      for (const bundled of ['eld@', '@orama/stemmers@', 'compromise@', 'react@', 'twitter-text@'])
        expect(licences, bundled).toContain(`\n${bundled}`);
      // twitter-text's core-js polyfills resolve to vendor/core-js-natives: none is bundled.
      expect(licences).not.toContain('\ncore-js@');
      expect(licences).toContain('Apache License');
      expect(licences).toContain('LDNOOBW');
      expect(files['THIRD-PARTY-NOTICES.txt']?.toString()).toContain('CC BY 4.0');
    },
  );

  it('gives Firefox Add-ons its add-on id, linted by web-ext lint with no errors', async () => {
    const manifest = await manifestOf(store('firefox'));
    expect(manifest).toMatchObject({
      version: pkg.version,
      browser_specific_settings: { gecko: { id: 'postguard@postguard.example' } },
    });
    expect(storeOutput).toMatch(/errors\s+0\b/);
  });

  it('gives Firefox the sources its review asks for, with how to build them', async () => {
    const files = await unzip(store('sources'));
    for (const file of [
      'SOURCES.md',
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'src/core/index.ts',
    ])
      expect(files, file).toHaveProperty([file]);
    expect(
      Object.keys(files).some((f) => f.startsWith('node_modules/') || f.startsWith('.output/')),
    ).toBe(false);
    expect(files['SOURCES.md']?.toString()).toContain('npx wxt build -b firefox --mode store');
  });
});

describe('npm run package:enterprise: self-hosting', () => {
  it('signs a CRX with the admin key, whose manifest names the update manifest', async () => {
    const crx = enterprise(`postguard-${pkg.version}.crx`);
    expect(crx.subarray(0, 4).toString()).toBe('Cr24');
    const headerLength = crx.readUInt32LE(8);
    const zip = crx.subarray(12 + headerLength);
    const manifest = await manifestOf(zip);
    expect(manifest).toMatchObject({
      version: pkg.version,
      update_url: 'https://ext.acme.example/postguard/updates.xml',
    });
    expect(manifest).not.toHaveProperty('key');
    // The header carries the public half of the admin key (crx.test.ts verifies the format).
    const header = crx.subarray(12, 12 + headerLength);
    const publicKey = publicKeyDer(keyPem);
    expect(header.includes(publicKey)).toBe(true);
  });

  it('writes the update manifests for the id the key gives', () => {
    const id = extensionId(publicKeyDer(keyPem));
    expect(enterpriseOutput).toContain(`Chrome/Edge extension id ${id}`);
    const xml = enterprise('updates.xml').toString();
    expect(xml).toContain(`<app appid='${id}'>`);
    expect(xml).toContain(
      `codebase='https://ext.acme.example/postguard/postguard-${pkg.version}.crx' version='${pkg.version}'`,
    );
    expect(JSON.parse(enterprise('updates.json').toString())).toEqual({
      addons: {
        'postguard@postguard.example': {
          updates: [
            {
              version: pkg.version,
              update_link: `https://ext.acme.example/postguard/postguard-${pkg.version}.xpi`,
            },
          ],
        },
      },
    });
  });

  it('gives the Firefox package its update URL, and the force-install policies for both', async () => {
    const manifest = await manifestOf(enterprise(`postguard-${pkg.version}.xpi`));
    expect(manifest).toMatchObject({
      browser_specific_settings: {
        gecko: {
          id: 'postguard@postguard.example',
          update_url: 'https://ext.acme.example/postguard/updates.json',
        },
      },
    });
    const policies = JSON.parse(enterprise('policies.json').toString()) as {
      chrome: { ExtensionInstallForcelist: string[] };
      firefox: { policies: { ExtensionSettings: Record<string, { install_url: string }> } };
    };
    const id = extensionId(publicKeyDer(keyPem));
    expect(policies.chrome.ExtensionInstallForcelist).toEqual([
      `${id};https://ext.acme.example/postguard/updates.xml`,
    ]);
    expect(
      policies.firefox.policies.ExtensionSettings['postguard@postguard.example']?.install_url,
    ).toBe(`https://ext.acme.example/postguard/postguard-${pkg.version}.xpi`);
  });

  it('refuses an http base URL and a missing key', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/package/enterprise.mjs', '--key', 'x.pem', '--base-url', 'http://a.example/'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--base-url must be https');
    const noKey = spawnSync(
      process.execPath,
      ['scripts/package/enterprise.mjs', '--base-url', 'https://a.example/'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(noKey.stderr).toContain('give --key');
  });
});
