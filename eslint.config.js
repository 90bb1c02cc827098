import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** What src/core may not import, whatever its folder: browser and Node packages, the alias. */
const CORE_FORBIDDEN = [
  {
    group: ['wxt', 'wxt/**', '@wxt-dev/**', 'webextension-polyfill', 'react', 'react/**'],
    message: 'src/core is browser-free.',
  },
  {
    group: ['react-dom', 'react-dom/**', 'dexie', 'dexie/**', '@testing-library/**'],
    message: 'src/core is browser-free.',
  },
  {
    group: ['node:*', 'fs', 'fs/**', 'path', 'os', 'url', 'crypto'],
    message: 'src/core runs in the browser too.',
  },
  {
    group: ['@/**'],
    message:
      'src/core imports only itself, by relative paths (the CLI runs it without the @/ alias).',
  },
];

/** zod is configured before any schema is defined: every module takes `z` from src/core/zod.ts. */
const ZOD_MESSAGE = "Import { z } from src/core/zod.ts: it turns zod's eval probe off first.";
const ZOD_PATHS = [{ name: 'zod', message: ZOD_MESSAGE }];
const ZOD_DIRECT = { group: ['zod/**'], message: ZOD_MESSAGE };

/**
 * The engine is shared by the CLI and the extension: it must not touch a browser, Node, or
 * anything outside itself. A relative path out of src/core is `..` once more than the file's
 * depth inside it, so each depth gets its own guard.
 */
function coreImportGuards() {
  const depths = ['src/core/*.ts', 'src/core/*/*.ts', 'src/core/*/*/*.ts', 'src/core/*/*/*/*.ts'];
  const guard = (files, depth, zodToo, ignores = []) => ({
    files: [files],
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: zodToo ? ZOD_PATHS : [],
          patterns: [
            ...CORE_FORBIDDEN,
            ...(zodToo ? [ZOD_DIRECT] : []),
            {
              group: [`${'../'.repeat(depth + 1)}**`],
              message: 'src/core imports nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator'],
    },
  });
  return [
    ...depths.map((files, depth) =>
      guard(files, depth, true, depth === 0 ? ['src/core/zod.ts'] : []),
    ),
    // The one module that imports zod itself.
    guard('src/core/zod.ts', 0, false),
  ];
}

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'tests/fixtures/node_modules/**',
      'tests/fixtures/dist/**',
      'dist/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...coreImportGuards(),
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: [ZOD_DIRECT] }] },
  },
  {
    // Page content is untrusted: never parse it as HTML.
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM nodes; never parse page or pack text as HTML.',
        },
        {
          property: 'outerHTML',
          message: 'Build DOM nodes; never parse page or pack text as HTML.',
        },
        {
          property: 'insertAdjacentHTML',
          message: 'Build DOM nodes; never parse page or pack text as HTML.',
        },
      ],
    },
  },
  prettier,
);
