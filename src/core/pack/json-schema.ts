import { z } from '../zod';
import { Pack, PACK_FORMAT, TermsRule } from './schema';

/**
 * The JSON Schema (draft 2020-12) of a pack, for editors: generated from the zod schema the
 * validator uses, so the two cannot drift apart. What zod's checks say in code and JSON
 * Schema can say too is added here: a `terms` rule needs a term in `terms` or `swap`, and
 * URLs are http(s). What JSON Schema cannot say (RE2 patterns compile, dates are real days,
 * rule ids are unique, `extends` resolves) is left to `postguard validate`.
 */

/** Where the shipped copy lies in the package, for `$schema` in packs. */
export const PACK_SCHEMA_FILE = 'schema/pack.schema.json';

export function packJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Pack, {
    // The input side: fields with defaults (rules, content) stay optional.
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === TermsRule) {
        jsonSchema.anyOf = [
          { required: ['terms'], properties: { terms: { minItems: 1 } } },
          { required: ['swap'], properties: { swap: { minProperties: 1 } } },
        ];
      }
      if (jsonSchema.format === 'uri') jsonSchema.pattern = '^[Hh][Tt][Tt][Pp][Ss]?://';
    },
  });
  return {
    ...generated,
    title: 'Postguard policy pack',
    description: `A policy pack (${PACK_FORMAT}): an organisation's posting rules and approved content.`,
  };
}
