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
  | 'compile'
  /** Two guide sections, or two guide exercises, of one pack with the same id. */
  | 'duplicate-guide-id'
  /** A rule's `guide` names a section no pack in force has. */
  | 'missing-guide-section';

/**
 * Every problem has a numbered code as well, finer than its kind: scripts, CI annotations
 * and the options page act on `PG203`, never on English text. The numbers are a contract:
 * a code is never reused or renumbered, only added (docs/pack-format.md lists them, and a
 * test keeps that list and this table in step). PG1xx: the file; PG2xx: a field; PG3xx: a
 * rule; PG4xx: packs together.
 */
export const PACK_ERROR_CODES = {
  PG101: { kind: 'too-large', summary: 'the file is larger than 5 MB' },
  PG102: { kind: 'not-utf8', summary: 'the file is not UTF-8 text' },
  PG103: { kind: 'not-json', summary: 'the file is not valid JSON' },
  PG104: { kind: 'not-json-data', summary: 'the value is not JSON data (cycles, functions)' },
  PG105: { kind: 'not-a-pack', summary: 'the JSON is not an object' },
  PG106: { kind: 'not-a-pack', summary: '`format` is missing or not "postguard/pack@1"' },
  PG201: { kind: 'invalid-field', summary: 'an unknown field (a typo, usually)' },
  PG202: { kind: 'invalid-field', summary: 'a required field is missing' },
  PG203: { kind: 'invalid-field', summary: 'a field has the wrong type' },
  PG204: { kind: 'invalid-field', summary: 'a value is not one of those allowed' },
  PG205: { kind: 'invalid-field', summary: 'a text or list is empty, or too short' },
  PG206: { kind: 'invalid-field', summary: 'a text is not in the form asked (id, version)' },
  PG207: { kind: 'invalid-field', summary: 'a date is not a real calendar day' },
  PG208: { kind: 'invalid-field', summary: 'a URL is not an http or https URL' },
  PG209: { kind: 'invalid-field', summary: 'a number is out of range or not whole' },
  PG210: { kind: 'invalid-field', summary: 'a value is none of the forms a field takes' },
  PG301: { kind: 'invalid-field', summary: 'a rule is not an object' },
  PG302: { kind: 'invalid-field', summary: 'a rule has no `kind`, or an unknown one' },
  PG303: { kind: 'duplicate-rule-id', summary: 'two rules of one pack have the same id' },
  PG304: { kind: 'bad-pattern', summary: 'a pattern does not compile as RE2' },
  PG305: {
    kind: 'invalid-field',
    summary: 'a `terms` rule has no term (neither `terms` nor `swap`)',
  },
  PG306: {
    kind: 'duplicate-guide-id',
    summary: 'two guide sections, or two guide exercises, of one pack have the same id',
  },
  PG401: { kind: 'missing-base', summary: '`extends` names a pack that is not loaded' },
  PG402: { kind: 'extends-cycle', summary: '`extends` goes round in a circle' },
  PG403: { kind: 'compile', summary: 'a rule could not be compiled' },
  PG404: {
    kind: 'missing-guide-section',
    summary: "a rule's `guide` names a section that no pack in force has",
  },
} as const satisfies Record<`PG${number}`, { kind: PackErrorCode; summary: string }>;

export type PackErrorNumber = keyof typeof PACK_ERROR_CODES;

export interface PackError {
  code: PackErrorCode;
  /** The numbered code (`PG203`); stable, for code and people to look up. */
  pgCode: PackErrorNumber;
  /** Where in the pack, as a JSON path: `rules[3].patterns[0]`; empty for the whole file. */
  path: string;
  message: string;
  /** The particulars without the kind of problem (`at line 3, column 5: ...`), where the message has them. */
  detail?: string;
  /** The pack the problem is in, when several packs are compiled together. */
  packId?: string;
}

/** A pack error with its kind taken from the code table. */
export function packError(
  pgCode: PackErrorNumber,
  path: string,
  message: string,
  extra: { detail?: string; packId?: string } = {},
): PackError {
  return { code: PACK_ERROR_CODES[pgCode].kind, pgCode, path, message, ...extra };
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: PackError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(errors: PackError[]): Result<T> {
  return { ok: false, errors };
}

/** `rules[3].patterns[0]: RE2 cannot compile ... [PG304]`, prefixed with the pack id when known. */
export function formatPackError(e: PackError): string {
  const where = e.path ? `${e.path}: ` : '';
  const text = `${where}${e.message} [${e.pgCode}]`;
  return e.packId ? `${e.packId}: ${text}` : text;
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
