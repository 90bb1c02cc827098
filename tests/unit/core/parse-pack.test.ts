import { describe, expect, it } from 'vitest';
import { formatPackError, MAX_PACK_BYTES, parsePack } from '@/src/core/index';

const valid = {
  format: 'postguard/pack@1',
  id: 'acme-social',
  name: 'ACME social media guidelines',
  version: '2026.11.2',
  policyUrl: 'https://intranet.acme.example/social-media-policy',
  org: { name: 'ACME', aliases: ['ACME Corp'] },
  rules: [
    {
      id: 'confidential.codenames',
      kind: 'terms',
      severity: 'error',
      message: '{match} is confidential.',
      terms: ['Project Falcon'],
    },
    { id: 'starter.tone', enabled: false },
  ],
  content: [{ id: 'q4-report', title: 'Q4', text: { default: 'Our Q4 report is out.' } }],
  links: { utm: { source: '{network}' } },
};

/** The formatted errors for `source`, or a failure if it parses. */
function errorsOf(source: unknown): string[] {
  const result = parsePack(source);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatPackError);
}

describe('parsePack: accepted sources', () => {
  it('accepts JSON text, UTF-8 bytes (with or without a BOM) and parsed objects alike', () => {
    const text = JSON.stringify(valid);
    for (const source of [text, `\ufeff${text}`, new TextEncoder().encode(text), valid]) {
      const result = parsePack(source);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value.id).toBe('acme-social');
        expect(result.value.rules).toHaveLength(2);
      }
    }
  });

  it('defaults rules and content to empty lists', () => {
    const result = parsePack({ format: 'postguard/pack@1', id: 'a', name: 'A', version: '1.0.0' });
    expect(result.ok && [result.value.rules, result.value.content]).toEqual([[], []]);
  });
});

