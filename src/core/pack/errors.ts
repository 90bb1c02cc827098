/**
 * Problems with a pack are values, not exceptions: an admin's typo must never crash the
 * CLI or the extension, and every problem is reported at once.
 */
/**
 * What kind of problem it is, for code that decides by it (the background's refusal codes);
 * the message is for people and may change.
 */
export type PackErrorCode =
  /** Larger than MAX_PACK_BYTES. */
  | 'too-large'
  /** Bytes that are not UTF-8 text. */
  | 'not-utf8'
  /** Text that is not JSON; `detail` says where and why. */
  | 'not-json'
  /** A value JSON cannot hold (cycles, functions). */
  | 'not-json-data'
  /** JSON, but not a pack of this format. */
  | 'not-a-pack'
  /** A field missing, unknown or of the wrong type or value. */
  | 'invalid-field'
  /** A pattern RE2 cannot compile. */
  | 'bad-pattern'
  /** Two rules of one pack with the same id. */
  | 'duplicate-rule-id'
  /** `extends` names a pack that is not loaded. */
  | 'missing-base'
  /** `extends` goes round in a circle. */
  | 'extends-cycle'
  /** A rule its compiler refused. */
  | 'compile';

export interface PackError {
  code: PackErrorCode;
  /** Where in the pack, as a JSON path: `rules[3].patterns[0]`; empty for the whole file. */
  path: string;
  message: string;
  /** The particulars without the kind of problem (`at line 3, column 5: ...`), where the message has them. */
  detail?: string;
  /** The pack the problem is in, when several packs are compiled together. */
  packId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: PackError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(errors: PackError[]): Result<T> {
  return { ok: false, errors };
}

/** `rules[3].patterns[0]: RE2 cannot compile ...`, prefixed with the pack id when known. */
export function formatPackError(e: PackError): string {
  const where = e.path ? `${e.path}: ` : '';
  return e.packId ? `${e.packId}: ${where}${e.message}` : `${where}${e.message}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['rules', 3, 'patterns', 0]` → `rules[3].patterns[0]`; odd keys are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
