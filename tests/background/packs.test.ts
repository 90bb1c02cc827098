// Signed packs fetched from a real HTTP server on 127.0.0.1 by the background's updater, in
// WXT's fake browser: what is applied, what is refused and why, and that a refusal never
// replaces the last good pack.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { starterPack } from '@/src/policy/starter';
import { PackUpdater } from '@/src/background/packs/updater';
import { activePolicyItem, policyStatusItem } from '@/src/policy/storage';
import type { ActivePolicy, SourceStatus } from '@/src/policy/types';
import {
  makeKey,
  makePack,
  packText,
  startPackServer,
  type PackServer,
  type SigningKey,
} from './packs-support';

const TIMEOUT_MS = 400;
const MB = 1024 * 1024;

let server: PackServer;
let key: SigningKey;

beforeEach(async () => {
  server = await startPackServer();
  key = makeKey();
});

afterEach(async () => {
  await server.close();
});

function updater(): PackUpdater {
  return new PackUpdater({ starter: starterPack(), timeoutMs: TIMEOUT_MS, random: () => 0 });
}

async function pushPolicy(settings: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.managed.set(settings);
}

async function policy(): Promise<ActivePolicy> {
  const value = await activePolicyItem.getValue();
  if (!value) throw new Error('no policy written');
  return value;
}

async function sourceStatus(url: string): Promise<SourceStatus> {
  const status = await policyStatusItem.getValue();
  const source = status?.sources.find((s) => s.origin === url);
  if (!source) throw new Error(`no status for ${url}`);
  return source;
}

/** Publishes version 1.0.0 at /acme.json, signed, and puts it in force. */
async function applyGoodPack(): Promise<{ url: string; before: ActivePolicy }> {
  const url = server.url('/acme.json');
  server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key);
  await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
  await updater().update('check-now');
  const before = await policy();
  expect(before.records.map((r) => r.pack.version)).toEqual(['1.0.0']);
  return { url, before };
}

describe('a signed pack from a URL', () => {
  it('is applied, with the key that signed it and when it was fetched', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ version: '2026.11.2' })), key);
    await pushPolicy({ packUrls: [url], publicKeys: [makeKey().publicKey, key.publicKey] });
    const started = Date.now();

    await updater().update('check-now');

    const { records, revision } = await policy();
    expect(revision).toBe(1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'managed-url',
      origin: url,
      signedBy: key.publicKey,
      pack: { id: 'acme-social', version: '2026.11.2' },
    });
    expect(records[0]!.fetchedAt).toBeGreaterThanOrEqual(started);
    const status = await sourceStatus(url);
    expect(status.error).toBeUndefined();
    expect(status.succeededAt).toBeGreaterThanOrEqual(started);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // The pack was fetched, then its signature: nothing else.
    expect(server.requests.map((r) => r.path)).toEqual(['/acme.json', '/acme.json.sig']);
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
  });

  it('may move up to a newer version, or stay at the same one', async () => {
    const { url } = await applyGoodPack();
    server.publish('/acme.json', packText(makePack({ version: '1.0.0', term: 'Nightjar' })), key);
    await updater().update('check-now');
    expect((await policy()).records[0]!.pack.rules[0]).toMatchObject({ terms: ['Nightjar'] });

    server.publish('/acme.json', packText(makePack({ version: '1.10.0' })), key);
    await updater().update('check-now');
    expect((await policy()).records[0]!.pack.version).toBe('1.10.0');
    expect((await sourceStatus(url)).error).toBeUndefined();
  });
});

interface RefusalCase {
  name: string;
  code: string;
  /** Words the person reads in the reason. */
  reason: RegExp;
  /** Replaces the good pack on the server with the bad one. */
  serve(url: string): void;
}

