import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as help from '@/src/cli/help';
import { RULE_SCHEMAS } from '@/src/core/pack/schema';
import { ContentItem, ENTITY_TYPES, Pack, TONE_CHECKS } from '@/src/core/pack/schema';
import { ROOT } from './helpers';

const packFormat = readFileSync(path.join(ROOT, 'docs/pack-format.md'), 'utf8');
const cliDoc = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');

/** The text of a `### heading` section, up to the next heading of level 2 or 3. */
function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n### ${heading}\n`);
  expect(start, `docs section "### ${heading}"`).toBeGreaterThan(-1);
  const rest = doc.slice(start + heading.length + 6);
  const end = rest.search(/\n#{2,3} /);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('docs/pack-format.md', () => {
  it.each(Object.keys(RULE_SCHEMAS))(
    'documents every field of the %s rule kind in its section',
    (kind) => {
      const text = section(packFormat, `\`${kind}\``);
      const common = section(packFormat, 'Fields every rule has');
      const shape = RULE_SCHEMAS[kind as keyof typeof RULE_SCHEMAS].shape;
      for (const field of Object.keys(shape)) {
        expect(`${text}${common}`, `${kind}.${field}`).toContain(`\`${field}\``);
      }
      expect(text, `${kind} has an example`).toMatch(/```json\n\{\n {2}"id": /);
    },
  );

  it('documents every pack field, org field and content field', () => {
    const fields = section(packFormat, 'Fields');
    for (const field of Object.keys(Pack.shape)) expect(fields, field).toContain(`\`${field}\``);
    for (const field of ['org.name', 'org.aliases']) expect(fields).toContain(`\`${field}\``);
    const contentSection = packFormat.slice(packFormat.indexOf('\n## Approved content\n'));
    for (const field of Object.keys(ContentItem.shape))
      expect(contentSection, field).toContain(`\`${field}\``);
  });

  it('names every tone check and entity type', () => {
    const tone = section(packFormat, '`tone`');
    for (const check of TONE_CHECKS) expect(tone).toContain(`- \`${check}\`: `);
    const entities = section(packFormat, '`entities`');
    for (const type of ENTITY_TYPES) expect(entities).toContain(`- \`${type}\`: `);
  });

  it('lists every rule of the bundled starter pack', () => {
    const starter = JSON.parse(
      readFileSync(path.join(ROOT, 'public/packs/starter.json'), 'utf8'),
    ) as {
      rules: { id: string; kind: string; severity: string }[];
    };
    const table = section(packFormat, 'The starter pack');
    for (const rule of starter.rules) {
      const row = new RegExp(
        `\\|\\s*\`${rule.id.replace(/\./g, '\\.')}\`\\s*\\|\\s*${rule.kind}\\s*\\|\\s*${rule.severity}\\s*\\|`,
      );
      expect(table, rule.id).toMatch(row);
    }
  });
});

describe('docs/cli.md', () => {
  it.each(Object.entries(help).filter(([name]) => name.endsWith('Help')))(
    'repeats %s word for word',
    (_name, text) => {
      expect(cliDoc).toContain(`\`\`\`text\n${String(text)}\n\`\`\``);
    },
  );
});
