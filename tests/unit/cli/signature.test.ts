import { describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import {
  decodeBase64,
  encodeBase64,
  verifySignature,
  verifyWithAnyKey,
} from '@/src/core/signature';
import { generateKeyPair, rawPublicKeyBase64, readPrivateKey, signBytes } from '@/src/cli/keys';

const pack = new TextEncoder().encode(
  '{"format":"postguard/pack@1","id":"x","name":"X","version":"1.0.0"}\n',
);

function signer() {
  const pair = generateKeyPair();
  const key = readPrivateKey(pair.privateKeyPem);
  if ('error' in key) throw new Error(key.error);
  return { ...pair, key: key.key };
}

describe('pack signatures', () => {
  it('verifies a node:crypto signature with the WebCrypto verifier', async () => {
    const { key, publicKeyBase64 } = signer();
    const signature = signBytes(pack, key);
    expect(await verifySignature(pack, signature, publicKeyBase64)).toEqual({ ok: true });
  });

  it('publishes the raw 32-byte public key, the form of managed publicKeys', () => {
    const { key, publicKeyBase64 } = signer();
    expect(decodeBase64(publicKeyBase64)).toHaveLength(32);
    expect(rawPublicKeyBase64(createPublicKey(key))).toBe(publicKeyBase64);
  });

  it('rejects a signature over bytes that changed by one character', async () => {
    const { key, publicKeyBase64 } = signer();
    const signature = signBytes(pack, key);
    const tampered = pack.slice();
    tampered[tampered.length - 2] = '!'.charCodeAt(0);
    expect(await verifySignature(tampered, signature, publicKeyBase64)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('rejects a signature by another key', async () => {
    const { key } = signer();
    const other = signer();
    expect(await verifySignature(pack, signBytes(pack, key), other.publicKeyBase64)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts the signature when any one of several keys matches', async () => {
    const { key, publicKeyBase64 } = signer();
    const signature = signBytes(pack, key);
    expect(
      await verifyWithAnyKey(pack, signature, [signer().publicKeyBase64, publicKeyBase64]),
    ).toBe(true);
    expect(await verifyWithAnyKey(pack, signature, [signer().publicKeyBase64])).toBe(false);
    expect(await verifyWithAnyKey(pack, signature, [])).toBe(false);
  });

  it('ignores whitespace around the key and signature, as files end with a newline', async () => {
    const { key, publicKeyBase64 } = signer();
    const signature = `${signBytes(pack, key)}\n`;
    expect(await verifySignature(pack, signature, ` ${publicKeyBase64}\n`)).toEqual({ ok: true });
  });

  it('reports malformed keys and signatures as reasons, never by throwing', async () => {
    const { key, publicKeyBase64 } = signer();
    const signature = signBytes(pack, key);
    expect(await verifySignature(pack, signature, 'not base64!')).toMatchObject({
      ok: false,
      reason: 'bad-key',
    });
    expect(await verifySignature(pack, signature, encodeBase64(new Uint8Array(31)))).toMatchObject({
      ok: false,
      reason: 'bad-key',
    });
    expect(await verifySignature(pack, 'AAAA', publicKeyBase64)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifySignature(pack, '', publicKeyBase64)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('round-trips base64, standard and URL-safe', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    const encoded = encodeBase64(bytes);
    expect(Buffer.from(encoded, 'base64')).toEqual(Buffer.from(bytes));
    expect(decodeBase64(encoded)).toEqual(bytes);
    expect(decodeBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(decodeBase64('@@@@')).toBeUndefined();
  });

  it('refuses a private key that is not Ed25519', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(readPrivateKey(pem)).toEqual({ error: expect.stringContaining('Ed25519') });
    expect(readPrivateKey('hello')).toEqual({ error: expect.stringContaining('PEM') });
  });
});