const REFUSALS: RefusalCase[] = [
  {
    name: 'signed with a key that is not trusted',
    code: 'bad-signature',
    reason: /signature does not match.*not among the trusted publicKeys/,
    serve() {
      server.publish('/acme.json', packText(makePack({ version: '1.1.0' })), makeKey());
    },
  },
  {
    name: 'changed after it was signed (tampered bytes)',
    code: 'bad-signature',
    reason: /signature does not match/,
    serve() {
      const signed = packText(makePack({ version: '1.1.0', term: 'Nightjar' }));
      server.publish('/acme.json', signed, key);
      // Same length, one term swapped: the signature no longer covers these bytes.
      server.routes.set('/acme.json', {
        kind: 'file',
        body: signed.replace('Nightjar', 'Nighthwk'),
      });
    },
  },
  {
    name: 'without a signature',
    code: 'unsigned',
    reason: /is not signed: there is no http:\/\/127\.0\.0\.1:\d+\/acme\.json\.sig/,
    serve() {
      server.publish('/acme.json', packText(makePack({ version: '1.1.0' })), key);
      server.routes.delete('/acme.json.sig');
    },
  },
  {
    name: 'with a signature file that is not a signature',
    code: 'bad-signature',
    reason: /is not a signature/,
    serve() {
      server.publish('/acme.json', packText(makePack({ version: '1.1.0' })), key);
      server.routes.set('/acme.json.sig', { kind: 'file', body: '<html>Sign in</html>' });
    },
  },
  {
    name: 'of an older version than the one in force from that URL',
    code: 'older-version',
    reason: /version 0\.9\.0, older than version 1\.0\.0 already in force/,
    serve() {
      server.publish('/acme.json', packText(makePack({ version: '0.9.0' })), key);
    },
  },
  {
    name: 'that is a pre-release of the version in force',
    code: 'older-version',
    reason: /version 1\.0\.0-rc\.1, older than version 1\.0\.0/,
    serve() {
      server.publish('/acme.json', packText(makePack({ version: '1.0.0-rc.1' })), key);
    },
  },
  {
    name: 'that is not JSON (signed all the same)',
    code: 'malformed',
    reason: /is not valid JSON \(at line 3/,
    serve() {
      server.publish('/acme.json', '{\n  "format": "postguard/pack@1",\n  "id": acme\n}\n', key);
    },
  },
  {
    name: 'that is JSON but not a valid pack (signed all the same)',
    code: 'invalid',
    reason: /is not a valid pack: rules\[0\]\.severity/,
    serve() {
      const pack = makePack({ version: '1.1.0' });
      const broken = { ...pack, rules: [{ ...pack.rules![0]!, severity: 'fatal' }] };
      server.publish('/acme.json', JSON.stringify(broken), key);
    },
  },
  {
    name: 'that is no longer there (404)',
    code: 'http',
    reason: /acme\.json answered 404 Not Found/,
    serve() {
      server.routes.delete('/acme.json');
    },
  },
  {
    name: 'from a server that fails (503)',
    code: 'http',
    reason: /answered 503 Service Unavailable/,
    serve() {
      server.routes.set('/acme.json', { kind: 'status', status: 503 });
    },
  },
  {
    name: 'from a server that does not answer in time',
    code: 'timeout',
    reason: /127\.0\.0\.1:\d+ did not send the pack within 0\.4 seconds/,
    serve() {
      server.routes.set('/acme.json', { kind: 'hang' });
    },
  },
  {
    name: 'of 6 MB, announced in Content-Length',
    code: 'too-large',
    reason: /larger than 5 MB, the limit/,
    serve() {
      server.routes.set('/acme.json', { kind: 'huge', bytes: 6 * MB, chunked: false });
    },
  },
  {
    name: 'of 6 MB, sent chunked with no length',
    code: 'too-large',
    reason: /larger than 5 MB, the limit/,
    serve() {
      server.routes.set('/acme.json', { kind: 'huge', bytes: 6 * MB, chunked: true });
    },
  },
];

describe('a pack that cannot be trusted or used is refused, and the last good pack stays', () => {
  for (const refusal of REFUSALS) {
    it(`refuses a pack ${refusal.name}`, async () => {
      const { url, before } = await applyGoodPack();
      refusal.serve(url);

      await updater().update('check-now');

      // Not a byte of the refused pack is in force, and readers were not even woken.
      expect(await policy()).toEqual(before);
      const status = await sourceStatus(url);
      expect(status.error?.code).toBe(refusal.code);
      expect(status.error?.message).toMatch(refusal.reason);
      expect(status.failures).toBe(1);
      expect(status.succeededAt).toBeDefined();
      // The person sees that the policy could not be updated, and why.
      expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
      expect(await fakeBrowser.action.getTitle({})).toMatch(
        /^Postguard: the policy could not be updated\. /,
      );
      expect(await fakeBrowser.action.getTitle({})).toMatch(refusal.reason);
    });
  }

  it('stops reading a 6 MB body once it passes 5 MB', async () => {
    const { url } = await applyGoodPack();
    server.routes.set('/acme.json', { kind: 'huge', bytes: 6 * MB, chunked: true });
    // The real fetch, with a count of the body bytes the updater pulls through it.
    let bytesRead = 0;
    const countingFetch = async (input: string, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (!response.body) return response;
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (input === url) bytesRead += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: response.status, headers: response.headers });
    };
    const started = Date.now();
    await new PackUpdater({
      starter: starterPack(),
      fetch: countingFetch,
      timeoutMs: 5_000,
    }).update('check-now');

    expect((await sourceStatus(url)).error?.code).toBe('too-large');
    expect(bytesRead).toBeGreaterThan(5 * MB);
    expect(bytesRead).toBeLessThan(5.5 * MB);
    // Refused at once, not after a timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    // Never asked for the signature of a pack it would not keep.
    expect(server.requests.filter((r) => r.path === '/acme.json.sig')).toHaveLength(1);
  });

  it('refuses a first pack just the same when nothing was in force before', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), makeKey());
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    expect((await policy()).records).toEqual([]);
    expect((await sourceStatus(url)).error?.code).toBe('bad-signature');
  });

  it('fetches nothing without a trusted key, and says so', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key);
    await pushPolicy({ packUrls: [url] });
    await updater().update('check-now');
    expect(server.requests).toEqual([]);
    expect((await sourceStatus(url)).error).toMatchObject({
      code: 'no-keys',
      message: expect.stringMatching(/No trusted public key is set \(publicKeys/),
    });
  });

  describe('a key this browser will not take', () => {
    // Browsers differ in which Ed25519 keys WebCrypto imports (some lack Ed25519 altogether);
    // here the browser refuses one listed key, as such a browser would.
    const oddKey = makeKey().publicKey;
    const odd = Buffer.from(oddKey, 'base64');
    beforeEach(() => {
      const importKey = crypto.subtle.importKey.bind(crypto.subtle);
      vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((
        ...args: Parameters<SubtleCrypto['importKey']>
      ) => {
        const data = args[1] as Uint8Array;
        if (Buffer.from(data).equals(odd)) {
          return Promise.reject(new DOMException('Unsupported key', 'NotSupportedError'));
        }
        return importKey(...args);
      }) as SubtleCrypto['importKey']);
    });
    afterEach(() => vi.restoreAllMocks());

    it('does not stop the next key from verifying the pack', async () => {
      const url = server.url('/acme.json');
      server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key);
      await pushPolicy({ packUrls: [url], publicKeys: [oddKey, key.publicKey] });
      await updater().update('check-now');
      expect((await policy()).records[0]).toMatchObject({ signedBy: key.publicKey });
      expect((await sourceStatus(url)).error).toBeUndefined();
    });

    it('says the browser cannot check signatures when it takes none of the keys', async () => {
      const url = server.url('/acme.json');
      server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key);
      await pushPolicy({ packUrls: [url], publicKeys: [oddKey] });
      await updater().update('check-now');
      expect((await policy()).records).toEqual([]);
      expect((await sourceStatus(url)).error).toMatchObject({
        code: 'unsupported',
        message: expect.stringMatching(/^This browser cannot check the signature: /),
      });
    });
  });

  it('goes back to a clean badge once the source is fixed', async () => {
    const { url } = await applyGoodPack();
    server.routes.set('/acme.json', { kind: 'status', status: 500 });
    await updater().update('check-now');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    server.publish('/acme.json', packText(makePack({ version: '1.0.1' })), key);
    await updater().update('check-now');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Postguard');
    const status = await sourceStatus(url);
    expect(status.error).toBeUndefined();
    expect(status.failures).toBe(0);
    expect((await policy()).records[0]!.pack.version).toBe('1.0.1');
  });
});

