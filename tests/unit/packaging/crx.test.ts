import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '@/scripts/find-chromium.mjs';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  chromeUpdateManifest,
  createCrx,
  extensionId,
  manifestKey,
  publicKeyDer,
} from '@/scripts/package/crx.mjs';

/** Reads a protobuf message's length-delimited fields: field number → values. */
function readFields(bytes: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    expect(key & 7, 'wire type').toBe(2);
    const length = varint();
    const number = Math.floor(key / 8);
    fields.set(number, [...(fields.get(number) ?? []), bytes.subarray(at, at + length)]);
    at += length;
  }
  return fields;
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const zip = Buffer.from('PK\u0003\u0004 pretend zip bytes');

interface ParsedCrx {
  publicKey: Buffer;
  signature: Buffer;
  crxId: Buffer | undefined;
  /** What the signature is over, as Chrome's verifier builds it. */
  signed: Buffer;
  zip: Buffer;
}

function parseCrx(crx: Buffer): ParsedCrx {
  expect(crx.subarray(0, 4).toString()).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const headerLength = crx.readUInt32LE(8);
  const header = readFields(crx.subarray(12, 12 + headerLength));
  expect([...header.keys()].sort((a, b) => a - b)).toEqual([2, 10000]);
  const zip = crx.subarray(12 + headerLength);
  const signedHeaderData = header.get(10000)?.[0] ?? Buffer.alloc(0);
  const proof = readFields(header.get(2)?.[0] ?? Buffer.alloc(0));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length);
  return {
    publicKey: proof.get(1)?.[0] ?? Buffer.alloc(0),
    signature: proof.get(2)?.[0] ?? Buffer.alloc(0),
    crxId: readFields(signedHeaderData).get(1)?.[0],
    signed: Buffer.concat([
      Buffer.from('CRX3 SignedData\0', 'binary'),
      length,
      signedHeaderData,
      zip,
    ]),
    zip,
  };
}

const signatureHolds = ({ publicKey, signed, signature }: ParsedCrx) =>
  verify(
    'sha256',
    signed,
    createPublicKey({ key: publicKey, format: 'der', type: 'spki' }),
    signature,
  );

const chromium = findChromium();

describe('CRX3 packages', () => {
  it('are Cr24, version 3, a header and the zip, signed as Chrome verifies them', () => {
    const parsed = parseCrx(createCrx(zip, pem));
    expect(parsed.zip).toEqual(zip);
    expect(parsed.publicKey).toEqual(publicKeyDer(pem));
    // The crx id in the signed data is the first half of the key's SHA-256.
    expect(parsed.crxId).toEqual(
      createHash('sha256').update(parsed.publicKey).digest().subarray(0, 16),
    );
    expect(signatureHolds(parsed)).toBe(true);
    expect(
      signatureHolds({ ...parsed, signed: Buffer.concat([parsed.signed, Buffer.from('x')]) }),
    ).toBe(false);
  });

  // Chromium's own packer, where the machine has Chromium (CI installs it): its CRX has the
  // same layout and id, and its signature is over what ours is over.
  it.skipIf(!chromium)(
    'match what Chromium itself writes with --pack-extension',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'postguard-crx-'));
      try {
        const source = path.join(dir, 'ext');
        mkdirSync(source);
        writeFileSync(
          path.join(source, 'manifest.json'),
          '{ "manifest_version": 3, "name": "t", "version": "1.0" }',
        );
        const keyFile = path.join(dir, 'key.pem');
        writeFileSync(keyFile, pem);
        await promisify(execFile)(
          chromium ?? '',
          [
            '--headless=new',
            '--no-sandbox',
            `--user-data-dir=${path.join(dir, 'profile')}`,
            `--pack-extension=${source}`,
            `--pack-extension-key=${keyFile}`,
          ],
          { timeout: 60_000 },
        );
        const theirs = parseCrx(readFileSync(`${source}.crx`));
        expect(theirs.publicKey).toEqual(publicKeyDer(pem));
        expect(theirs.crxId).toEqual(parseCrx(createCrx(zip, pem)).crxId);
        expect(signatureHolds(theirs)).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it('give the extension the id Chrome derives from the key, as the manifest key would', () => {
    // Postguard's development key and the id wxt.config.ts documents for it.
    const developmentKey =
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhzI6je7aiv6Mtgpjplg6ZpYF0XdBP2iwM+tV4fcFwwMqNjiDzclyTlqQHhfyqh1DnOL+L9DBn2SuzsejObtHC+HTr8ORwZ1QTWZJ+EooFPq6c3og9qChVae/SEP9HQ9bkhdVqCba3vXdHYQwlYsf/HGRi5UbKeqsHhU8gtqUzEjI5ahhlGQuv8kVETL0V0L3ez+hcXNFLiS8DYnKig9zKdoOS0JZeJRw8dDoicMEzjjjjc+35oBPaAvDu00Sanhf8MNnNj3OMiFy5weBe4e4MHzxSv/urjLdunlo3z6d2uFqSdggZ8tALVMVGO1rN7crssB8F6/0RkXtsNdSQ2O5jwIDAQAB';
    expect(extensionId(Buffer.from(developmentKey, 'base64'))).toBe(
      'fmabmdflalibhmhapcgmpjnnbnfjhcoc',
    );
    const id = extensionId(publicKeyDer(pem));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(manifestKey(publicKeyDer(pem))).toBe(publicKeyDer(pem).toString('base64'));
  });

  it('come with the update manifest Chrome polls', () => {
    const xml = chromeUpdateManifest({
      id: 'abcdefghijklmnopabcdefghijklmnop',
      version: '1.2.3',
      crxUrl: 'https://ext.acme.example/postguard/postguard-1.2.3.crx?a=1&b=2',
    });
    expect(xml).toContain("<app appid='abcdefghijklmnopabcdefghijklmnop'>");
    expect(xml).toContain(
      "<updatecheck codebase='https://ext.acme.example/postguard/postguard-1.2.3.crx?a=1&amp;b=2' version='1.2.3' />",
    );
    expect(xml).toContain("xmlns='http://www.google.com/update2/response' protocol='2.0'");
  });
});
