import { parseCommandArgs, usageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { loadPacks, STARTER_PACK_ID } from '../packs';

export async function validate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('validate', argv, {});
  if (args.positionals.length === 0) throw usageError('validate', 'give at least one pack file');

  const load = await loadPacks(io, args.positionals);
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
