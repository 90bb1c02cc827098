import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import path from 'node:path';
import { eldDetectorAlias } from './scripts/eld-alias';

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = { '@': root, ...eldDetectorAlias(root) };

// One project per test layer; `npm test` runs them all, `npm run test:<layer>` one.
export default defineConfig({
  test: {
    // Flaky tests must show, not hide behind a retry.
    retry: 0,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // The corpus sweeps and random edit sequences take a few seconds each, and twice that
          // on a machine of this kind while the other core runs the next file.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.tsx'],
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/dom/**/*.test.ts'],
          setupFiles: ['tests/dom/setup.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'background',
          environment: 'node',
          include: ['tests/background/**/*.test.ts'],
          setupFiles: ['tests/background/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
