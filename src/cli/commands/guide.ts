import { guideMarkdown, type LayeredGuide } from '../../core/index';
import { parseCommandArgs, usageError } from '../args';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io } from '../io';
import { loadPacks } from '../packs';

export async function guide(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('guide', argv, { format: { type: 'string' } });
  const format = args.choice('format', ['markdown', 'json'] as const, 'markdown');
  if (args.positionals.length === 0) throw usageError('guide', 'give at least one pack file');

  const load = await loadPacks(io, args.positionals);
  if (!load.ok) {
    // Standard error, unlike validate: standard output is the guide, often sent to a file.
    for (const line of load.errors) io.err(line);
    return EXIT_USAGE;
  }
  const layered = load.checker.guide;
  if (!layered) {
    // Valid packs with nothing to print: the answer is no rather than a failure to run, so a
    // script can tell it apart from a broken pack.
    io.err(
      `postguard: guide: no pack in force has a guide (sections or exercises under "guide"): ${args.positionals.join(', ')}`,
    );
    return EXIT_FAILED;
  }
  io.out(format === 'json' ? guideJson(layered) : guideMarkdown(layered).replace(/\n$/, ''));
  return EXIT_OK;
}

/**
 * The layered guide as data, for an intranet or a script to render its own way: each section
 * and exercise with the pack it comes from. The bodies stay in the pack's plain-text format.
 */
export function guideJson(layered: LayeredGuide): string {
  return JSON.stringify(
    {
      title: layered.title,
      sections: layered.sections.map(({ id, title, packId, body }) => ({
        id,
        title,
        packId,
        body,
      })),
      exercises: layered.exercises.map(({ id, title, network, text, packId, packVersion }) => ({
        id,
        title,
        network,
        text,
        packId,
        packVersion,
      })),
    },
    null,
    2,
  );
}
