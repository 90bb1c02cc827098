// The licences of the packages a bundle holds, in one text: the CLI's dist/THIRD-PARTY-LICENSES.txt
// and each extension build's THIRD-PARTY-LICENSES.txt. MIT, BSD and Apache-2.0 all ask that the
// licence text travel with the code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The separator after the name is looked at, not taken, so that a nested node_modules matches too.
const PACKAGE_DIR = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)(?=[\\/])/g;

/**
 * The package folder a bundled module came from, or undefined for the project's own code: the
 * innermost one, for a package nested in another's node_modules (twitter-text's core-js).
 */
export function packageDirOf(moduleId, root) {
  const match = [...moduleId.matchAll(PACKAGE_DIR)].at(-1);
  if (!match) return undefined;
  const dir = moduleId.slice(0, match.index + match[0].length);
  return path.isAbsolute(dir) ? dir : path.join(root, dir);
}

/** One entry per package folder: name, version, licence and its text (which must exist). */
function describePackage(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  return {
    name: pkg.name,
    version: pkg.version,
    license: pkg.license ?? pkg.licenses?.[0]?.type ?? 'see the text below',
    text: licenceFile ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : '',
  };
}

/**
 * The notice for `packageDirs` (folders of bundled packages), headed by `title`, followed by
 * the notices for data that is not a package (public/THIRD-PARTY-NOTICES.txt).
 */
export function thirdPartyLicenceText(packageDirs, root, title) {
  const entries = [...new Set(packageDirs)]
    .map(describePackage)
    // A package folder nested in another (a package's own node_modules) can repeat a name.
    .filter(
      (entry, index, all) =>
        all.findIndex((e) => e.name === entry.name && e.version === entry.version) === index,
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // A package that ships no licence file still names its licence: say so rather than
    // leave it out (WXT's own @wxt-dev/browser, MIT, is one).
    if (!entry.text && entry.license === 'see the text below')
      throw new Error(`${entry.name} names no licence and ships no licence file`);
    if (!entry.text)
      entry.text = `Licensed under ${entry.license}; the package ships no licence file (see its repository).`;
  }
  const dataNotices = readFileSync(path.join(root, 'public/THIRD-PARTY-NOTICES.txt'), 'utf8');
  return [
    title,
    ...entries.map(
      (e) => `\n${'='.repeat(78)}\n${e.name}@${e.version} (${e.license})\n\n${e.text}`,
    ),
    `\n${'='.repeat(78)}\n${dataNotices.trim()}`,
    '',
  ].join('\n');
}
