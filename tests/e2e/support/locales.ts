// Browsers in another UI language, for the interface-language tests.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { requireFirefox } from './driver-firefox';

/**
 * Firefox shows an add-on's catalogue for its UI language only when that language's pack is
 * installed; Debian puts packs beside Firefox (browser/extensions/langpack-es-ES@….xpi).
 */
export function firefoxHasLanguagePack(locale: string): boolean {
  const extensions = path.join(
    path.dirname(realpathSync(requireFirefox())),
    'browser',
    'extensions',
  );
  return (
    existsSync(extensions) &&
    readdirSync(extensions).some((name) => name.startsWith(`langpack-${locale}@`))
  );
}

export function firefoxLanguagePackHint(locale: string): string {
  return (
    `Firefox has no ${locale} language pack, so it cannot show Postguard in ${locale}: on ` +
    `Debian as root, apt-get install -y firefox-esr-l10n-${locale.toLowerCase()}`
  );
}
