import { z } from 'zod';
import { Pack, PACK_FORMAT } from '../../core/pack/schema';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type Io } from '../io';

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
