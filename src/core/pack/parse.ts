import { fail, ok, packError, type Result } from './errors';
import { parseJson } from './json';
import { MAX_PACK_BYTES, type Pack } from './schema';
import { validatePack } from './validate';

/**
 * The boundary where a pack enters: JSON text, raw bytes (as fetched, before any decoding,
 * so the size limit holds for what was downloaded) or an already-parsed value (managed
 * storage hands those over).
 */

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(bytes: number): Result<Pack> {
  return fail([
    packError(
      'PG101',
      '',
      `the pack is ${megabytes(bytes)}; packs are limited to ${megabytes(MAX_PACK_BYTES)}`,
    ),
  ]);
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes: only encode when the answer is not obvious.
  if (text.length > MAX_PACK_BYTES || text.length * 3 <= MAX_PACK_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function parseText(text: string): Result<Pack> {
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!json.ok) {
    const { line, column, message } = json.error;
    const detail = `at line ${line}, column ${column}: ${message}`;
    return fail([packError('PG103', '', `not valid JSON ${detail}`, { detail })]);
  }
  return parseValue(json.value);
}

function parseValue(value: unknown): Result<Pack> {
  const result = validatePack(value);
  return result.pack ? ok(result.pack) : fail(result.errors);
}

export function parsePack(source: string | Uint8Array | unknown): Result<Pack> {
  if (typeof source === 'string') {
    const bytes = utf8Length(source);
    return bytes > MAX_PACK_BYTES ? tooLarge(bytes) : parseText(source);
  }
  if (source instanceof Uint8Array) {
    if (source.byteLength > MAX_PACK_BYTES) return tooLarge(source.byteLength);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      return fail([packError('PG102', '', 'the pack is not UTF-8 text')]);
    }
    return parseText(text);
  }
  // An already-parsed value: measure it as the JSON it stands for.
  let serialised: string | undefined;
  try {
    serialised = JSON.stringify(source);
  } catch {
    return fail([
      packError(
        'PG104',
        '',
        'the pack is not JSON data (it has cycles or values JSON cannot hold)',
      ),
    ]);
  }
  if (serialised !== undefined) {
    const bytes = utf8Length(serialised);
    if (bytes > MAX_PACK_BYTES) return tooLarge(bytes);
  }
  return parseValue(source);
}
