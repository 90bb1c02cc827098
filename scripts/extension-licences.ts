import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { packageDirOf, thirdPartyLicenceText } from './third-party-licences.mjs';

/**
 * THIRD-PARTY-LICENSES.txt in each extension build: the licence of every package whose code a
 * bundle of the build holds. WXT runs one Vite build per group of entry points, so the plugin
 * gathers the packages of all of them and the `build:done` hook writes the file once.
 */
export const EXTENSION_LICENCES_FILE = 'THIRD-PARTY-LICENSES.txt';

const bundledPackageDirs = new Set<string>();

export function gatherBundledPackages(root: string): Plugin {
  return {
    name: 'postguard:gather-bundled-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) {
          // Vite prefixes virtual and CommonJS-wrapped ids with \0 and a query.
          const dir = packageDirOf(id.replace(/^\0/, '').replace(/\?.*$/, ''), root);
          if (dir) bundledPackageDirs.add(dir);
        }
      }
    },
  };
}

export function writeExtensionLicences(root: string, outDir: string): void {
  writeFileSync(
    path.join(outDir, EXTENSION_LICENCES_FILE),
    thirdPartyLicenceText(
      [...bundledPackageDirs],
      root,
      'Postguard (this extension) includes these packages, under these licences.',
    ),
  );
}
