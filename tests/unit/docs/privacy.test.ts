import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CURRENT_VERSION, SCHEMA_V3 } from '@/src/store/schema';

const ROOT = path.resolve(__dirname, '../../..');
const privacy = readFileSync(path.join(ROOT, 'docs/privacy.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(name) ? [relative] : [];
  });
}

const sources = ['src', 'entrypoints'].flatMap(sourceFiles);
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('docs/privacy.md against the code', () => {
  it('lists every storage item the extension defines, in its storage area', () => {
    const items = sources.flatMap((file) =>
      [
        ...read(file).matchAll(
          /defineItem(?:<[^>]*(?:<[^>]*>[^>]*)*>)?\(\s*'(local|session|sync|managed):([\w-]+)'/g,
        ),
      ].map((m) => ({ area: m[1], key: m[2] })),
    );
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const { area, key } of items) {
      expect(privacy, `${area}:${key}`).toMatch(
        new RegExp(`\\| \`storage\\.${area}\` \`${key}\` `),
      );
    }
  });

  it('lists every table of the activity database', () => {
    expect(CURRENT_VERSION).toBe(3); // a new schema version: list its tables here
    for (const table of Object.keys(SCHEMA_V3)) {
      expect(privacy, table).toContain(`| IndexedDB \`postguard\`, \`${table}\``);
    }
  });

  it('lists no item the code does not have', () => {
    const listed = [...privacy.matchAll(/^\| `storage\.(local|session)` `([\w-]+)`/gm)].map(
      (m) => m[2],
    );
    const code = sources.map(read).join('\n');
    for (const key of listed) expect(code, key).toContain(`:${key}'`);
  });

  it('is right that only the pack download makes network requests', () => {
    const requesting = sources.filter((file) =>
      /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/.test(read(file)),
    );
    expect(requesting.sort()).toEqual([
      path.join('src', 'background', 'packs', 'download.ts'),
      path.join('src', 'background', 'packs', 'updater.ts'),
    ]);
  });

  it('is right that the text goes to the background only to be checked, and is kept nowhere', () => {
    // ExtensionMessage is the type of everything a content script sends the background.
    const messages = read('src/messages.ts');
    const from = messages.indexOf('export type ExtensionMessage');
    const union = messages.slice(from, messages.indexOf('\nexport ', from + 1));
    const variants = union.split(/\n\s*\|\s*(?=\{)/).filter((v) => /kind: '/.test(v));
    const kinds = variants.map((v) => /kind: '([\w-]+)'/.exec(v)?.[1]);
    expect(kinds).toContain('post-acknowledged');
    expect(kinds).toContain('check');
    for (const variant of variants) {
      const kind = /kind: '([\w-]+)'/.exec(variant)?.[1];
      const fields = [...variant.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]);
      const textFields = fields.filter((f) =>
        ['text', 'content', 'body', 'draft', 'post'].includes(f!),
      );
      // Only the request to check a box carries its text; every log entry is without it.
      expect(textFields, kind).toEqual(kind === 'check' ? ['text'] : []);
    }
    expect(privacy).toContain("hands the box's text to the\n  extension's background");
    // The engine checks in memory: it reaches no storage, no database and no network.
    const engine = read('src/background/engine.ts');
    expect(engine).not.toMatch(/@\/src\/store|storage\.|indexedDB|fetch\(/);
    // And the compose script sends nothing else.
    const composeSources = sourceFiles(path.join('src', 'compose')).map(read).join('\n');
    const sent = [...composeSources.matchAll(/kind: '([\w-]+)',?\n/g)].map((m) => m[1]);
    expect(sent).toContain('check');
    for (const kind of sent) expect(kinds).toContain(kind);
  });

  it('names every permission the manifest asks for', () => {
    const config = read('wxt.config.ts');
    const permissions = /permissions: \[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const names = [...permissions.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(privacy).toContain(`- \`${name}\`: `);
    expect(config).toContain("data_collection_permissions: { required: ['none'] }");
  });
});
