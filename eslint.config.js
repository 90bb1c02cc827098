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

/**
 * The engine is shared by the CLI and the extension: it must not touch a browser, Node, or
 * anything outside itself. A relative path out of src/core is `..` once more than the file's
 * depth inside it, so each depth gets its own guard.
 */
function coreImportGuards() {
  const depths = ['src/core/*.ts', 'src/core/*/*.ts', 'src/core/*/*/*.ts', 'src/core/*/*/*/*.ts'];
  return depths.map((files, depth) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...CORE_FORBIDDEN,
            {
              group: [`${'../'.repeat(depth + 1)}**`],
              message: 'src/core imports nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator'],
    },
  }));
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
