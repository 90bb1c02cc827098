import { defineConfig } from 'wxt';

// The four sites Postguard watches. Kept here and in the content script's `matches`
// (WXT reads those statically), and nowhere else.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: code reads the same in the extension, the CLI and tests.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Postguard',
    description: "Your organisation's social media policy, in the compose box.",
    // storage: packs, settings and the activity log; alarms: the pack refresh schedule.
    permissions: ['storage', 'alarms'],
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
