import { packJsonSchema } from '../../core/pack/json-schema';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type Io } from '../io';

export { packJsonSchema };

export async function schema(argv: readonly string[], io: Io): Promise<number> {
  parseCommandArgs('schema', argv, {});
  io.out(JSON.stringify(packJsonSchema(), null, 2));
  return EXIT_OK;
}
