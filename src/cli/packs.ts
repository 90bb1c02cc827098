import {
  compilePacks,
  formatPackError,
  parsePack,
  type Checker,
  type Pack,
  type PackError,
} from '../core/index';
import { needsStarter } from '../policy/packs-in-force';
import { starterPack, STARTER_PACK_ID } from '../policy/starter';
import { CliError, describeFsError, readInput, type Io } from './io';

export { STARTER_PACK_ID };

/** How messages name the starter pack built into the CLI (it is not read from a file). */
export const STARTER_PACK_FILE = `${STARTER_PACK_ID} (bundled)`;

export interface LoadedPack {
  file: string;
  pack: Pack;
  /** True for the bundled starter, added because a pack extends it. */
  bundled: boolean;
}

/** One problem, for machine-readable output: the pack error, or none for an unreadable file. */
export interface PackProblem {
  file: string;
  error?: PackError;
  /** The problem as a line: `FILE: path: message [PG203]`. */
  line: string;
}

export type PacksLoad =
  | { ok: true; packs: LoadedPack[]; checker: Checker }
  | { ok: false; errors: string[]; problems: PackProblem[] };

function failed(problems: PackProblem[]): PacksLoad {
  return { ok: false, errors: problems.map((p) => p.line), problems };
}

/**
 * Reads, parses and compiles packs the way the extension applies them: together, layered
 * in the order given, so `extends` resolves among them and a later rule with the same id
 * replaces an earlier one. Every problem is one line, `FILE: path: message`.
 */
export async function loadPacks(io: Io, files: readonly string[]): Promise<PacksLoad> {
  const readErrors: PackProblem[] = [];
  const sources: PackSource[] = [];
  for (const file of files) {
    try {
      sources.push({ file, bytes: await readInput(io, file) });
    } catch (error) {
      const line = error instanceof CliError ? error.message : `${file}: ${describeFsError(error)}`;
      readErrors.push({ file, line });
    }
  }
  const load = loadPackSources(sources);
  if (readErrors.length === 0) return load;
  // Report the unreadable files together with whatever is wrong in the others.
  const problems = [...readErrors, ...(load.ok ? [] : load.problems)];
  return failed(sortByFileOrder(problems, files));
}

function sortByFileOrder(problems: PackProblem[], files: readonly string[]): PackProblem[] {
  const rank = (problem: PackProblem) => {
    const index = files.indexOf(problem.file);
    return index === -1 ? files.length : index;
  };
  return problems
    .map((problem, order) => ({ problem, order, rank: rank(problem) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((e) => e.problem);
}

export interface PackSource {
  file: string;
  bytes: Uint8Array;
}

/** `loadPacks` for bytes already read, so that what is validated is what gets signed. */
export function loadPackSources(sources: readonly PackSource[]): PacksLoad {
  const problems: PackProblem[] = [];
  const loaded: LoadedPack[] = [];
  for (const { file, bytes } of sources) {
    const parsed = parsePack(bytes);
    if (!parsed.ok)
      problems.push(
        ...parsed.errors.map((error) => ({
          file,
          error,
          line: `${file}: ${formatPackError(error)}`,
        })),
      );
    else loaded.push({ file, pack: parsed.value, bundled: false });
  }
  if (problems.length > 0) return failed(problems);

  const starter = bundledStarterIfExtended(loaded);
  if (starter) loaded.unshift(starter);

  const compiled = compilePacks(loaded.map((l) => l.pack));
  if (!compiled.ok) return failed(compiled.errors.map((e) => describe(e, loaded)));
  return { ok: true, packs: loaded, checker: compiled.value };
}

/** The bundled starter, when a pack extends it and no pack given is the starter itself. */
function bundledStarterIfExtended(loaded: readonly LoadedPack[]): LoadedPack | undefined {
  if (
    !needsStarter(
      loaded.map((l) => l.pack),
      STARTER_PACK_ID,
    )
  )
    return undefined;
  return { file: STARTER_PACK_FILE, pack: starterPack(), bundled: true };
}

/** `FILE: path: message`: compile errors name their pack by id, which leads back to its file. */
function describe(error: PackError, loaded: readonly LoadedPack[]): PackProblem {
  const { packId, ...rest } = error;
  const file = loaded.find((l) => l.pack.id === packId)?.file ?? packId ?? 'packs';
  return { file, error, line: `${file}: ${formatPackError(rest)}` };
}
