import { defineConfig } from 'wxt';
import { SITE_MATCH_PATTERNS } from './src/sites';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: code reads the same in the extension, the CLI and tests.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Postguard',
    description: "Your organisation's social media policy, in the compose box.",
    // storage: packs, settings and the activity log; alarms: the pack refresh schedule;
    // scripting: injecting the checking engine into a site tab when a box is first focused.
    permissions: ['storage', 'alarms', 'scripting'],
    // The same four sites the content script runs on, needed to inject the engine there.
    host_permissions: [...SITE_MATCH_PATTERNS],
    storage: { managed_schema: 'managed_schema.json' },
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
