import { RE2JS } from 're2js';
import type { PatternRule } from '../pack/schema';
import { tryCompile } from '../re2';
import { removeSuggestion } from '../suggestions';
import { defineRule, type RuleHit } from './support/finding';
import { RuleCompileError } from './types';

/**
 * `pattern`: admin-written regular expressions, run with RE2 (re2js) so that matching is
 * linear in the length of the post whatever the pattern: `(a+)+$` cannot hang a browser.
 * re2js reports UTF-16 offsets, as JavaScript strings index, and never matches half of a
 * surrogate pair.
 */

function compilePattern(source: string, flags: number, index: number): RE2JS {
  const result = tryCompile(source, flags);
  if ('problem' in result) throw new RuleCompileError(['patterns', index], result.problem);
  return result.pattern;
}

export const compilePatternRule = defineRule<PatternRule>((rule) => {
  const flags = rule.flags === 'i' ? RE2JS.CASE_INSENSITIVE : 0;
  const patterns = rule.patterns.map((source, index) => compilePattern(source, flags, index));
  return (analysis) => {
    const { text } = analysis;
    const findings: RuleHit[] = [];
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
        findings.push({ start, end, suggestions: [removeSuggestion(text, start, end)] });
      }
    }
    return findings;
  };
});
