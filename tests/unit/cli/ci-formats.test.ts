import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml } from '@/src/cli/formats/junit';
import { ACME, ROOT, runCli, STARTER, tempDir } from './helpers';

// The published SARIF 2.1.0 schema, as @microsoft/jest-sarif ships it (draft-04).
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(
  readFileSync(
    path.join(
      path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
      'lib/schemas/sarif-2.1.0-rtm.5.json',
    ),
    'utf8',
  ),
) as Record<string, unknown>;
// One of its patterns ("]?") is valid only without the u flag.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      fixes?: { description: { text: string } }[];
    }[];
  }[];
}

describe('postguard check --format sarif', () => {
  it('writes a SARIF 2.1.0 log that the published schema accepts', async () => {
    const post = path.join(dir, 'post.txt');
    writeFileSync(post, 'Hello all.\n🚀 Project Falcon ships, says ACME\n');
    const result = await runCli([
      'check',
      '--pack',
      ACME,
      '--network',
      'linkedin',
      '--format',
      'sarif',
      post,
    ]);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as SarifLog;
    validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(log.version).toBe('2.1.0');
    // The schema does refuse a log without a tool: the check above means something.
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('postguard');
    const codenames = run?.results.find((r) => r.ruleId === 'confidential.codenames');
    expect(codenames).toMatchObject({
      level: 'error',
      message: { text: expect.stringContaining('Project Falcon') },
    });
    // Line 2, after an emoji that is one column: "Project Falcon" is columns 3 to 17.
    expect(codenames?.locations[0]?.physicalLocation.region).toMatchObject({
      startLine: 2,
      startColumn: 3,
      endLine: 2,
      endColumn: 17,
    });
    expect(codenames?.fixes?.map((f) => f.description.text)).toContain('Remove');
    const rule = run?.tool.driver.rules[codenames?.ruleIndex ?? -1];
    expect(rule?.id).toBe('confidential.codenames');
    expect(rule?.helpUri).toMatch(/^https:\/\/intranet\.acme\.example\//);
  });

  it('names files relative to the working folder, with forward slashes', async () => {
    const sub = path.join(ROOT, 'tests/corpus/x/idiots.txt');
    const result = await runCli(['check', '--pack', STARTER, '--format', 'sarif', sub]);
    const log = JSON.parse(result.stdout) as SarifLog;
    const uris = log.runs[0]?.results.map(
      (r) => r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris?.length).toBeGreaterThan(0);
    for (const uri of uris ?? [])
      expect(uri).toBe(path.relative(process.cwd(), sub).split(path.sep).join('/'));
    expect(validateSarif(log)).toBe(true);
  });

  it('is a valid log with no results for a clean post', async () => {
    const result = await runCli(
      ['check', '--pack', STARTER, '--format', 'sarif', '-'],
      'Lovely day.',
    );
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.runs[0]?.results).toEqual([]);
    expect(validateSarif(log)).toBe(true);
  });
});

interface JunitCase {
  name: string;
  classname: string;
  time: string;
  failure?: { message: string; type: string; '#text': string };
}
interface JunitSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  time: string;
  testcase: JunitCase[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** The JUnit structure CI report readers expect, checked element by element. */
function parseJunit(xml: string): { suites: JunitSuite[]; tests: number; failures: number } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as {
    testsuites: Record<string, unknown> & { testsuite: JunitSuite[] };
  };
  const root = doc.testsuites;
  for (const attribute of ['name', 'tests', 'failures', 'errors', 'time'])
    expect(root).toHaveProperty(attribute);
  let tests = 0;
  let failures = 0;
  for (const suite of root.testsuite) {
    expect(suite.name).toBeTruthy();
    expect(Number(suite.tests)).toBe(suite.testcase.length);
    expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
    expect(Number(suite.time)).toBeGreaterThanOrEqual(0);
    for (const testcase of suite.testcase) {
      expect(testcase.name).toBeTruthy();
      expect(testcase.classname).toBe(suite.name);
      expect(Number(testcase.time)).toBeGreaterThanOrEqual(0);
      if (testcase.failure) expect(testcase.failure.message).toBeTruthy();
    }
    tests += suite.testcase.length;
    failures += Number(suite.failures);
  }
  expect(Number(root.tests)).toBe(tests);
  expect(Number(root.failures)).toBe(failures);
  return { suites: root.testsuite, tests, failures };
}

describe('postguard test --format junit', () => {
  it('writes one test case per post of the corpus, in suites per folder', async () => {
    const result = await runCli([
      'test',
      STARTER,
      ACME,
      path.join(ROOT, 'tests/corpus'),
      '--format',
      'junit',
    ]);
    expect(result.code).toBe(0);
    const { suites, tests, failures } = parseJunit(result.stdout);
    expect(suites.map((s) => s.name).sort()).toEqual([
      'corpus.facebook',
      'corpus.linkedin',
      'corpus.x',
    ]);
    expect(tests).toBeGreaterThan(100);
    expect(failures).toBe(0);
  });

  it('reports a miss as a failure that names the rule', async () => {
    const corpus = path.join(dir, 'corpus');
    mkdirSync(path.join(corpus, 'x'), { recursive: true });
    writeFileSync(
      path.join(corpus, 'x', 'missed.txt'),
      '---\nnetwork: x\nexpect: [tone.courtesy]\n---\nLovely <day> & "night"\n',
    );
    writeFileSync(
      path.join(corpus, 'x', 'clean.txt'),
      '---\nnetwork: x\nexpect: []\n---\nAll good\u0007 here\n',
    );
    const result = await runCli(['test', STARTER, corpus, '--format', 'junit']);
    expect(result.code).toBe(1);
    const { suites, failures } = parseJunit(result.stdout);
    expect(failures).toBe(1);
    const failed = suites[0]?.testcase.find((c) => c.failure);
    expect(failed?.name).toBe('x/missed.txt');
    expect(failed?.failure?.message).toBe('tone.courtesy missed');
  });

  it('escapes what XML gives a meaning and drops what it cannot hold', () => {
    expect(escapeXml('a < b & "c" \'d\' > e\u0000\u0008')).toBe(
      'a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e',
    );
    expect(escapeXml('🚀\ud800x')).toBe('🚀x');
  });
});
