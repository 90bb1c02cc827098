// `npm run package:enterprise -- --key KEY.pem --base-url https://host/path/`: packages for
// an enterprise that hosts Postguard itself, in .output/packages/enterprise/:
//   postguard-VERSION.crx       Chrome/Edge, signed with KEY.pem (RSA; the admin keeps it:
//                               the extension id is derived from it, so every release must
//                               be signed with the same key)
//   updates.xml                 Chrome's update manifest, at BASE/updates.xml
//   postguard-VERSION.xpi       Firefox, to be signed by Mozilla for self-distribution
//                               (web-ext sign --channel unlisted) before it is served
//   updates.json                Firefox's update manifest, at BASE/updates.json
//   policies.json               the force-install policies for both, ready to paste
// Both builds' manifests get the update URL. --new-key writes a new KEY.pem first (mode
// 0600; an existing file is never replaced). --gecko-id sets Firefox's add-on id (yours on
// addons.mozilla.org). --skip-build packages the builds already in .output.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromeUpdateManifest, createCrx, extensionId, publicKeyDer } from './crx.mjs';
import {
  buildTarget,
  PACKAGES_DIR,
  parseOptions,
  readManifest,
  ROOT,
  unzip,
  VERSION,
  webExtLint,
  zipExtension,
} from './common.mjs';

export const ENTERPRISE_DIR = path.join(PACKAGES_DIR, 'enterprise');

function newKey(file) {
  if (existsSync(file)) throw new Error(`${file} already exists; nothing was replaced`);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: 'wx',
  });
  console.log(`Wrote a new signing key: ${file} (keep it: every release must be signed with it)`);
}

function baseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--base-url must be a URL, not "${value}"`);
  }
  if (url.protocol !== 'https:')
    throw new Error('--base-url must be https (browsers refuse updates over http)');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export async function packageForEnterprise(argv) {
  const options = parseOptions(argv, {
    key: 'value',
    'base-url': 'value',
    'new-key': 'flag',
    'gecko-id': 'value',
    'skip-build': 'flag',
    out: 'value',
  });
  if (!options.key) throw new Error('give --key KEY.pem (or --new-key --key KEY.pem to make one)');
  if (!options['base-url']) throw new Error('give --base-url, where the files will be served');
  const base = baseUrl(options['base-url']);
  if (options['new-key']) newKey(options.key);
  const keyPem = readFileSync(options.key, 'utf8');
  const id = extensionId(publicKeyDer(keyPem));
  const out = options.out ?? ENTERPRISE_DIR;
  mkdirSync(out, { recursive: true });

  const build = (browser) =>
    options['skip-build']
      ? path.join(ROOT, '.output', `${browser}-mv3-store`)
      : buildTarget(browser);

  // Chrome and Edge: the same CRX, which names its update manifest.
  const chromeDir = build('chrome');
  const chromeManifest = { ...readManifest(chromeDir), update_url: `${base}updates.xml` };
  delete chromeManifest.key;
  const crxName = `postguard-${VERSION}.crx`;
  writeFileSync(
    path.join(out, crxName),
    createCrx(await zipExtension(chromeDir, chromeManifest), keyPem),
  );
  writeFileSync(
    path.join(out, 'updates.xml'),
    chromeUpdateManifest({ id, version: VERSION, crxUrl: `${base}${crxName}` }),
  );

  // Firefox: the add-on names its update manifest; Mozilla signs the XPI.
  const firefoxDir = build('firefox');
  const firefoxManifest = readManifest(firefoxDir);
  const gecko = {
    ...firefoxManifest.browser_specific_settings.gecko,
    ...(options['gecko-id'] ? { id: options['gecko-id'] } : {}),
    update_url: `${base}updates.json`,
  };
  firefoxManifest.browser_specific_settings = {
    ...firefoxManifest.browser_specific_settings,
    gecko,
  };
  const xpiName = `postguard-${VERSION}.xpi`;
  const xpi = await zipExtension(firefoxDir, firefoxManifest);
  writeFileSync(path.join(out, xpiName), xpi);
  const updates = {
    addons: { [gecko.id]: { updates: [{ version: VERSION, update_link: `${base}${xpiName}` }] } },
  };
  writeFileSync(path.join(out, 'updates.json'), `${JSON.stringify(updates, null, 2)}\n`);

  const policies = {
    chrome: {
      ExtensionInstallForcelist: [`${id};${base}updates.xml`],
      ExtensionSettings: {
        [id]: { installation_mode: 'force_installed', update_url: `${base}updates.xml` },
      },
    },
    firefox: {
      policies: {
        ExtensionSettings: {
          [gecko.id]: { installation_mode: 'force_installed', install_url: `${base}${xpiName}` },
        },
      },
    },
  };
  writeFileSync(path.join(out, 'policies.json'), `${JSON.stringify(policies, null, 2)}\n`);

  // Lint what is served: the XPI's own files, unpacked.
  const lintDir = mkdtempSync(path.join(tmpdir(), 'postguard-xpi-'));
  try {
    for (const [name, contents] of Object.entries(await unzip(xpi))) {
      mkdirSync(path.dirname(path.join(lintDir, name)), { recursive: true });
      writeFileSync(path.join(lintDir, name), contents);
    }
    webExtLint(lintDir, { selfHosted: true });
  } finally {
    rmSync(lintDir, { recursive: true, force: true });
  }

  console.log(`\nEnterprise packages (version ${VERSION}) in ${path.relative(ROOT, out) || out}:`);
  console.log(`  ${crxName}, updates.xml   Chrome/Edge extension id ${id}`);
  console.log(
    `  ${xpiName}, updates.json  Firefox add-on id ${gecko.id} (sign the XPI with Mozilla first)`,
  );
  console.log('  policies.json             the force-install policies (docs/admin-guide.md)');
  console.log(`Serve them at ${base}`);
  return { id, geckoId: gecko.id, out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  packageForEnterprise(process.argv.slice(2)).catch((error) => {
    console.error(`package:enterprise: ${error.message}`);
    process.exit(1);
  });
}
