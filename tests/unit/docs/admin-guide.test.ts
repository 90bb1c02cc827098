// Keeps docs/admin-guide.md and examples/policies/ honest: every example policy file sets the
// settings public/managed_schema.json declares, with the types it declares, for the extension
// ids the build really has, and the settings the extension itself accepts without a complaint.
// The .reg and .mobileconfig files are read the way Chrome reads the registry and a profile, so
// all five files must say the same thing.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePack } from '@/src/core';
import { MAX_PACK_BYTES } from '@/src/core/pack/schema';
import { decodeBase64 } from '@/src/core/signature';
import { signatureUrl } from '@/src/background/packs/fetch-pack';
import {
  DEFAULT_REFRESH_MINUTES,
  MAX_REFRESH_MINUTES,
  MIN_REFRESH_MINUTES,
  packUrlProblem,
  parseManagedSettings,
} from '@/src/background/packs/settings';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples/policies');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const example = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8');

const guide = read('docs/admin-guide.md');
const wxtConfig = read('wxt.config.ts');

interface PropertySchema {
  type: 'array' | 'integer' | 'boolean' | 'string';
  items?: { type: string };
  minimum?: number;
  maximum?: number;
}
const schema = JSON.parse(read('public/managed_schema.json')) as {
  properties: Record<string, PropertySchema>;
};
const SETTINGS = Object.keys(schema.properties).sort();

/** Chromium's id for a manifest key: SHA-256 of the DER key, first 32 hex digits as a-p. */
function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

const manifestKey = /const DEV_MANIFEST_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(wxtConfig)?.[1];
const geckoId = /gecko:\s*\{\s*id:\s*'([^']+)'/.exec(wxtConfig)?.[1];
const CHROME_ID = manifestKey ? extensionIdOf(manifestKey) : 'no DEV_MANIFEST_KEY in wxt.config.ts';

/** The refusal codes, from the type's source (a type has no runtime value to list). */
const refusalCodes = (() => {
  const union = /export type RefusalCode =([^;]+);/.exec(read('src/policy/types.ts'))?.[1] ?? '';
  return [...union.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!);
})();

type Settings = Record<string, unknown>;

// --- Reading the five example files -----------------------------------------------------------

function chromeLinux(): { id: string; settings: Settings } {
  const policy = JSON.parse(example('chrome-linux-managed.json')) as {
    '3rdparty': { extensions: Record<string, Settings> };
  };
  expect(Object.keys(policy)).toEqual(['3rdparty']);
  const entries = Object.entries(policy['3rdparty'].extensions);
  expect(entries).toHaveLength(1);
  const [id, settings] = entries[0]!;
  return { id, settings };
}

function adminConsole(): Settings {
  const policy = JSON.parse(example('google-admin-console.json')) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(policy).map(([name, wrapped]) => {
      expect(Object.keys(wrapped as object), `${name} is { "Value": ... }`).toEqual(['Value']);
      return [name, (wrapped as { Value: unknown }).Value];
    }),
  );
}

function firefox(): { id: string; settings: Settings } {
  const policy = JSON.parse(example('firefox-policies.json')) as {
    policies: { '3rdparty': { Extensions: Record<string, Settings> } };
  };
  expect(Object.keys(policy)).toEqual(['policies']);
  const entries = Object.entries(policy.policies['3rdparty'].Extensions);
  expect(entries).toHaveLength(1);
  const [id, settings] = entries[0]!;
  return { id, settings };
}

type RegValue = string | number;
type RegKeys = Map<string, Map<string, RegValue>>;

