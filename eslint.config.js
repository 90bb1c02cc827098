import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'tests/fixtures/node_modules/**',
      'tests/fixtures/dist/**',
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
  {
    // The engine is shared by the CLI and the extension: it must not touch a browser.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '@wxt-dev/*'], message: 'src/core is browser-free.' },
            {
              group: ['webextension-polyfill', 'react', 'react-dom', 'dexie'],
              message: 'src/core is browser-free.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/core runs in the browser too.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator'],
    },
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
