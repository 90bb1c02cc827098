import type { Finding } from '../../core/findings';
import { NETWORKS } from '../../core/pack/schema';
import { POST_LANGUAGES } from '../../core/text/post-languages';
import { parseCommandArgs, usageError } from '../args';
import { decodeUtf8, EXIT_FAILED, EXIT_OK, EXIT_USAGE, readInput, type Io } from '../io';
import { loadPacks } from '../packs';
import { LineIndex } from '../position';
import { DEFAULT_NETWORK } from '../help';
import { formatSarif } from '../formats/sarif';
import { version } from '../version';

export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
}

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('check', argv, {
    pack: { type: 'string', multiple: true },
    network: { type: 'string' },
    format: { type: 'string' },
    now: { type: 'string' },
    lang: { type: 'string' },
  });
  const packFiles = args.strings('pack');
  if (packFiles.length === 0) throw usageError('check', 'give at least one --pack');
  const network = args.choice('network', NETWORKS, DEFAULT_NETWORK);
  const format = args.choice('format', ['text', 'json', 'sarif'] as const, 'text');
  const now = args.date('now');
  const language =
    args.string('lang') === undefined ? undefined : args.choice('lang', POST_LANGUAGES, 'en');
  const files = args.positionals;
  if (files.length === 0) throw usageError('check', 'give the files to check, or - for stdin');
  if ([...packFiles, ...files].filter((f) => f === '-').length > 1)
    throw usageError('check', 'stdin (-) can be read only once');

  const load = await loadPacks(io, packFiles);
  if (!load.ok) {
    for (const line of load.errors) io.err(line);
    return EXIT_USAGE;
  }

  const checked: CheckedFile[] = [];
  for (const file of files) {
    const text = postText(decodeUtf8(await readInput(io, file)));
    const findings = load.checker.check(text, {
      network,
      ...(now ? { now } : {}),
      ...(language ? { language } : {}),
    });
    checked.push({ file, text, findings });
  }

  if (format === 'sarif')
    io.out(
      formatSarif(checked, load.checker, {
        version: version(),
        cwd: process.cwd(),
        ...(language ? { language } : {}),
      }),
    );
  else io.out(format === 'json' ? formatJson(checked) : formatText(checked));
  return checked.some((c) => c.findings.some((f) => f.severity === 'error'))
    ? EXIT_FAILED
    : EXIT_OK;
}

/** Editors end a file with a newline that nobody means to post. */
export function postText(fileText: string): string {
  return fileText.replace(/\r?\n$/, '');
}

export function formatJson(checked: readonly CheckedFile[]): string {
  return JSON.stringify(
    { files: checked.map(({ file, findings }) => ({ file, findings })) },
    null,
    2,
  );
}

export function formatText(checked: readonly CheckedFile[]): string {
  const lines: string[] = [];
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const { file, text, findings } of checked) {
    const index = new LineIndex(text);
    const shownAs = file === '-' ? '<stdin>' : file;
    for (const finding of findings) {
      bySeverity[finding.severity]++;
      const { line, column } = index.positionOf(finding.start);
      const message = finding.message.replace(/\s*\n\s*/g, ' ');
      lines.push(`${shownAs}:${line}:${column} ${finding.severity} ${message} [${finding.ruleId}]`);
    }
  }
  lines.push(summary(bySeverity, checked.length));
  return lines.join('\n');
}

function summary(counts: { error: number; warning: number; info: number }, files: number): string {
  const total = counts.error + counts.warning + counts.info;
  const checkedFiles = `${files} ${files === 1 ? 'file' : 'files'} checked`;
  if (total === 0) return `No problems; ${checkedFiles}.`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
  return `${plural(total, 'problem')} (${detail}); ${checkedFiles}.`;
}