/** A .reg file (Windows Registry Editor 5.00): keys, REG_SZ and REG_DWORD values, deletions. */
function parseReg(text: string): { keys: RegKeys; deleted: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const keys: RegKeys = new Map();
  const deleted: string[] = [];
  let current: Map<string, RegValue> | undefined;
  for (const line of lines.slice(1)) {
    if (line.trim() === '' || line.startsWith(';')) continue;
    const key = /^\[(-?)([^\]]+)\]$/.exec(line);
    if (key) {
      if (key[1]) {
        deleted.push(key[2]!);
        current = undefined;
      } else {
        current = keys.get(key[2]!) ?? new Map();
        keys.set(key[2]!, current);
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    expect(value, `a value line: ${line.slice(0, 60)}`).not.toBeNull();
    expect(current, 'a value inside a key').toBeDefined();
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current!.set(
      unescape(value![1]!),
      value![2] !== undefined ? unescape(value![2]) : parseInt(value![3]!, 16),
    );
  }
  return { keys, deleted };
}

/** Chrome's reading of 3rdparty policy in the registry (components/policy registry_dict.cc). */
function settingsFromRegistry(keys: RegKeys, root: string): Settings {
  const settings: Settings = {};
  for (const [name, value] of keys.get(root) ?? []) {
    const type = schema.properties[name]?.type;
    expect(typeof value, `${name} is a REG_DWORD`).toBe('number');
    settings[name] = type === 'boolean' ? value !== 0 : value;
  }
  const prefix = `${root}\\`;
  for (const [key, values] of keys) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    expect(schema.properties[name]?.type, `${name} is a list`).toBe('array');
    // Lists: a subkey with numbered values, read in the order of the names as text.
    const items = [...values.entries()].sort(([a], [b]) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
    );
    for (const [index, item] of items) {
      expect(index, `${name} item names are numbers`).toMatch(/^\d+$/);
      expect(typeof item, `${name}\\${index} is a REG_SZ`).toBe('string');
    }
    settings[name] = items.map(([, item]) => item);
  }
  return settings;
}

type Plist = string | number | boolean | Plist[] | { [key: string]: Plist };

