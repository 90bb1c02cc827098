import { RE2JS } from 're2js';
import type { Finding } from '../findings';
import type { PatternRule } from '../pack/schema';
import { removeSuggestion } from '../suggestions';
import { RuleCompileError, type CompiledRule, type RuleCompiler } from './types';

/**
 * `pattern`: admin-written regular expressions, run with RE2 (re2js) so that matching is
 * linear in the length of the post whatever the pattern: `(a+)+$` cannot hang a browser.
 * re2js reports UTF-16 offsets, as JavaScript strings index, and never matches half of a
 * surrogate pair.
 */

/** RE2's parser errors, said in plain words. */
const RE2_REASONS: [RegExp, (detail: string) => string][] = [
  [/invalid escape sequence: `\\[1-9]/, () => 'backreferences are not supported'],
  [/unsupported Perl syntax: `\(\?[=!]/, () => 'lookahead is not supported'],
  [/invalid named capture: `\(\?<[=!]/, () => 'lookbehind is not supported'],
  [/unsupported Perl syntax: `\(\?<[=!]/, () => 'lookbehind is not supported'],
  [/invalid escape sequence: `(.*)`/, (d) => `the escape ${d} is not supported`],
  [/missing closing \): /, () => 'a "(" is never closed'],
  [/unexpected \): /, () => 'a ")" has no matching "("'],
  [/missing closing \]: /, () => 'a "[" is never closed'],
  [
    /missing argument to repetition operator: `(.*)`/,
    (d) => `"${d}" has nothing before it to repeat`,
  ],
  [
    /invalid nested repetition operator: `(.*)`/,
    (d) => `"${d}" repeats a repetition; write it once`,
  ],
  [/invalid repeat count: `(.*)`/, (d) => `the repeat count ${d} is too large (the limit is 1000)`],
  [/invalid character class range: `(.*)`/, (d) => `the range ${d} is not valid`],
  [/invalid character class: `(.*)`/, (d) => `the character class ${d} is not valid`],
  [/invalid named capture: `(.*)`/, (d) => `the group name in ${d} is not valid`],
  [/duplicate capture group name: `(.*)`/, (d) => `the group name ${d} is used twice`],
  [/trailing backslash/, () => 'it ends with a lone backslash'],
  [/invalid or unsupported Perl syntax: `(.*)`/, (d) => `${d} is not supported`],
  [/expression too large/, () => 'it is too large for RE2 to compile'],
];

export function explainRe2Error(message: string): string {
  const raw = message.replace(/^error parsing regexp:\s*/, '');
  for (const [pattern, explain] of RE2_REASONS) {
    const m = pattern.exec(raw);
    if (m) return explain(m[1] ?? '');
  }
  return raw;
}

function tryCompile(source: string, flags: number): { pattern: RE2JS } | { problem: string } {
  try {
    return { pattern: RE2JS.compile(source, flags) };
  } catch (error) {
    const reason = explainRe2Error(error instanceof Error ? error.message : String(error));
    return { problem: `RE2 cannot compile ${JSON.stringify(source)}: ${reason}` };
  }
}

/** Why RE2 refuses `source`, in plain words, or undefined when it compiles. */
export function patternProblem(
  source: string,
  flagsText: PatternRule['flags'],
): string | undefined {
  const result = tryCompile(source, flagsText === 'i' ? RE2JS.CASE_INSENSITIVE : 0);
  return 'problem' in result ? result.problem : undefined;
}

function compilePattern(source: string, flags: number, index: number): RE2JS {
  const result = tryCompile(source, flags);
  if ('problem' in result) throw new RuleCompileError(['patterns', index], result.problem);
  return result.pattern;
}

export const compilePatternRule: RuleCompiler<PatternRule> = (rule, context) => {
  const flags = rule.flags === 'i' ? RE2JS.CASE_INSENSITIVE : 0;
  const patterns = rule.patterns.map((source, index) => compilePattern(source, flags, index));
  const compiled: CompiledRule = {
    rule,
    packId: context.pack.id,
    check(analysis) {
      const { text } = analysis;
      const findings: Finding[] = [];
      const seen = new Set<string>();
      for (const pattern of patterns) {
        // `test` runs RE2's DFA without tracking positions: about twenty times faster than
        // finding matches, and almost every post matches nothing.
        if (!pattern.test(text)) continue;
        for (const m of pattern.matchAll(text)) {
          const match = m[0];
          if (!match) continue;
          const start = m.index ?? 0;
          const end = start + match.length;
          const key = `${start}:${end}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            ruleId: rule.id,
            packId: context.pack.id,
            kind: 'pattern',
            severity: rule.severity,
            message: rule.message,
            ...(rule.link ? { link: rule.link } : {}),
            start,
            end,
            match,
            suggestions: [removeSuggestion(text, start, end)],
          });
        }
      }
      return findings;
    },
  };
  return compiled;
};