describe('ETag', () => {
  it('asks with If-None-Match and keeps the pack on 304, without fetching the signature again', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key, '"v1"');
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    const before = await policy();
    const firstSuccess = (await sourceStatus(url)).succeededAt!;
    expect((await sourceStatus(url)).etag).toBe('"v1"');

    await new Promise((resolve) => setTimeout(resolve, 5));
    await updater().update('check-now');

    expect(server.requests.map((r) => r.path)).toEqual([
      '/acme.json',
      '/acme.json.sig',
      '/acme.json',
    ]);
    expect(server.requests[2]!.headers['if-none-match']).toBe('"v1"');
    expect(await policy()).toEqual(before);
    const status = await sourceStatus(url);
    expect(status.error).toBeUndefined();
    expect(status.succeededAt).toBeGreaterThan(firstSuccess);
  });

  it('downloads again when the ETag changes, and remembers the new one', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key, '"v1"');
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    server.publish('/acme.json', packText(makePack({ version: '1.1.0' })), key, '"v2"');
    await updater().update('check-now');
    expect(server.requests[2]!.headers['if-none-match']).toBe('"v1"');
    expect((await policy()).records[0]!.pack.version).toBe('1.1.0');
    expect((await sourceStatus(url)).etag).toBe('"v2"');
  });

  it('falls back to a plain GET when a conditional request fails (no CORS preflight answered)', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({})), key, '"v1"');
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    server.routes.set('/acme.json', {
      kind: 'file',
      body: packText(makePack({})),
      etag: '"v1"',
      dropConditional: true,
    });
    await updater().update('check-now');
    const conditional = server.requests.filter((r) => r.headers['if-none-match'] === '"v1"');
    expect(conditional).toHaveLength(1);
    expect(server.requests.at(-2)!.headers['if-none-match']).toBeUndefined();
    expect((await sourceStatus(url)).error).toBeUndefined();
  });

  it('does not remember the ETag of a refused pack', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ version: '2.0.0' })), key, '"v2"');
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key, '"v1"');
    await updater().update('check-now');
    expect((await sourceStatus(url)).etag).toBe('"v2"');
    // Asked again with the ETag of what is in force, it is sent the refused bytes again: and
    // the reason stays on show instead of a 304 quietly hiding it.
    await updater().update('check-now');
    expect(server.requests.at(-2)!.headers['if-none-match']).toBe('"v2"');
    expect((await sourceStatus(url)).error?.code).toBe('older-version');
  });
  it('does not remember the ETag of a pack refused for not working with the rest', async () => {
    const url = server.url('/acme.json');
    server.publish('/acme.json', packText(makePack({ version: '1.0.0' })), key, '"v1"');
    await pushPolicy({ packUrls: [url], publicKeys: [key.publicKey] });
    await updater().update('check-now');
    const broken = makePack({ version: '2.0.0', extra: { extends: ['acme-missing'] } });
    server.publish('/acme.json', packText(broken), key, '"v2"');
    await updater().update('check-now');
    expect((await sourceStatus(url)).error?.code).toBe('invalid');
    expect((await sourceStatus(url)).etag).toBe('"v1"');
    // A 304 for "v2" would have recorded a success and cleared the badge with 1.0.0 in force.
    await updater().update('check-now');
    expect(server.requests.at(-2)!.headers['if-none-match']).toBe('"v1"');
    expect((await sourceStatus(url)).error?.code).toBe('invalid');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect((await policy()).records.map((r) => r.pack.version)).toEqual(['1.0.0']);
  });
});

describe('after a restart', () => {
  it('reads the last good pack back from storage and keeps it when the host is down', async () => {
    const { url, before } = await applyGoodPack();
    await server.close();

    // A new service worker: nothing in memory, everything from storage.
    await updater().update('startup');

    expect(await policy()).toEqual(before);
    const status = await sourceStatus(url);
    expect(status.error?.code).toBe('network');
    expect(status.error?.message).toMatch(/Could not reach 127\.0\.0\.1:\d+ for the pack/);
    server = await startPackServer();
  });

  it('still refuses a pack older than the one stored before the restart', async () => {
    const { url, before } = await applyGoodPack();
    server.publish('/acme.json', packText(makePack({ version: '0.1.0' })), key);
    await updater().update('startup');
    expect(await policy()).toEqual(before);
    expect((await sourceStatus(url)).error?.code).toBe('older-version');
  });
});
