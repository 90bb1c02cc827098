import { z } from 'zod';
import { Pack, PACK_FORMAT } from '../../core/pack/schema';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type Io } from '../io';

export const schemaHelp = `Usage: postguard schema

Prints the JSON Schema (draft 2020-12) of a policy pack, generated from the same schema
the extension validates with. Save it next to your packs and point editors at it for
completion and inline errors:

  postguard schema > pack.schema.json
  { "$schema": "./pack.schema.json", "format": "${PACK_FORMAT}", ... }

Some rules cannot be said in JSON Schema (patterns must compile as RE2, extends must
resolve); run postguard validate for those.

Exit status: 0.`;

/** The input side of the schema: fields with defaults (rules, content) stay optional. */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Pack, { io: 'input', unrepresentable: 'any' }),
    title: 'Postguard policy pack',
    description: `A policy pack (${PACK_FORMAT}): an organisation's posting rules and approved content.`,
  };
}

export async function schema(argv: readonly string[], io: Io): Promise<number> {
  parseCommandArgs('schema', argv, {});
  io.out(JSON.stringify(packJsonSchema(), null, 2));
  return EXIT_OK;
}
