import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formatPackError, parsePack } from '@/src/core/index';
import { PACK_ERROR_CODES } from '@/src/core/pack/errors';
import { PACK_SCHEMA_FILE, packJsonSchema } from '@/src/core/pack/json-schema';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const packFormat = read('docs/pack-format.md');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateWithSchema = ajv.compile(packJsonSchema());

interface Example {
  line: number;
  json: string;
  /** The code a "Refused with PGnnn" line before the block names. */
  refusedWith?: string;
  /** "by `postguard validate` only": JSON Schema cannot say it. */
  validateOnly: boolean;
}

/** The ```json blocks of a markdown text, each with the sentence that introduces it. */
function jsonExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const block = /```json\n([\s\S]*?)\n```/g;
  for (let m = block.exec(markdown); m; m = block.exec(markdown)) {
    const before = markdown.slice(0, m.index).trimEnd();
    const intro = before.slice(before.lastIndexOf('\n') + 1);
    const refused = /^Refused with (PG\d{3})\b/.exec(intro);
    examples.push({
      line: before.split('\n').length + 1,
      json: m[1] ?? '',
      ...(refused ? { refusedWith: refused[1] } : {}),
      validateOnly: /by `postguard validate` only/.test(intro),
    });
  }
  return examples;
}

const base = { format: 'postguard/pack@1', id: 'docs', name: 'Docs', version: '1.0.0' };

/** A docs example as a whole pack: rules, content items and `"links"` fragments are wrapped. */
function asPack(json: string): unknown {
  const value = JSON.parse(json.trimStart().startsWith('"') ? `{${json}}` : json) as Record<
    string,
    unknown
  >;
  if ('format' in value) return value;
  if ('kind' in value || value.enabled === false) return { ...base, rules: [value] };
  if ('title' in value) return { ...base, content: [value] };
  return { ...base, ...value };
}

const examples = jsonExamples(packFormat).filter((e) => !e.json.includes('"ruleId"'));
const accepted = examples.filter((e) => !e.refusedWith);
const refused = examples.filter((e) => e.refusedWith);

describe('the pack JSON Schema', () => {
  it(`is shipped as ${PACK_SCHEMA_FILE}, the same as postguard schema prints`, () => {
    const shipped: unknown = JSON.parse(read(PACK_SCHEMA_FILE));
    expect(shipped, 'regenerate it: npm run build:schema').toEqual(packJsonSchema());
  });

  it('is in the package the CLI is shipped as', () => {
    const pkg = JSON.parse(read('package.json')) as { files?: string[] };
    expect(pkg.files).toContain(PACK_SCHEMA_FILE);
  });

  it('has examples to check', () => {
    expect(accepted.length).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(5);
  });

  it.each(accepted.map((e) => [e.line, e] as const))(
    'accepts the example at docs/pack-format.md:%i, as the validator does',
    (_line, example) => {
      const pack = asPack(example.json);
      const parsed = parsePack(pack);
      expect(parsed.ok ? [] : parsed.errors.map(formatPackError)).toEqual([]);
      validateWithSchema(pack);
      expect(validateWithSchema.errors ?? []).toEqual([]);
    },
  );

  it.each(refused.map((e) => [e.line, e.refusedWith, e] as const))(
    'refuses the example at docs/pack-format.md:%i with %s',
    (_line, code, example) => {
      const pack = asPack(example.json);
      const parsed = parsePack(pack);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.pgCode)).toEqual([code]);
      expect(validateWithSchema(pack), 'the JSON Schema').toBe(example.validateOnly);
    },
  );

  it.each(['public/packs/starter.json', 'public/packs/acme-demo.json'])(
    'accepts the bundled %s',
    (file) => {
      expect(validateWithSchema(JSON.parse(read(file)))).toBe(true);
    },
  );
});

describe('pack error codes in docs/pack-format.md', () => {
  it.each(Object.entries(PACK_ERROR_CODES))('lists %s with its kind', (code, { kind }) => {
    expect(packFormat).toMatch(new RegExp(`\\| \`${code}\` \\| \`${kind}\` +\\|`));
  });

  it('lists no code the validator does not have', () => {
    const listed = [...packFormat.matchAll(/^\| `(PG\d{3})` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(PACK_ERROR_CODES));
  });
});
