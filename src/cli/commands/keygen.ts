import { parseCommandArgs } from '../args';
import { CliError, describeFsError, EXIT_OK, type Io } from '../io';
import { generateKeyPair } from '../keys';

export const DEFAULT_KEY_PREFIX = 'postguard-signing';

export const keygenHelp = `Usage: postguard keygen [--out PREFIX]

Makes an Ed25519 key pair for signing packs:
  PREFIX.key   the private key (PKCS#8 PEM, readable by you only: mode 0600).
               Keep it out of git, in your CI's secret store.
  PREFIX.pub   the public key: base64 of the raw 32 bytes, the form the extension's
               managed "publicKeys" policy takes.
Prints the public key. Existing files are never replaced.

Options:
  --out PREFIX   where to write the pair (default: ${DEFAULT_KEY_PREFIX})
  -h, --help     this help

Exit status: 0, or 2 when a file exists or cannot be written.`;

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
