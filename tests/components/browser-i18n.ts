// `browser.i18n` for tests that render Postguard's interface outside a browser: it reads the
// real catalogues in public/_locales and applies Chrome's rules, so a test sees the words a
// person sees. Written apart from src/i18n/catalogue.ts on purpose: tests/components/locales
// checks the two agree, and the e2e tests check both against Chromium and Firefox.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../public/_locales');
export const CATALOGUE_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];

export interface TestMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const catalogues = new Map<CatalogueLanguage, Record<string, TestMessage>>();

/** A language's messages.json, as the build ships it. */
export function readCatalogue(language: CatalogueLanguage): Record<string, TestMessage> {
  let catalogue = catalogues.get(language);
  if (!catalogue) {
    catalogue = JSON.parse(
      readFileSync(path.join(LOCALES_DIR, language, 'messages.json'), 'utf8'),
    ) as Record<string, TestMessage>;
    catalogues.set(language, catalogue);
  }
  return catalogue;
}

/**
 * Chrome's getMessage on one catalogue: `$NAME$` is the placeholder's content (names in any
 * case), then `$n` is substitution n (empty when missing) and `$$` is `$`; undefined when the
 * id is not there.
 */
export function chromeMessage(
  catalogue: Record<string, TestMessage>,
  id: string,
  substitutions: readonly string[],
): string | undefined {
  const key = Object.keys(catalogue).find((name) => name.toLowerCase() === id.toLowerCase());
  const entry = key === undefined ? undefined : catalogue[key];
  if (!entry) return undefined;
  const contents: Record<string, string> = {};
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {}))
    contents[name.toLowerCase()] = placeholder.content;
  let text = '';
  const source = entry.message;
  // One scan of the message, then one of the result: text substituted in is never read again.
  for (let i = 0; i < source.length; ) {
    const named = /^\$([A-Za-z0-9_@]+)\$/.exec(source.slice(i));
    if (named && contents[named[1]!.toLowerCase()] !== undefined) {
      text += contents[named[1]!.toLowerCase()];
      i += named[0].length;
    } else {
      text += source[i];
      i += 1;
    }
  }
  let result = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === '$' && text[i + 1] === '$') {
      result += '$';
      i += 2;
    } else if (text[i] === '$' && /[1-9]/.test(text[i + 1] ?? '')) {
      const digits = /^\d+/.exec(text.slice(i + 1))![0];
      result += substitutions[Number(digits) - 1] ?? '';
      i += 1 + digits.length;
    } else {
      result += text[i];
      i += 1;
    }
  }
  return result;
}

let language: CatalogueLanguage = 'en';
let uiLanguage = 'en-US';

export const testI18n = {
  getMessage(id: string, substitutions?: string | string[]): string {
    const list = substitutions === undefined ? [] : [substitutions].flat();
    // As Chrome does: the person's language, else the default locale's message.
    return (
      chromeMessage(readCatalogue(language), id, list) ??
      chromeMessage(readCatalogue('en'), id, list) ??
      ''
    );
  },
  getUILanguage: () => uiLanguage,
};

/** Makes `chrome.i18n` (what `wxt/browser` gives outside Firefox) the test catalogue reader. */
export function installTestI18n(): void {
  const global = globalThis as { chrome?: { i18n?: unknown } };
  global.chrome = { ...(global.chrome ?? {}), i18n: testI18n };
}

/** Shows the interface in `next`, as a browser whose UI language is `locale` would. */
export function useInterfaceLanguage(next: CatalogueLanguage, locale: string = next): void {
  language = next;
  uiLanguage = locale;
}

export function resetInterfaceLanguage(): void {
  useInterfaceLanguage('en', 'en-US');
}
