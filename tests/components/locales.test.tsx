// The five catalogues against each other and against the code: the same ids, the same
// placeholders, words that are translated, and the fallback reader agreeing with Chrome's rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCatalogueMessage } from '@/src/i18n/catalogue';
import { INTERFACE_LANGUAGES } from '@/src/i18n/messages';
import {
  CATALOGUE_LANGUAGES,
  LOCALES_DIR,
  chromeMessage,
  readCatalogue,
  type TestMessage,
} from './browser-i18n';

const ROOT = path.resolve(import.meta.dirname, '../..');
const english = readCatalogue('en');
const ids = Object.keys(english);
const OTHERS = CATALOGUE_LANGUAGES.filter((language) => language !== 'en');

const used = (message: TestMessage) =>
  [...message.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase());
const defined = (message: TestMessage) =>
  Object.entries(message.placeholders ?? {}).map(([name, value]) => `${name}=${value.content}`);

/** Every source file of the interface, to find which ids the code names. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

describe('the interface catalogues', () => {
  it('are the five languages of the interface, one folder each', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...CATALOGUE_LANGUAGES].sort());
    expect([...INTERFACE_LANGUAGES].sort()).toEqual([...CATALOGUE_LANGUAGES].sort());
  });

  it.each(OTHERS)('%s has exactly the English ids', (language) => {
    expect(Object.keys(readCatalogue(language)).sort()).toEqual([...ids].sort());
  });

  it.each(OTHERS)(
    '%s has the same placeholders per message as English, and uses them',
    (language) => {
      const catalogue = readCatalogue(language);
      const differ = ids.filter((id) => {
        const theirs = catalogue[id]!;
        const ours = english[id]!;
        return (
          defined(theirs).sort().join() !== defined(ours).sort().join() ||
          used(theirs).sort().join() !== used(ours).sort().join()
        );
      });
      expect(differ).toEqual([]);
    },
  );

  it.each(CATALOGUE_LANGUAGES)('%s defines every placeholder it uses', (language) => {
    const catalogue = readCatalogue(language);
    const undefinedOnes = ids.flatMap((id) => {
      const names = Object.keys(catalogue[id]!.placeholders ?? {}).map((n) => n.toLowerCase());
      return used(catalogue[id]!)
        .filter((name) => !names.includes(name))
        .map((name) => `${id}: $${name}$`);
    });
    expect(undefinedOnes).toEqual([]);
  });

  it('has ids Chrome accepts, none differing only by case, each described for translators', () => {
    expect(ids.filter((id) => !/^[A-Za-z0-9_]+$/.test(id))).toEqual([]);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    expect(ids.filter((id) => !english[id]!.description)).toEqual([]);
    // Placeholder contents are the substitutions, in order: $1, $2…
    for (const id of ids) {
      const contents = Object.values(english[id]!.placeholders ?? {}).map((p) => p.content);
      expect(contents, id).toEqual(contents.map((_, index) => `$${index + 1}`));
    }
  });

  it.each(CATALOGUE_LANGUAGES)(
    '%s names its own language and fits the stores’ limits',
    (language) => {
      const catalogue = readCatalogue(language);
      expect(catalogue.uiLanguage!.message).toBe(language);
      expect(catalogue.extName!.message.length).toBeLessThanOrEqual(75);
      expect(catalogue.extDescription!.message.length).toBeLessThanOrEqual(132);
    },
  );

  it.each(OTHERS)('%s is a translation, not a copy of the English', (language) => {
    const catalogue = readCatalogue(language);
    const same = ids.filter((id) => catalogue[id]!.message === english[id]!.message);
    // Names, codes and words that are the same in both (Version, Export JSON…) only.
    expect(same.length / ids.length).toBeLessThan(0.08);
  });

  it('has no message the code never asks for, and the code asks for none it lacks', () => {
    const code = [
      ...sources(path.join(ROOT, 'src')),
      ...sources(path.join(ROOT, 'entrypoints')),
      readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'),
    ].join('\n');
    const asked = (id: string) => {
      const counted = /^(.*)_(one|other)$/.exec(id);
      const name = counted ? counted[1]! : id;
      return code.includes(`'${name}'`) || code.includes(`__MSG_${name}__`);
    };
    expect(ids.filter((id) => !asked(id))).toEqual([]);
    // Every counted message comes as a pair.
    const counted = ids.filter((id) => id.endsWith('_one')).map((id) => id.slice(0, -4));
    expect(counted.filter((base) => !ids.includes(`${base}_other`))).toEqual([]);
  });
});

describe("Chrome's rules for a message", () => {
  const catalogue: Record<string, TestMessage> = {
    greet: {
      message: 'Hello $USER$, $$5 off at $Site$ ($2)',
      placeholders: { user: { content: '$1' }, site: { content: 'Example' } },
    },
  };

  it('fills placeholders by name in any case, then substitutions, and $$ is a dollar', () => {
    for (const read of [chromeMessage, formatCatalogueMessage]) {
      expect(read(catalogue, 'greet', ['Ana', 'today'])).toBe(
        'Hello Ana, $5 off at Example (today)',
      );
      // A missing substitution is empty; a substitution's own "$1" is never read again.
      expect(read(catalogue, 'GREET', ['$2 $$'])).toBe('Hello $2 $$, $5 off at Example ()');
    }
  });

  it.each(CATALOGUE_LANGUAGES)(
    'the fallback reader gives what the test browser gives, for every %s message',
    (language) => {
      const messages = readCatalogue(language);
      for (const id of ids) {
        const examples = Object.values(messages[id]!.placeholders ?? {}).map(
          (placeholder, index) => placeholder.example ?? `#${index}`,
        );
        expect(formatCatalogueMessage(messages, id, examples), `${language} ${id}`).toBe(
          chromeMessage(messages, id, examples),
        );
      }
    },
  );
});
