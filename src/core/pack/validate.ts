import { z } from '../zod';
import type { PackError, PackErrorNumber } from './errors';
import { formatPath, PACK_ERROR_CODES, packError } from './errors';
import { patternProblem } from '../re2';
import {
  ContentItem,
  Pack,
  PACK_FORMAT,
  RULE_SCHEMAS,
  RuleSwitch,
  Guide,
  GuideExercise,
  GuideSection,
  type Rule,
} from './schema';

/**
 * Validates a parsed pack against the schema and says what is wrong in plain words, at the
 * JSON path where it is wrong. Rules are validated one by one, dispatching on `kind`:
 * validating `z.union([Rule, RuleSwitch])` as a whole would report "Invalid input" for a
 * rule with one bad field, instead of the field.
 */

const RULE_KINDS = Object.keys(RULE_SCHEMAS) as (keyof typeof RULE_SCHEMAS)[];

/** The pack without its rules, which are checked one at a time below. */
const PackShell = Pack.extend({ rules: z.array(z.unknown()).optional() });

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? 'text' : `"${value}"`;
    case 'number':
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Plain words for zod's built-in messages; messages written in the schema take precedence. */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return `is required but missing (expected ${EXPECTED[issue.expected] ?? issue.expected})`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.values.length === 1)
        return `must be ${JSON.stringify(issue.values[0])}, got ${describeValue(issue.input)}`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `needs at least ${plural(Number(issue.minimum), 'item', 'items')}`;
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1
          ? 'cannot be empty'
          : `needs at least ${issue.minimum} characters`;
      return issue.inclusive
        ? `must be at least ${issue.minimum}`
        : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array')
        return `can have at most ${plural(Number(issue.maximum), 'item', 'items')}`;
      if (issue.origin === 'string') return `can be at most ${issue.maximum} characters long`;
      return issue.inclusive
        ? `must be at most ${issue.maximum}`
        : `must be less than ${issue.maximum}`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    default:
      return undefined;
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function didYouMean(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function isPackErrorNumber(value: unknown): value is PackErrorNumber {
  return typeof value === 'string' && Object.hasOwn(PACK_ERROR_CODES, value);
}

/** The numbered code of a zod issue; checks written in the schema name theirs in `params`. */
function issueCode(issue: Issue): PackErrorNumber {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'PG202';
      return issue.expected === 'int' && typeof issue.input === 'number' ? 'PG209' : 'PG203';
    case 'invalid_value':
      return 'PG204';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' ? 'PG209' : 'PG205';
    case 'not_multiple_of':
      return 'PG209';
    case 'invalid_format':
      return issue.format === 'url' ? 'PG208' : 'PG206';
    case 'custom':
      return isPackErrorNumber(issue.params?.pgCode) ? issue.params.pgCode : 'PG210';
    case 'invalid_key':
    case 'invalid_element':
      return 'PG203';
    default:
      return 'PG210';
  }
}

/** Turns zod issues into pack errors, opening unions to report the branch that was meant. */
function toPackErrors(
  issues: readonly Issue[],
  base: Path,
  knownKeys: (path: Path) => readonly string[],
): PackError[] {
  const errors: PackError[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        errors.push(
          packError('PG201', formatPath([...path, key]), `unknown field${didYouMean(key, known)}`),
        );
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch that failed only on its outermost type is not the one the author meant.
      const meant = issue.errors.filter(
        (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
      );
      const chosen = meant.length === 1 && meant[0] ? meant[0] : undefined;
      const outer = issue.errors[0]?.[0];
      if (chosen) errors.push(...toPackErrors(chosen, path, knownKeys));
      else if (meant.length === 0 && outer?.code === 'invalid_type' && outer.input === undefined)
        // Every form failed on a value that is not there: the field is missing.
        errors.push(
          packError('PG202', formatPath(path), `is required but missing (${unionMessage(path)})`),
        );
      else if (meant.length === 0 && isLocalizedField(path))
        // Text or text per language, and neither: the wrong type, as it was before translations.
        errors.push(packError('PG203', formatPath(path), unionMessage(path)));
      else errors.push(packError('PG210', formatPath(path), unionMessage(path)));
    } else {
      errors.push(packError(issueCode(issue), formatPath(path), issue.message));
    }
  }
  return errors;
}

/** Fields that take a value or the same value per language. */
function isLocalizedField(path: Path): boolean {
  const field = path.at(-1);
  return field === 'message' || field === 'fix' || field === 'markers';
}

