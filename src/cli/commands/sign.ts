import { parseCommandArgs, usageError } from '../args';
import {
  CliError,
  decodeUtf8,
  describeFsError,
  EXIT_OK,
  EXIT_USAGE,
  readInput,
  type Io,
} from '../io';
import { rawPublicKeyBase64, readPrivateKey, signBytes } from '../keys';
import { createPublicKey } from 'node:crypto';
import { loadPackSources, type PackSource } from '../packs';

export async function sign(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('sign', argv, {
    key: { type: 'string' },
    with: { type: 'string', multiple: true },
  });
  if (args.positionals.length !== 1) throw usageError('sign', 'give exactly one pack file');
  const packFile = args.positionals[0] ?? '';
  const keyFile = args.string('key');
  if (!keyFile) throw usageError('sign', '--key KEY is required');

  const bytes = await readInput(io, packFile);
  const load = loadPackSources([
    ...(await readAll(io, args.strings('with'))),
    { file: packFile, bytes },
  ]);
  if (!load.ok) {
    for (const line of load.errors) io.err(line);
    io.err(`${packFile}: not signed, because it is not a valid pack.`);
    return EXIT_USAGE;
  }
  const key = readPrivateKey(decodeUtf8(await readInput(io, keyFile)));
  if ('error' in key) throw new CliError(`${keyFile}: ${key.error}`);

  const signatureFile = `${packFile}.sig`;
  try {
    await io.writeFile(signatureFile, `${signBytes(bytes, key.key)}\n`);
  } catch (error) {
    throw new CliError(`${signatureFile}: ${describeFsError(error)}`);
  }
  const publicKey = rawPublicKeyBase64(createPublicKey(key.key));
  io.out(`${signatureFile}: signed with the key whose public half is ${publicKey}`);
  return EXIT_OK;
}

async function readAll(io: Io, files: readonly string[]): Promise<PackSource[]> {
  return Promise.all(files.map(async (file) => ({ file, bytes: await readInput(io, file) })));
}
