import { RE2JS } from 're2js';
import type { PatternRule } from './pack/schema';

/**
 * Compiling admin-written patterns with RE2 (re2js), and saying in plain words why one does
 * not compile. Below both the pack's validation and the pattern rule, which each need it.
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

export function tryCompile(
  source: string,
  flags: number,
): { pattern: RE2JS } | { problem: string } {
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