/** An XML property list: dict, array, string, integer, true and false, as profiles use. */
function parsePlist(text: string): Plist {
  const body = text
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const tokens = [...body.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>|([^<]+)/g)];
  let at = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const next = () => {
    while (at < tokens.length && tokens[at]![4] !== undefined && tokens[at]![4]!.trim() === '')
      at++;
    return tokens[at++];
  };
  const readText = (tag: string): string => {
    let content = '';
    while (tokens[at]?.[4] !== undefined) content += tokens[at++]![4];
    const close = tokens[at++];
    expect(close?.[1] === '/' && close[2] === tag, `</${tag}>`).toBe(true);
    return decode(content);
  };
  const value = (): Plist => {
    const open = next();
    expect(open && open[1] === '' && open[2], 'an opening tag').toBeTruthy();
    const [, , tag, selfClosing] = open!;
    if (tag === 'plist') {
      const inner = value();
      expect(next()?.[2]).toBe('plist');
      return inner;
    }
    if (tag === 'true' || tag === 'false') {
      expect(selfClosing, `<${tag}/>`).toBe('/');
      return tag === 'true';
    }
    if (tag === 'string') return readText('string');
    if (tag === 'integer') return Number(readText('integer'));
    if (tag === 'array' || tag === 'dict') {
      const items: Plist[] = [];
      const dict: Record<string, Plist> = {};
      for (;;) {
        const save = at;
        const token = next();
        if (token?.[1] === '/' && token[2] === tag) break;
        at = save;
        if (tag === 'array') {
          items.push(value());
        } else {
          const keyOpen = next();
          expect(keyOpen?.[2], '<key>').toBe('key');
          const key = readText('key');
          dict[key] = value();
        }
      }
      return tag === 'array' ? items : dict;
    }
    throw new Error(`unexpected <${tag}> in the profile`);
  };
  return value();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function anchors(markdown: string): Set<string> {
  const headings = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)];
  return new Set(
    headings.map((match) =>
      match[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

/** Every relative link of a Markdown file resolves: the file exists, and so does the heading. */
function expectLinksResolve(file: string) {
  const text = read(file);
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  for (const link of links.filter((target) => !/^[a-z]+:/.test(target))) {
    const [target, anchor] = link.split('#') as [string, string | undefined];
    const resolved = target === '' ? file : path.join(path.dirname(file), target);
    expect(existsSync(path.join(ROOT, resolved)), `${file}: ${link}`).toBe(true);
    if (anchor !== undefined) {
      expect(anchors(read(resolved)).has(anchor), `${file}: ${link}`).toBe(true);
    }
  }
}

// --- Checks ------------------------------------------------------------------------------------

/** The same checks for every channel: schema keys and types, and the extension's own parsing. */
function expectValidSettings(
  settings: Settings,
  where: string,
  options: { packObjects?: boolean } = {},
) {
  expect(Object.keys(settings).sort(), `${where}: exactly the schema's settings`).toEqual(SETTINGS);
  for (const [name, value] of Object.entries(settings)) {
    const property = schema.properties[name]!;
    if (property.type === 'array') {
      expect(Array.isArray(value), `${where}: ${name} is a list`).toBe(true);
      for (const item of value as unknown[]) {
        const ok =
          typeof item === 'string' ||
          (options.packObjects === true && name === 'packs' && typeof item === 'object');
        expect(ok, `${where}: ${name} items are ${property.items?.type}`).toBe(true);
      }
    } else if (property.type === 'integer') {
      expect(Number.isInteger(value), `${where}: ${name} is a whole number`).toBe(true);
      expect(value as number).toBeGreaterThanOrEqual(property.minimum ?? -Infinity);
      expect(value as number).toBeLessThanOrEqual(property.maximum ?? Infinity);
    } else {
      expect(typeof value, `${where}: ${name}`).toBe(property.type);
    }
  }
  for (const key of settings.publicKeys as string[]) {
    expect(decodeBase64(key)?.length, `${where}: ${key} is 32 bytes of base64`).toBe(32);
  }
  for (const url of settings.packUrls as string[]) {
    expect(packUrlProblem(url), `${where}: ${url}`).toBeUndefined();
  }
  for (const pack of settings.packs as unknown[]) {
    const parsed = parsePack(pack);
    expect(parsed.ok ? [] : parsed.errors, `${where}: an inline pack`).toEqual([]);
  }
  // What the extension makes of them: nothing ignored, nothing adjusted.
  expect(parseManagedSettings(settings).errors, where).toEqual([]);
}

/** Firefox may hold inline packs as objects: compare them as the packs they stand for. */
function normalisePacks(settings: Settings): Settings {
  return {
    ...settings,
    packs: (settings.packs as unknown[]).map((pack) =>
      typeof pack === 'string' ? JSON.parse(pack) : pack,
    ),
  };
}

describe('examples/policies', () => {
  it('reads the ids from wxt.config.ts', () => {
    expect(manifestKey).toBeDefined();
    expect(CHROME_ID).toMatch(/^[a-p]{32}$/);
    // The comment beside the key names the id too.
    expect(wxtConfig).toContain(CHROME_ID);
    expect(geckoId).toBe('postguard@postguard.example');
  });

  it('Chrome on Linux: 3rdparty.extensions.<the build id>, with valid settings', () => {
    const reference = chromeLinux();
    expect(reference.id).toBe(CHROME_ID);
    expectValidSettings(reference.settings, 'chrome-linux-managed.json');
  });

  it('Google Admin console: every setting wrapped in { "Value": ... }, the same settings', () => {
    const reference = chromeLinux();
    const settings = adminConsole();
    expectValidSettings(settings, 'google-admin-console.json');
    expect(settings).toEqual(reference.settings);
  });

  it('Firefox: 3rdparty.Extensions.<the gecko id>, the same settings (packs may be objects)', () => {
    const reference = chromeLinux();
    const { id, settings } = firefox();
    expect(id).toBe(geckoId);
    expectValidSettings(settings, 'firefox-policies.json', { packObjects: true });
    expect(normalisePacks(settings)).toEqual(normalisePacks(reference.settings));
  });

  it('Windows: the registry values Chrome reads are the same settings', () => {
    const reference = chromeLinux();
    const text = example('windows-chrome.reg');
    const root = `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`;
    const { keys, deleted } = parseReg(text);
    expect(deleted).toEqual([root]);
    for (const key of keys.keys())
      expect(key === root || key.startsWith(`${root}\\`), key).toBe(true);
    for (const name of SETTINGS) {
      expect(text.includes(`"${name}"=`) || text.includes(`\\${name}]`), name).toBe(true);
    }
    const settings = settingsFromRegistry(keys, root);
    expectValidSettings(settings, 'windows-chrome.reg');
    expect(settings).toEqual(reference.settings);
  });

  it('macOS: the profile payload for com.google.Chrome.extensions.<id> holds the same settings', () => {
    const reference = chromeLinux();
    const profile = parsePlist(example('macos-chrome.mobileconfig')) as Record<string, Plist>;
    expect(profile.PayloadType).toBe('Configuration');
    const payloads = profile.PayloadContent as Record<string, Plist>[];
    expect(payloads).toHaveLength(1);
    const payload = payloads[0]!;
    expect(payload.PayloadType).toBe(`com.google.Chrome.extensions.${CHROME_ID}`);
    const uuids = [profile.PayloadUUID, payload.PayloadUUID];
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
    const settings = Object.fromEntries(
      Object.entries(payload).filter(([key]) => !key.startsWith('Payload')),
    );
    expectValidSettings(settings, 'macos-chrome.mobileconfig');
    expect(settings).toEqual(reference.settings);
  });

  it('has working links in its README', () => expectLinksResolve('examples/policies/README.md'));

  it('every file is indexed in the folder README', () => {
    const readme = example('README.md');
    for (const file of readdirSync(EXAMPLES).filter((name) => name !== 'README.md')) {
      expect(readme, file).toContain(`](${file})`);
    }
  });
});

describe('docs/admin-guide.md', () => {
  it('has working links, anchors included', () => expectLinksResolve('docs/admin-guide.md'));

  it('links every example policy file', () => {
    const files = readdirSync(EXAMPLES).filter((name) => name !== 'README.md');
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      expect(guide, file).toContain(`](../examples/policies/${file})`);
    }
  });

  it('explains every refusal code in the troubleshooting table', () => {
    expect(refusalCodes.length).toBeGreaterThan(10);
    const table = guide.slice(guide.indexOf('\n### Refusal codes\n'));
    for (const code of refusalCodes)
      expect(table, code).toMatch(new RegExp(`\\n\\| \`${code}\` +\\|`));
  });

  it('names the extension ids, the signature URL and the managed settings', () => {
    const reference = chromeLinux();
    expect(guide).toContain(CHROME_ID);
    expect(guide).toContain(geckoId);
    const url = (reference.settings.packUrls as string[])[0]!;
    expect(guide).toContain(signatureUrl(url));
    for (const name of SETTINGS) expect(guide, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });

  it('gives the limits and defaults the code has', () => {
    expect(MAX_PACK_BYTES).toBe(5 * 1024 * 1024);
    expect(guide).toContain('5 MB');
    const timeout = /DEFAULT_TIMEOUT_MS = ([\d_]+);/.exec(
      read('src/background/packs/updater.ts'),
    )?.[1];
    expect(guide).toContain(`within ${Number(timeout?.replace(/_/g, '')) / 1000} seconds`);
    expect(guide).toContain(`from ${MIN_REFRESH_MINUTES} to ${MAX_REFRESH_MINUTES}`);
    expect(guide).toContain(`every \`refreshMinutes\` (default ${DEFAULT_REFRESH_MINUTES})`);
    const badge = /setBadgeText\(\{ text: '([^']+)' \}\)/.exec(
      read('src/background/packs/badge.ts'),
    )?.[1];
    expect(guide).toContain(`**${badge}** badge`);
  });
});