describe('parsePack: refusals, in plain words', () => {
  it('refuses more than 5 MB, as text, bytes or object', () => {
    const big = JSON.stringify({ ...valid, name: 'x'.repeat(MAX_PACK_BYTES) });
    expect(errorsOf(big)).toEqual(['the pack is 5.0 MB; packs are limited to 5.0 MB [PG101]']);
    expect(errorsOf(new TextEncoder().encode(big))[0]).toMatch(/packs are limited to 5\.0 MB/);
    expect(errorsOf({ ...valid, name: 'x'.repeat(MAX_PACK_BYTES) })[0]).toMatch(
      /packs are limited/,
    );
    // Multi-byte characters count as the bytes they take.
    expect(
      errorsOf(JSON.stringify({ ...valid, name: 'é'.repeat(MAX_PACK_BYTES / 2 + 10) }))[0],
    ).toMatch(/packs are limited/);
  });

  it('says where JSON is broken', () => {
    expect(errorsOf('{\n  "format": "postguard/pack@1"\n  "id": "x"\n}')).toEqual([
      'not valid JSON at line 3, column 3: expected "," or "}" after a property value, found a quote (is a comma missing before it?) [PG103]',
    ]);
    expect(errorsOf('{"rules": [1, 2,]}')).toEqual([
      'not valid JSON at line 1, column 17: a comma cannot come before "]" in JSON [PG103]',
    ]);
    expect(errorsOf("{'id': 1}")).toEqual([
      'not valid JSON at line 1, column 2: expected a property name in double quotes, found "\'" [PG103]',
    ]);
    expect(errorsOf('{"id": "x" // note\n}')[0]).toContain('comments are not allowed in JSON');
    expect(errorsOf('')).toEqual([
      'not valid JSON at line 1, column 1: expected a value, found the end of the file [PG103]',
    ]);
    expect(errorsOf('{"a": "unterminated')[0]).toContain('a string is never closed');
  });

  it('survives pathological input without throwing', () => {
    expect(errorsOf('['.repeat(200_000))[0]).toMatch(/^not valid JSON at line 1/);
    const cyclic: Record<string, unknown> = { format: 'postguard/pack@1' };
    cyclic.self = cyclic;
    expect(errorsOf(cyclic)).toEqual([
      'the pack is not JSON data (it has cycles or values JSON cannot hold) [PG104]',
    ]);
    expect(errorsOf(null)).toEqual(['a pack is a JSON object, but this is null [PG105]']);
    expect(errorsOf(42)).toEqual(['a pack is a JSON object, but this is 42 [PG105]']);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(errorsOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual([
      'the pack is not UTF-8 text [PG102]',
    ]);
  });

  it('refuses another format with one clear error', () => {
    expect(errorsOf({ ...valid, format: 'vale/style@2', rules: 'whatever' })).toEqual([
      'format: must be "postguard/pack@1"; got "vale/style@2" [PG106]',
    ]);
    expect(errorsOf({ id: 'x' })).toEqual([
      'format: is required: a pack starts with "format": "postguard/pack@1" [PG106]',
    ]);
    expect(errorsOf([valid])).toEqual(['a pack is a JSON object, but this is a list [PG105]']);
  });

  it('names the field and what is wrong with it', () => {
    const errors = errorsOf({
      ...valid,
      id: 'ACME Social',
      version: 'one',
      policyUrl: 'ftp://x.example',
      nmae: 'typo',
      org: { name: '' },
    });
    expect(errors).toEqual([
      'id: ids use lower-case letters, digits, dots and dashes [PG206]',
      'version: expected a semantic version such as 2026.11.2 [PG206]',
      'policyUrl: expected an http or https URL [PG208]',
      'org.name: cannot be empty [PG205]',
      'nmae: unknown field (did you mean "name"?) [PG201]',
    ]);
  });

  it('reports the real problem of a malformed rule, not "invalid union"', () => {
    const errors = errorsOf({
      ...valid,
      rules: [
        { id: 'a', kind: 'terms', severity: 'error', message: 'm' },
        { id: 'b', kind: 'emoji', severity: 'error', message: 'm' },
        { id: 'c', severity: 'error', message: 'm', terms: ['x'] },
        {
          id: 'd',
          kind: 'terms',
          severity: 'warn',
          message: 'm',
          terms: ['x', 3, { term: 'y', sugest: ['z'] }],
        },
        { id: 'e', kind: 'length', severity: 'info', message: 'm', max: { x: 0, mastodon: 500 } },
        { id: 'f', kind: 'pattern', severity: 'error', message: 'm', patterns: [], flags: 'g' },
        'rule',
        { id: 'a', kind: 'terms', severity: 'error', message: 'm', terms: ['x'] },
      ],
    });
    expect(errors).toEqual([
      'rules[0].terms: a terms rule needs at least one term, in "terms" or as a key of "swap" [PG305]',
      'rules[1].kind: must be one of terms, pattern, entities, disclosure, tone, length; got "emoji" [PG302]',
      'rules[2].kind: is required: one of terms, pattern, entities, disclosure, tone, length (to switch off an inherited rule, give only "id" and "enabled": false) [PG302]',
      'rules[3].severity: must be one of "info", "warning", "error"; got "warn" [PG204]',
      'rules[3].terms[1]: expected a term as text, or an object such as { "term": "...", "suggest": ["..."] } [PG210]',
      'rules[3].terms[2].sugest: unknown field [PG201]',
      'rules[4].max.x: must be more than 0 [PG209]',
      'rules[4].max.mastodon: unknown field [PG201]',
      'rules[5].patterns: a pattern rule needs at least one pattern [PG205]',
      'rules[5].flags: must be one of "", "i"; got "g" [PG204]',
      'rules[6]: expected a rule (an object with id, kind, severity and message), got "rule" [PG301]',
      'rules[7].id: "a" is already the id of rules[0] [PG303]',
    ]);
  });

  it('checks every rule kind with its own schema', () => {
    const errors = errorsOf({
      ...valid,
      rules: [
        {
          id: 'e',
          kind: 'entities',
          severity: 'error',
          message: 'm',
          entities: ['email', 'ssn'],
          window: -1,
        },
        {
          id: 'd',
          kind: 'disclosure',
          severity: 'error',
          message: 'm',
          markers: [],
          fixAt: 'middle',
        },
        { id: 't', kind: 'tone', severity: 'error', message: 'm', checks: ['rude'] },
      ],
    });
    expect(errors).toEqual([
      'rules[0].entities[1]: must be one of "email", "phone", "money", "url", "person", "percent"; got "ssn" [PG204]',
      'rules[0].window: must be more than 0 [PG209]',
      'rules[1].markers: a disclosure rule needs at least one marker [PG205]',
      'rules[1].fixAt: must be one of "end", "start"; got "middle" [PG204]',
      'rules[2].checks[0]: must be one of "profanity", "insult", "shouting", "absolutes", "official-voice", "slurs"; got "rude" [PG204]',
    ]);
  });

  it('checks content items and dates', () => {
    const errors = errorsOf({
      ...valid,
      content: [
        {
          id: 'x',
          title: 'T',
          text: { default: 'hi' },
          expires: '2026-02-30',
          hashtags: ['acme'],
          tag: ['a'],
        },
      ],
    });
    expect(errors).toEqual([
      'content[0].hashtags[0]: hashtags start with # [PG206]',
      'content[0].expires: not a real calendar date [PG207]',
      'content[0].tag: unknown field (did you mean "tags"?) [PG201]',
    ]);
  });
});