function unionMessage(path: Path): string {
  if (path.includes('terms'))
    return 'expected a term as text, or an object such as { "term": "...", "suggest": ["..."] }';
  if (path.at(-1) === 'text' && path.includes('content'))
    return 'expected the text, or an object such as { "default": "...", "x": "..." }';
  if (path.includes('within'))
    return 'expected a number, or an object with numbers for x, facebook and linkedin';
  const field = path.at(-1);
  if (field === 'message' || field === 'fix')
    return 'expected the text, or one per language such as { "default": "...", "es": "..." }';
  if (field === 'markers')
    return 'expected a list of markers, or one per language such as { "default": ["#ad"], "es": ["#publi"] }';
  return 'is not any of the accepted forms';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function knownKeysIn(pack: Record<string, unknown>) {
  return (path: Path): readonly string[] => {
    if (path.length === 0) return Object.keys(Pack.shape);
    const [head, index] = path;
    if (head === 'org' && path.length === 1) return ['name', 'aliases'];
    if (head === 'content' && path.length === 2) return Object.keys(ContentItem.shape);
    if (head === 'guide' && path.length === 1) return Object.keys(Guide.shape);
    if (head === 'guide' && path[1] === 'sections' && path.length === 3)
      return Object.keys(GuideSection.shape);
    if (head === 'guide' && path[1] === 'exercises' && path.length === 3)
      return Object.keys(GuideExercise.shape);
    if (head === 'rules' && path.length === 2 && typeof index === 'number') {
      const rule = Array.isArray(pack.rules) ? pack.rules[index] : undefined;
      const kind = isRecord(rule) ? rule.kind : undefined;
      const schema = RULE_KINDS.find((k) => k === kind);
      return schema ? Object.keys(RULE_SCHEMAS[schema].shape) : [];
    }
    return [];
  };
}

function validateRule(
  input: unknown,
  index: number,
  knownKeys: (path: Path) => readonly string[],
): { rule?: Rule | RuleSwitch; errors: PackError[] } {
  const base: Path = ['rules', index];
  const at = formatPath(base);
  if (!isRecord(input)) {
    return {
      errors: [
        packError(
          'PG301',
          at,
          `expected a rule (an object with id, kind, severity and message), got ${describeValue(input)}`,
        ),
      ],
    };
  }
  if (!('kind' in input)) {
    if (input.enabled === false) {
      const parsed = RuleSwitch.safeParse(input, { error: plainMessage, reportInput: true });
      if (parsed.success) return { rule: parsed.data, errors: [] };
      return { errors: toPackErrors(parsed.error.issues, base, () => ['id', 'enabled']) };
    }
    return {
      errors: [
        packError(
          'PG302',
          `${at}.kind`,
          `is required: one of ${RULE_KINDS.join(', ')} (to switch off an inherited rule, give only "id" and "enabled": false)`,
        ),
      ],
    };
  }
  const kind = RULE_KINDS.find((k) => k === input.kind);
  if (!kind) {
    return {
      errors: [
        packError(
          'PG302',
          `${at}.kind`,
          `must be one of ${RULE_KINDS.join(', ')}; got ${describeValue(input.kind)}`,
        ),
      ],
    };
  }
  const parsed = RULE_SCHEMAS[kind].safeParse(input, { error: plainMessage, reportInput: true });
  if (parsed.success && parsed.data.kind === 'pattern') {
    // An uncompilable pattern is as wrong as a missing field: refuse the pack here already.
    const { patterns, flags } = parsed.data;
    const errors = patterns.flatMap((source, j): PackError[] => {
      const problem = patternProblem(source, flags);
      return problem ? [packError('PG304', `${at}.patterns[${j}]`, problem)] : [];
    });
    if (errors.length > 0) return { errors };
  }
  if (parsed.success) return { rule: parsed.data as Rule, errors: [] };
  return { errors: toPackErrors(parsed.error.issues, base, knownKeys) };
}

/** Within one pack a repeated section or exercise id is a slip: a later pack replaces by id. */
function guideIdClashes(guide: Guide): PackError[] {
  const errors: PackError[] = [];
  for (const list of ['sections', 'exercises'] as const) {
    const firstIndexOf = new Map<string, number>();
    guide[list].forEach(({ id }, index) => {
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, index);
      else
        errors.push(
          packError(
            'PG306',
            `guide.${list}[${index}].id`,
            `"${id}" is already the id of guide.${list}[${first}]`,
          ),
        );
    });
  }
  return errors;
}

/** Checks a parsed JSON value against the pack schema. */
export function validatePack(
  input: unknown,
): { pack: Pack; errors: [] } | { pack?: undefined; errors: PackError[] } {
  if (!isRecord(input)) {
    return {
      errors: [
        packError('PG105', '', `a pack is a JSON object, but this is ${describeValue(input)}`),
      ],
    };
  }
  // Another format's file would fail on every field; say the one thing that matters.
  if (input.format !== PACK_FORMAT) {
    const message =
      input.format === undefined
        ? `is required: a pack starts with "format": "${PACK_FORMAT}"`
        : `must be "${PACK_FORMAT}"; got ${describeValue(input.format)}`;
    return { errors: [packError('PG106', 'format', message)] };
  }
  const knownKeys = knownKeysIn(input);
  const errors: PackError[] = [];
  const shell = PackShell.safeParse(input, { error: plainMessage, reportInput: true });
  if (!shell.success) errors.push(...toPackErrors(shell.error.issues, [], knownKeys));
  const rules: (Rule | RuleSwitch)[] = [];
  if (Array.isArray(input.rules)) {
    const firstIndexOf = new Map<string, number>();
    input.rules.forEach((raw, index) => {
      const result = validateRule(raw, index, knownKeys);
      errors.push(...result.errors);
      if (result.rule) rules.push(result.rule);
      // Within one pack a repeated id is a copy-paste slip: only one of them could apply.
      const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
      if (id === undefined) return;
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, index);
      else
        errors.push(
          packError('PG303', `rules[${index}].id`, `"${id}" is already the id of rules[${first}]`),
        );
    });
  }
  if (shell.success && shell.data.guide) errors.push(...guideIdClashes(shell.data.guide));
  if (!shell.success || errors.length > 0) return { errors };
  return { pack: { ...shell.data, rules }, errors: [] };
}
