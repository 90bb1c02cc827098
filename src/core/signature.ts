/**
 * Detached Ed25519 signatures over a pack file's exact bytes, checked with WebCrypto so
 * that the extension (browser) and the CLI (Node 20) run the very same code.
 *
 * Formats are those of managed storage: a public key is base64 of the raw 32-byte key,
 * a signature (`<pack>.sig`) is base64 of the 64-byte signature. Whitespace around either
 * is ignored, because both usually travel in files that end with a newline.
 */

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'mismatch' }
  | { ok: false; reason: 'bad-key' | 'bad-signature' | 'unsupported'; message: string };

const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

/** Decodes standard or URL-safe base64; undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length === 0) return undefined;
  const padded = compact.padEnd(Math.ceil(compact.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Verifies `signatureBase64` over `data` with `publicKeyBase64`. Never throws: a malformed
 * key or signature is a reason, because both come from outside (a policy, a web server).
 */
export async function verifySignature(
  data: Uint8Array,
  signatureBase64: string,
  publicKeyBase64: string,
): Promise<SignatureCheck> {
  const rawKey = decodeBase64(publicKeyBase64);
  if (!rawKey || rawKey.length !== PUBLIC_KEY_BYTES) {
    return {
      ok: false,
      reason: 'bad-key',
      message: `a public key is base64 of ${PUBLIC_KEY_BYTES} raw Ed25519 bytes`,
    };
  }
  const signature = decodeBase64(signatureBase64);
  if (!signature || signature.length !== SIGNATURE_BYTES) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: `a signature is base64 of ${SIGNATURE_BYTES} bytes`,
    };
  }
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    return { ok: false, reason: 'unsupported', message: 'WebCrypto is not available here' };
  }
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    // Older browsers lack Ed25519 in WebCrypto; say so rather than calling the pack forged.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'unsupported', message: `Ed25519 key not accepted: ${detail}` };
  }
  // A copy on a plain ArrayBuffer: WebCrypto refuses views on shared memory.
  const valid = await subtle.verify({ name: 'Ed25519' }, key, signature, new Uint8Array(data));
  return valid ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** True when `data` is signed by any of `publicKeys` (the managed `publicKeys` list). */
export async function verifyWithAnyKey(
  data: Uint8Array,
  signatureBase64: string,
  publicKeys: readonly string[],
): Promise<boolean> {
  for (const publicKey of publicKeys) {
    const result = await verifySignature(data, signatureBase64, publicKey);
    if (result.ok) return true;
  }
  return false;
}
