import { decodeBase64, verifySignature } from '../../core/signature';
import { parseCommandArgs, usageError } from '../args';
import { CliError, decodeUtf8, EXIT_FAILED, EXIT_OK, readInput, type Io } from '../io';

export async function verify(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('verify', argv, {
    pub: { type: 'string', multiple: true },
    sig: { type: 'string' },
  });
  if (args.positionals.length !== 1) throw usageError('verify', 'give exactly one pack file');
  const packFile = args.positionals[0] ?? '';
  const keyArgs = args.strings('pub');
  if (keyArgs.length === 0) throw usageError('verify', '--pub KEY is required');

  const publicKeys = await Promise.all(keyArgs.map((k) => readPublicKey(io, k)));
  const bytes = await readInput(io, packFile);
  const signatureFile = args.string('sig') ?? `${packFile}.sig`;
  const signature = decodeUtf8(await readInput(io, signatureFile));

  for (const publicKey of publicKeys) {
    const result = await verifySignature(bytes, signature, publicKey);
    if (result.ok) {
      io.out(`${packFile}: verified`);
      return EXIT_OK;
    }
    if (result.reason === 'bad-signature')
      throw new CliError(`${signatureFile}: ${result.message}`);
    if (result.reason !== 'mismatch') throw new CliError(`${packFile}: ${result.message}`);
  }
  io.out(`${packFile}: signature does not match`);
  return EXIT_FAILED;
}

/** A .pub file, or the key itself when no such file exists and the text is a raw key. */
async function readPublicKey(io: Io, keyArg: string): Promise<string> {
  if (await io.exists(keyArg)) {
    const text = decodeUtf8(await readInput(io, keyArg)).trim();
    if (decodeBase64(text)?.length !== 32) {
      throw new CliError(
        `${keyArg}: not a public key (expected base64 of 32 raw Ed25519 bytes, as written by postguard keygen)`,
      );
    }
    return text;
  }
  if (decodeBase64(keyArg)?.length === 32) return keyArg;
  throw new CliError(`${keyArg}: no such file, and not a base64 Ed25519 public key`);
}
