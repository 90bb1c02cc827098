import path from 'node:path';
import type { CaseResult, CorpusReport } from '../corpus';

/**
 * `postguard test --format junit`: JUnit XML, the test report every CI reads (GitLab's
 * `artifacts:reports:junit`, GitHub test-report actions, Jenkins, Azure DevOps). Each post
 * of the corpus is a test case, named by its file, in a suite per folder (the network, in
 * the usual layout); a post that misses a rule, or gets one it should not, is a failure
 * that says which. The per-rule precision and recall go in the suites' properties.
 */

/** What XML 1.0 cannot hold at all (control characters, lone surrogates) is left out. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const rate = (value: number | null) => (value === null ? '-' : value.toFixed(3));

export interface TimedCase extends CaseResult {
  /** How long checking the post took, in milliseconds. */
  ms: number;
}

export function formatJunit(
  corpusDir: string,
  report: CorpusReport,
  results: readonly TimedCase[],
): string {
  const suites = new Map<string, TimedCase[]>();
  for (const result of results) {
    const relative = path.relative(corpusDir, result.case.file);
    const folder = path.dirname(relative) === '.' ? '' : path.dirname(relative);
    const name = [path.basename(corpusDir), ...folder.split(path.sep).filter(Boolean)].join('.');
    suites.set(name, [...(suites.get(name) ?? []), result]);
  }
  const missesOf = (file: string) => report.misses.filter((m) => m.file === file);
  const failures = new Set(report.misses.map((m) => m.file)).size;
  const totalMs = results.reduce((sum, r) => sum + r.ms, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'postguard test', tests: results.length, failures, errors: 0, time: seconds(totalMs) })}>`,
  ];
  for (const [suite, cases] of suites) {
    const suiteFailures = cases.filter((c) => missesOf(c.case.file).length > 0).length;
    const suiteMs = cases.reduce((sum, c) => sum + c.ms, 0);
    lines.push(
      `  <testsuite${attributes({ name: suite, tests: cases.length, failures: suiteFailures, errors: 0, skipped: 0, time: seconds(suiteMs) })}>`,
      '    <properties>',
      ...report.rules.flatMap((r) => [
        `      <property${attributes({ name: `${r.ruleId}.precision`, value: rate(r.precision) })}/>`,
        `      <property${attributes({ name: `${r.ruleId}.recall`, value: rate(r.recall) })}/>`,
      ]),
      `      <property${attributes({ name: 'overall.precision', value: rate(report.overall.precision) })}/>`,
      `      <property${attributes({ name: 'overall.recall', value: rate(report.overall.recall) })}/>`,
      '    </properties>',
    );
    for (const { case: corpusCase, ms } of cases) {
      const caseAttributes = attributes({
        name: path.relative(corpusDir, corpusCase.file).split(path.sep).join('/'),
        classname: suite,
        file: corpusCase.file,
        time: seconds(ms),
      });
      const misses = missesOf(corpusCase.file);
      if (misses.length === 0) {
        lines.push(`    <testcase${caseAttributes}/>`);
        continue;
      }
      const summary = misses
        .map((m) => `${m.ruleId} ${m.type === 'missed' ? 'missed' : 'unexpected'}`)
        .join(', ');
      const details = misses.map((m) =>
        m.type === 'missed'
          ? `expected ${m.ruleId}, which did not report`
          : `${m.ruleId} reported "${m.finding?.match ?? ''}", which the labels do not expect`,
      );
      lines.push(
        `    <testcase${caseAttributes}>`,
        `      <failure${attributes({ message: summary, type: 'corpus-miss' })}>${escapeXml(
          [
            ...details,
            `expect: [${corpusCase.expect.join(', ')}]`,
            `network: ${corpusCase.network}`,
          ].join('\n'),
        )}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}
