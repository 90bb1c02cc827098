import { parseCommandArgs, usageError } from '../args';
import {
  parseCorpusFile,
  scoreCorpus,
  type CaseResult,
  type CorpusCase,
  type CorpusReport,
  type Score,
} from '../corpus';
import {
  CliError,
  decodeUtf8,
  describeFsError,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  type Io,
} from '../io';
import { loadPacks } from '../packs';
import { LineIndex } from '../position';
import { formatJunit, type TimedCase } from '../formats/junit';

export async function test(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('test', argv, {
    format: { type: 'string' },
    now: { type: 'string' },
  });
  const format = args.choice('format', ['text', 'json', 'junit'] as const, 'text');
  const defaultNow = args.date('now');
  if (args.positionals.length < 2) {
    throw usageError('test', 'give one or more pack files, then the corpus folder');
  }
  const packFiles = args.positionals.slice(0, -1);
  const corpusDir = args.positionals[args.positionals.length - 1] ?? '';

  const load = await loadPacks(io, packFiles);
  if (!load.ok) {
    for (const line of load.errors) io.err(line);
    return EXIT_USAGE;
  }
  const cases = await readCorpus(io, corpusDir);
  const knownRules = new Set(load.packs.flatMap((p) => p.pack.rules.map((r) => r.id)));
  const unknown = cases.flatMap((c) =>
    c.expect
      .filter((id) => !knownRules.has(id))
      .map((id) => `${c.file}: expects "${id}", which no pack defines`),
  );
  if (unknown.length > 0) {
    for (const line of unknown) io.err(line);
    return EXIT_USAGE;
  }

  const results: TimedCase[] = cases.map((c) => {
    const now = c.now ?? defaultNow;
    const start = performance.now();
    const findings = load.checker.check(
      c.text,
      now ? { network: c.network, now } : { network: c.network },
    );
    return { case: c, findings, ms: performance.now() - start };
  });
  const report = scoreCorpus(results);
  if (format === 'junit') io.out(formatJunit(corpusDir, report, results));
  else
    io.out(
      format === 'json' ? JSON.stringify(report, jsonFinding, 2) : formatReport(report, results),
    );
  return report.misses.length === 0 ? EXIT_OK : EXIT_FAILED;
}

async function readCorpus(io: Io, dir: string): Promise<CorpusCase[]> {
  let files: string[];
  try {
    files = (await io.listFiles(dir)).filter((f) => f.endsWith('.txt'));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`${dir}: ${code === 'ENOENT' ? 'no such folder' : describeFsError(error)}`);
  }
  if (files.length === 0) throw new CliError(`${dir}: no *.txt corpus files found`);
  const cases: CorpusCase[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const parsed = parseCorpusFile(file, decodeUtf8(await io.readFile(file)));
    if (parsed.ok) cases.push(parsed.value);
    else errors.push(parsed.error);
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
  return cases;
}

/** In JSON, a miss names its finding by position and text; the whole finding is noise. */
function jsonFinding(key: string, value: unknown): unknown {
  if (key !== 'finding' || typeof value !== 'object' || value === null) return value;
  const { start, end, match } = value as { start: number; end: number; match: string };
  return { start, end, match };
}

export function formatReport(report: CorpusReport, results: readonly CaseResult[]): string {
  const texts = new Map(results.map((r) => [r.case.file, r.case.text]));
  const idWidth = Math.max('overall'.length, ...report.rules.map((r) => r.ruleId.length));
  const row = (name: string, s: Score) =>
    [
      name.padEnd(idWidth),
      String(s.tp).padStart(4),
      String(s.fp).padStart(4),
      String(s.fn).padStart(4),
      rate(s.precision).padStart(9),
      rate(s.recall).padStart(7),
    ].join('  ');
  const lines = [
    ['rule'.padEnd(idWidth), '  TP', '  FP', '  FN', 'precision', ' recall'].join('  '),
    ...report.rules.map((r) => row(r.ruleId, r)),
  ];
  if (report.misses.length > 0) {
    lines.push('', 'Misses:');
    for (const miss of report.misses) {
      if (miss.type === 'missed' || !miss.finding) {
        lines.push(`${miss.file}: ${miss.ruleId} missed`);
      } else {
        const { line, column } = new LineIndex(texts.get(miss.file) ?? '').positionOf(
          miss.finding.start,
        );
        const match = miss.finding.match ? ` "${miss.finding.match}"` : '';
        lines.push(`${miss.file}:${line}:${column}: ${miss.ruleId} unexpected${match}`);
      }
    }
  }
  const o = report.overall;
  lines.push(
    '',
    row('overall', o),
    `${report.cases} posts, ${report.misses.length} ${report.misses.length === 1 ? 'miss' : 'misses'}; precision ${rate(o.precision)}, recall ${rate(o.recall)}.`,
  );
  return lines.join('\n');
}

function rate(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}
