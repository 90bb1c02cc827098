import { localize } from '../../core/text/localized';
import type { PostLanguage } from '../../core/text/post-languages';
import path from 'node:path';
import type { Checker } from '../../core/index';
import type { Finding } from '../../core/findings';
import { LineIndex } from '../position';

/**
 * `postguard check --format sarif`: SARIF 2.1.0, the format code-scanning tools read
 * (GitHub's code scanning, GitLab, Azure DevOps, editors' SARIF viewers), so findings show
 * in a pull request on the lines they are about. Columns count code points, as the text
 * output does (`columnKind: unicodeCodePoints`).
 */

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifInput {
  file: string;
  text: string;
  findings: readonly Finding[];
}

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<Finding['severity'], Level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A path as SARIF wants it: relative to the working folder where it can be, with `/`. */
function artifactUri(file: string, cwd: string): string {
  if (file === '-') return 'stdin';
  const relative = path.relative(cwd, path.resolve(cwd, file));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const uri = (inside ? relative : path.resolve(cwd, file)).split(path.sep).join('/');
  return encodeURI(inside ? uri : `file://${uri.startsWith('/') ? '' : '/'}${uri}`);
}

function regionOf(index: LineIndex, start: number, end: number): Region {
  const from = index.positionOf(start);
  const to = index.positionOf(end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

/** A rule's message as a description: `{match}` stands for what the rule finds. */
function describeRule(message: string): string {
  return message.replaceAll('{match}', '…').replace(/\s*\n\s*/g, ' ');
}

export function formatSarif(
  checked: readonly SarifInput[],
  checker: Checker,
  options: { version: string; cwd: string; language?: PostLanguage },
): string {
  const rules = checker.rules.map(({ rule, packId }) => {
    const pack = checker.packs.find((p) => p.id === packId);
    const helpUri = rule.link ?? pack?.policyUrl ?? checker.policyUrl;
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: describeRule(localize(rule.message, options.language)) },
      // The link is the policy section the rule stands for; without one, the help says what
      // kind of rule it is, so the alert still explains itself.
      ...(helpUri
        ? { helpUri, help: { text: `See the policy: ${helpUri}` } }
        : { help: { text: `A ${rule.kind} rule of the ${packId} pack.` } }),
      defaultConfiguration: { level: LEVELS[rule.severity] },
      properties: { kind: rule.kind, packId },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = checked.flatMap(({ file, text, findings }) => {
    const index = new LineIndex(text);
    const uri = artifactUri(file, options.cwd);
    const artifactLocation = { uri };
    return findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              ...regionOf(index, finding.start, finding.end),
              ...(finding.match ? { snippet: { text: finding.match } } : {}),
            },
          },
        },
      ],
      ...(finding.suggestions.length > 0
        ? {
            fixes: finding.suggestions.map((suggestion) => ({
              description: { text: suggestion.label },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: suggestion.edits.map((edit) => ({
                    deletedRegion: regionOf(index, edit.start, edit.end),
                    insertedContent: { text: edit.text },
                  })),
                },
              ],
            })),
          }
        : {}),
      properties: { packId: finding.packId, kind: finding.kind },
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postguard',
            version: options.version,
            rules,
          },
        },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
