import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { encodeBase64 } from '../core/signature';

/**
 * Key handling for admins. The private key stays a PKCS#8 PEM file (what `openssl`
 * reads, and what secret stores hold); the public key is published the way managed
 * storage's `publicKeys` wants it: base64 of the raw 32 bytes.
 */
export interface KeyPair {
  privateKeyPem: string;
  publicKeyBase64: string;
}

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyBase64: rawPublicKeyBase64(publicKey),
  };
}

/** Base64 of the raw key: the JWK's `x` is exactly those 32 bytes, base64url-encoded. */
export function rawPublicKeyBase64(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 key');
  }
  return encodeBase64(new Uint8Array(Buffer.from(jwk.x, 'base64url')));
}

/** Reads a PKCS#8 PEM private key; undefined with a reason when it is not an Ed25519 key. */
export function readPrivateKey(pem: string): { key: KeyObject } | { error: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return { error: 'not a PEM private key (expected the .key file written by postguard keygen)' };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return { error: `an ${key.asymmetricKeyType ?? 'unknown'} key; packs are signed with Ed25519` };
  }
  return { key };
}

/** Base64 Ed25519 signature over `data`, the format of `<pack>.sig`. */
export function signBytes(data: Uint8Array, privateKey: KeyObject): string {
  return encodeBase64(new Uint8Array(sign(null, data, privateKey)));
}
