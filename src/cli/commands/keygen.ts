import { parseCommandArgs } from '../args';
import { CliError, describeFsError, EXIT_OK, type Io } from '../io';
import { generateKeyPair } from '../keys';
import { DEFAULT_KEY_PREFIX } from '../help';

export async function keygen(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('keygen', argv, { out: { type: 'string' } });
  if (args.positionals.length > 0) {
    throw new CliError(`keygen: unexpected argument "${args.positionals[0]}" (use --out PREFIX)`);
  }
  const prefix = args.string('out') ?? DEFAULT_KEY_PREFIX;
  // Both or neither: a new .pub beside an old .key would publish the wrong key.
  for (const file of [`${prefix}.key`, `${prefix}.pub`]) {
    if (await io.exists(file)) throw new CliError(`${file}: already exists; nothing was written`);
  }
  const { privateKeyPem, publicKeyBase64 } = generateKeyPair();
  await writeNew(io, `${prefix}.key`, privateKeyPem, 0o600);
  await writeNew(io, `${prefix}.pub`, `${publicKeyBase64}\n`, 0o644);
  io.err(`Wrote ${prefix}.key (private: keep it secret) and ${prefix}.pub.`);
  io.out(publicKeyBase64);
  return EXIT_OK;
}

async function writeNew(io: Io, file: string, data: string, mode: number): Promise<void> {
  try {
    await io.writeFile(file, data, { mode, exclusive: true });
  } catch (error) {
    throw new CliError(`${file}: ${describeFsError(error)}; nothing was replaced`);
  }
}
