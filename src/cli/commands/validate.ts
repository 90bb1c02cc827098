import { parseCommandArgs, usageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { loadPacks, STARTER_PACK_ID, type PacksLoad } from '../packs';

export async function validate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('validate', argv, { format: { type: 'string' } });
  const format = args.choice('format', ['text', 'json'] as const, 'text');
  if (args.positionals.length === 0) throw usageError('validate', 'give at least one pack file');

  const load = await loadPacks(io, args.positionals);
  if (format === 'json') {
    io.out(JSON.stringify(validationReport(args.positionals, load), null, 2));
    return load.ok ? EXIT_OK : EXIT_USAGE;
  }
  if (!load.ok) {
    for (const line of load.errors) io.out(line);
    return EXIT_USAGE;
  }
  const usesBundledStarter = load.packs.some((p) => p.bundled);
  for (const { file, pack, bundled } of load.packs) {
    if (bundled) continue;
    const count = pack.rules.length;
    const note =
      usesBundledStarter && pack.extends?.includes(STARTER_PACK_ID)
        ? `; extends the bundled ${STARTER_PACK_ID}`
        : '';
    io.out(
      `${file}: ok (${pack.id}@${pack.version}, ${count} ${count === 1 ? 'rule' : 'rules'}${note})`,
    );
  }
  return EXIT_OK;
}

interface FileReport {
  file: string;
  ok: boolean;
  pack?: { id: string; version: string; rules: number };
  errors: { code: string | null; kind: string | null; path: string; message: string }[];
}

/**
 * Per file given: ok, or its problems with their codes (`PG203`), for scripts and editors
 * to act on. An unreadable file has no code (it is not a problem of the pack).
 */
export function validationReport(
  files: readonly string[],
  load: PacksLoad,
): { files: FileReport[] } {
  return {
    files: files.map((file): FileReport => {
      if (load.ok) {
        const pack = load.packs.find((p) => p.file === file && !p.bundled)?.pack;
        return {
          file,
          ok: true,
          ...(pack
            ? { pack: { id: pack.id, version: pack.version, rules: pack.rules.length } }
            : {}),
          errors: [],
        };
      }
      const errors = load.problems
        .filter((p) => p.file === file)
        .map(({ error, line }) =>
          error
            ? { code: error.pgCode, kind: error.code, path: error.path, message: error.message }
            : { code: null, kind: null, path: '', message: line.slice(file.length + 2) },
        );
      return { file, ok: errors.length === 0, errors };
    }),
  };
}
