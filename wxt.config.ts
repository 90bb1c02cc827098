import { defineConfig } from 'wxt';
import { SITE_MATCH_PATTERNS } from './src/sites';
import { compromiseLazily } from './scripts/compromise-lazily';
import { eldDetectorAlias } from './scripts/eld-alias';
import { gatherBundledPackages, writeExtensionLicences } from './scripts/extension-licences';

/**
 * The public half of Postguard's development signing key (RSA, SPKI DER, base64). With it in
 * the manifest, every unpacked build has the same extension id, whatever folder it is loaded
 * from: fmabmdflalibhmhapcgmpjnnbnfjhcoc (the first 32 hex digits of the key's SHA-256, with
 * 0-f written a-p). Enterprise policy names the extension by that id (`3rdparty.extensions.<id>`),
 * so the example policy files in docs/ and examples/policies/ work with these builds. The
 * private key is not in the repository. The Chrome Web Store refuses a manifest with a key
 * and assigns its own id: build that upload with `wxt zip --mode store`.
 */
const DEV_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhzI6je7aiv6Mtgpjplg6ZpYF0XdBP2iwM+tV4fcFwwMqNjiDzclyTlqQHhfyqh1DnOL+L9DBn2SuzsejObtHC+HTr8ORwZ1QTWZJ+EooFPq6c3og9qChVae/SEP9HQ9bkhdVqCba3vXdHYQwlYsf/HGRi5UbKeqsHhU8gtqUzEjI5ahhlGQuv8kVETL0V0L3ez+hcXNFLiS8DYnKig9zKdoOS0JZeJRw8dDoicMEzjjjjc+35oBPaAvDu00Sanhf8MNnNj3OMiFy5weBe4e4MHzxSv/urjLdunlo3z6d2uFqSdggZ8tALVMVGO1rN7crssB8F6/0RkXtsNdSQ2O5jwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: code reads the same in the extension, the CLI and tests.
  imports: false,
  alias: eldDetectorAlias(import.meta.dirname),
  manifestVersion: 3,
  vite: () => ({
    plugins: [compromiseLazily(import.meta.dirname), gatherBundledPackages(import.meta.dirname)],
  }),
  // The licences of every package the build bundles, beside the code (THIRD-PARTY-LICENSES.txt).
  hooks: {
    'build:done': (wxt) => writeExtensionLicences(import.meta.dirname, wxt.config.outDir),
  },
  manifest: ({ browser, mode }) => ({
    // In the browser's language, from public/_locales (English when it has none of the five).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: packs, settings and the activity log; alarms: the pack refresh schedule.
    permissions: ['storage', 'alarms'],
    // The same four sites the content script runs on: the background finds their tabs by URL
    // to tell them when the packs in force change (tabs.query needs it to match URLs).
    host_permissions: [...SITE_MATCH_PATTERNS],
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser !== 'firefox' && mode !== 'store' ? { key: DEV_MANIFEST_KEY } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'postguard@postguard.example',
              strict_min_version: '140.0',
              // Nothing a person types, and nothing about them, leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
