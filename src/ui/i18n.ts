import english from '@/public/_locales/en/messages.json';
import { interfaceLocale, setFallbackCatalogue, t, type MessageId } from '@/src/i18n/messages';

/**
 * The interface language for the extension's pages (popup, options, guide). Outside the
 * extension (the benchmark renders the popup in Node, the background tests use a fake
 * browser without `i18n`) the pages read the English catalogue themselves.
 */
setFallbackCatalogue(english, 'en');

export {
  formatNumber,
  interfaceLanguage,
  interfaceLocale,
  t,
  tCount,
  type MessageId,
} from '@/src/i18n/messages';
export { formatDay, formatShortDay, formatTime } from '@/src/i18n/format';
export { fixLabel, severityName } from '@/src/i18n/labels';

/**
 * An extension page in the interface's language: its `lang` (for screen readers, hyphenation
 * and the browser's own controls) and its title. HTML pages cannot read `__MSG_…__` as the
 * manifest does, so the entry point sets both before the first render.
 */
export function localizeDocument(doc: Document, title: MessageId): void {
  doc.documentElement.lang = interfaceLocale();
  doc.title = t(title);
}
