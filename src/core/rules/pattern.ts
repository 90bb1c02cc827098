import { RE2JS, RE2Set } from 're2js';
import { LruCache } from '../nlp/lru';
import type { PatternRule } from '../pack/schema';
import { tryCompile } from '../re2';
import { paragraphs } from '../text/analysis';
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

/** Escapes after which the pattern reads a class that holds no line feed, or an assertion. */
const SAFE_ESCAPES = new Set(['d', 'w', 'S', 'b', 'B']);
const SAFE_IN_CLASS = new Set(['d', 'w', 'S']);

/**
 * Whether no match of the RE2 pattern `source` can hold a line feed, nor depend on where the
 * text starts or ends: then every match lies within a line, and what the pattern finds in a
 * text is what it finds in each stretch of it cut right after a line feed, moved (RE2's
 * assertions `\b` and `\B` see a line feed and a text's edge alike: neither is a word
 * character). Read conservatively from the source: letters, digits and punctuation, `.`
 * (which does not match a line feed without the `s` flag, which this refuses), classes that
 * are not negated and hold no POSIX class, `\d`, `\w`, `\S`, `\b`, `\B`, escaped ASCII
 * punctuation, and groups `(?:`, `(?i)`, `(?i:`. Anything else (`^`, `$`, `\s`, `\W`,
 * `[^`, `\x…`, `\p…`, other flags, control characters) says no, and the pattern reads the
 * whole text, as before.
 */
export function matchesWithinLines(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    const code = source.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
    if (c === '\\') {
      const next = source.charAt(i + 1);
      if (/[A-Za-z0-9]/.test(next)) {
        if (!(inClass ? SAFE_IN_CLASS : SAFE_ESCAPES).has(next)) return false;
      } else if (!/[!-/:-@[-`{-~]/.test(next)) {
        return false;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[') return false;
      continue;
    }
    if (c === '[') {
      if (source.charAt(i + 1) === '^') return false;
      inClass = true;
      // A `]` first in a class is the character itself.
      if (source.charAt(i + 1) === ']') i++;
      continue;
    }
    if (c === '^' || c === '$') return false;
    if (c === '(' && source.charAt(i + 1) === '?') {
      const group = source.slice(i, i + 5);
      if (group.startsWith('(?:')) i += 2;
      else if (group.startsWith('(?i)') || group.startsWith('(?i:')) i += 3;
      else return false;
    }
  }
  return !inClass;
}

/**
 * Where a text may be cut for patterns that match within lines: right after the last line
 * feed before each paragraph (text/analysis.ts paragraphs), so that the stretches are about
 * its paragraphs and each starts after a line feed.
 */
function lineCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const { start } of paragraphs(text)) {
    if (start > 0) cuts.push(text.lastIndexOf('\n', start - 1) + 1);
  }
  return cuts;
}

/** Each pattern's matches in a stretch, as [start, end] from the stretch's start. */
type StretchMatches = readonly (readonly (readonly [number, number])[])[];

/**
 * Matches by stretch text, for every rule: typing changes one paragraph of a post, and the
 * patterns then read that one. Room for the stretches of a pasted page and the versions of
 * the one being typed, as the checker's own cache of paragraphs (checker.ts).
 */
const matchesByStretch = new LruCache<WeakMap<object, StretchMatches>>(1_024, 300_000);

/**
 * The rule's patterns as one RE2 set, which says in one pass over a text which of them match
 * anywhere in it (what each one's `test` says, with the same flags): a rule of nine patterns
 * read a 3,000-character post nine times on every key, 0.28 ms, and the set reads it once,
 * 0.03 ms. Undefined for a single pattern, or when the set does not compile (too large
 * together), and each pattern is tested on its own.
 */
function setOf(sources: readonly string[], flags: number): RE2Set | undefined {
  if (sources.length < 2) return undefined;
  try {
    const set = new RE2Set(RE2Set.UNANCHORED, flags);
    for (const source of sources) set.add(source);
    set.compile();
    return set;
  } catch {
    return undefined;
  }
}

export const compilePatternRule = defineRule<PatternRule>((rule) => {
  const flags = rule.flags === 'i' ? RE2JS.CASE_INSENSITIVE : 0;
  const set = setOf(rule.patterns, flags);
  // A set that compiled has parsed every pattern with the same flags, so each compiles on its
  // own too: it is compiled when the set first says it matches (most posts match none), not
  // at every start of the worker (the two packs in force by default: 11 ms of their 35).
  // Without a set, each is compiled now, and a pattern RE2 refuses is the rule's error.
  const patterns: (RE2JS | undefined)[] = set
    ? rule.patterns.map(() => undefined)
    : rule.patterns.map((source, index) => compilePattern(source, flags, index));
  const patternAt = (index: number): RE2JS =>
    (patterns[index] ??= compilePattern(rule.patterns[index] as string, flags, index));
  const byStretch = rule.patterns.every(matchesWithinLines);
  const key = {};

  /** Each pattern's non-empty matches in `text`, in order (what matchAll finds). */
  function matchesIn(text: string): [number, number][][] {
    // Testing runs RE2's DFA without tracking positions: about twenty times faster than
    // finding matches, and almost every post matches nothing.
    const matching = set ? new Set(set.match(text)) : undefined;
    return rule.patterns.map((_, index) => {
      const found: [number, number][] = [];
      if (matching ? !matching.has(index) : !patternAt(index).test(text)) return found;
      for (const m of patternAt(index).matchAll(text)) {
        const match = m[0];
        if (!match) continue;
        const start = m.index ?? 0;
        found.push([start, start + match.length]);
      }
      return found;
    });
  }

  /** matchesIn(text), from the matches of its stretches found before when the patterns allow. */
  function matchesOf(text: string): (readonly (readonly [number, number])[])[] {
    const cuts = byStretch ? lineCuts(text) : [];
    if (cuts.length === 0) return matchesIn(text);
    const all: [number, number][][] = rule.patterns.map(() => []);
    let from = 0;
    for (const to of [...cuts, text.length]) {
      const stretch = text.slice(from, to);
      let known = matchesByStretch.get(stretch);
      if (!known) {
        known = new WeakMap();
        matchesByStretch.set(stretch, known);
      }
      let found = known.get(key);
      if (!found) {
        found = matchesIn(stretch);
        known.set(key, found);
      }
      found.forEach((matches, index) => {
        for (const [start, end] of matches) all[index]?.push([start + from, end + from]);
      });
      from = to;
    }
    return all;
  }

  return (analysis) => {
    const { text } = analysis;
    const findings: RuleHit[] = [];
    const seen = new Set<string>();
    for (const matches of analysis.byParagraph === false ? matchesIn(text) : matchesOf(text)) {
      for (const [start, end] of matches) {
        const place = `${start}:${end}`;
        if (seen.has(place)) continue;
        seen.add(place);
        findings.push({ start, end, suggestions: [removeSuggestion(text, start, end)] });
      }
    }
    return findings;
  };
});
