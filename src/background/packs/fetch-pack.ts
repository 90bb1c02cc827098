import { formatPackError, parsePack } from '@/src/core';
import { MAX_PACK_BYTES, type Pack } from '@/src/core/pack/schema';
import { verifySignature } from '@/src/core/signature';
import type { RefusalCode } from '@/src/policy/types';
import { download, type FetchLike } from './download';

/**
 * A pack from a URL, trusted only once its detached signature (`<url>.sig`) verifies against
 * one of the managed public keys. The bytes are checked before they are parsed: nothing an
 * unsigned server sends gets further than the signature check.
 */

export type FetchedPack =
  | { kind: 'unchanged' }
  | { kind: 'pack'; pack: Pack; signedBy: string; etag?: string }
  | { kind: 'refused'; code: RefusalCode; message: string };

export interface FetchPackOptions {
  fetch: FetchLike;
  timeoutMs: number;
  publicKeys: readonly string[];
  /** The ETag of the pack in force from this URL, when its signer is still trusted. */
  etag?: string;
}

/** A signature is 88 base64 characters; a few KB leaves room for line ends and comments. */
const MAX_SIGNATURE_BYTES = 4096;
/** Enough problems to fix a pack by, without flooding the options page. */
const ERRORS_SHOWN = 3;

export function signatureUrl(url: string): string {
  return `${url}.sig`;
}

function refused(code: RefusalCode, message: string): FetchedPack {
  return { kind: 'refused', code, message };
}

export async function fetchSignedPack(
  url: string,
  options: FetchPackOptions,
): Promise<FetchedPack> {
  if (options.publicKeys.length === 0) {
    return refused(
      'no-keys',
      `No trusted public key is set (publicKeys in the policy), so the pack at ${url} cannot be checked and was not fetched`,
    );
  }
  const downloadPack = (etag?: string) =>
    download(url, {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      maxBytes: MAX_PACK_BYTES,
      what: 'the pack',
      ...(etag ? { etag } : {}),
    });
  let packDownload = await downloadPack(options.etag);
  // If-None-Match makes a cross-origin request need a CORS preflight; a host that exposes its
  // ETag but does not answer preflights still gets a plain GET.
  if (!packDownload.ok && packDownload.code === 'network' && options.etag) {
    packDownload = await downloadPack();
  }
  if (!packDownload.ok) return refused(packDownload.code, packDownload.message);
  if (packDownload.notModified) return { kind: 'unchanged' };
  const { bytes, etag } = packDownload;

  const sigUrl = signatureUrl(url);
  const sigDownload = await download(sigUrl, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_SIGNATURE_BYTES,
    what: 'the signature',
  });
  if (!sigDownload.ok) {
    if (sigDownload.code === 'http' && (sigDownload.status === 404 || sigDownload.status === 410)) {
      return refused(
        'unsigned',
        `The pack at ${url} is not signed: there is no ${sigUrl}. Sign it with "postguard sign" and publish the .sig file beside it`,
      );
    }
    return refused(sigDownload.code, sigDownload.message);
  }
  if (sigDownload.notModified) return refused('network', `${sigUrl} gave no signature`);
  const signature = new TextDecoder().decode(sigDownload.bytes);

  let signedBy: string | undefined;
  // Keys this browser would not take: one odd key must not stop the others from verifying.
  const unusable: string[] = [];
  for (const key of options.publicKeys) {
    const check = await verifySignature(bytes, signature, key);
    if (check.ok) {
      signedBy = key;
      break;
    }
    if (check.reason === 'bad-signature') {
      return refused(
        'bad-signature',
        `${sigUrl} is not a signature (expected base64 of 64 bytes, as "postguard sign" writes)`,
      );
    }
    if (check.reason === 'unsupported') unusable.push(check.message);
    // 'bad-key' cannot happen: settings only keep well-formed keys. 'mismatch': try the next.
  }
  if (!signedBy && unusable.length > 0 && unusable.length === options.publicKeys.length) {
    return refused('unsupported', `This browser cannot check the signature: ${unusable[0]}`);
  }
  if (!signedBy) {
    const skipped =
      unusable.length > 0
        ? ` (${unusable.length} of the publicKeys could not be used here: ${unusable[0]})`
        : '';
    return refused(
      'bad-signature',
      `The signature does not match the pack at ${url}: it was made with a key that is not among the trusted publicKeys, or the pack was changed after it was signed${skipped}`,
    );
  }

  const parsed = parsePack(bytes);
  if (!parsed.ok) {
    const [first] = parsed.errors;
    if (first && (first.code === 'not-json' || first.code === 'not-utf8')) {
      const detail = ` (${first.detail ?? first.message})`;
      return refused('malformed', `The pack at ${url} is not valid JSON${detail}`);
    }
    const shown = parsed.errors.slice(0, ERRORS_SHOWN).map(formatPackError).join('; ');
    const more = parsed.errors.length - ERRORS_SHOWN;
    return refused(
      'invalid',
      `The pack at ${url} is not a valid pack: ${shown}${more > 0 ? ` (and ${more} more)` : ''}`,
    );
  }
  return { kind: 'pack', pack: parsed.value, signedBy, ...(etag ? { etag } : {}) };
}
