import type { Rule, RuleKind, ToneCheck, ToneRule } from '../pack/schema';
import { compileDisclosureRule } from './disclosure';
import { compileEntitiesRule } from './entities';
import { compileLengthRule } from './length';
import { compilePatternRule } from './pattern';
import { compileTermsRule } from './terms';
import { compileToneRule } from './tone';
import type { CompiledRule, RuleCompiler, RuleContext, RuleScope } from './types';

/**
 * Which compiler builds each rule kind: every kind of the schema has one (a kind added to the
 * schema without its line here does not compile). A kind is its compiler's file and one line,
 * and one more in RULE_SCOPES below.
 */
type Registry = { [K in RuleKind]: RuleCompiler<Extract<Rule, { kind: K }>> };

export const RULE_COMPILERS: Registry = {
  terms: compileTermsRule,
  pattern: compilePatternRule,
  entities: compileEntitiesRule,
  disclosure: compileDisclosureRule,
  tone: compileToneRule,
  length: compileLengthRule,
};

export function compileRule(rule: Rule, context: RuleContext): CompiledRule {
  const compiler = RULE_COMPILERS[rule.kind] as RuleCompiler<Rule>;
  return compiler(rule, context);
}

/** A rule, or a part of one, as the checker runs it, and where its findings come from. */
export interface RulePart {
  readonly rule: Rule;
  readonly scope: RuleScope;
}

/**
 * The tone checks by scope (see RuleScope). Insults are read within a clause and shouting
 * within a line, so a line break ends them; profanity, slurs and promises are phrases, which
 * a blank line ends (text/phrases.ts), and read the words within 80 characters and a
 * sentence's language, which the margin covers. Official voice looks for a disclaimer
 * anywhere in the post, and its fix goes at the end.
 */
const TONE_SCOPES: Record<ToneCheck, RuleScope> = {
  profanity: 'paragraph',
  slurs: 'paragraph',
  insult: 'paragraph',
  shouting: 'paragraph',
  absolutes: 'paragraph',
  'official-voice': 'post',
};

/** Tone checks in their order, as runs of the same scope: each run is one part. */
function toneParts(rule: ToneRule): RulePart[] {
  const parts: { checks: ToneCheck[]; scope: RuleScope }[] = [];
  // The order tone.ts checks them in, so findings come in the same order.
  for (const check of new Set(rule.checks)) {
    const scope = TONE_SCOPES[check];
    const last = parts[parts.length - 1];
    if (last?.scope === scope) last.checks.push(check);
    else parts.push({ checks: [check], scope });
  }
  if (parts.length === 1) return [{ rule, scope: parts[0]?.scope ?? 'post' }];
  return parts.map(({ checks, scope }) => ({ rule: { ...rule, checks }, scope }));
}

/**
 * Each kind's scope (see RuleScope), and the why:
 * - terms: a term's words may be apart by any white space but a blank line (text/phrases.ts),
 *   its stems' languages are a sentence's, and an embargo's day is in the cache key;
 * - pattern: an admin's expression may match across anything;
 * - entities: emails, links, phones, money and percentages are found within a line (a phone's
 *   lead-in words within 40 characters), but compromise may make one sentence of lines that
 *   a quotation or a bracket joins across a blank line, and `near` counts words across
 *   paragraphs: per paragraph only without `person` and `near`;
 * - disclosure: the fold and the one finding per post are the whole post's;
 * - tone: by check (TONE_SCOPES), the rule cut into parts when its checks differ;
 * - length: the whole post's length.
 */
const RULE_SCOPES: { [K in RuleKind]: (rule: Extract<Rule, { kind: K }>) => RulePart[] } = {
  terms: (rule) => [{ rule, scope: 'paragraph' }],
  pattern: (rule) => [{ rule, scope: 'post' }],
  entities: (rule) => [
    {
      rule,
      scope:
        rule.entities.includes('person') || (rule.near?.length ?? 0) > 0 ? 'post' : 'paragraph',
    },
  ],
  disclosure: (rule) => [{ rule, scope: 'post' }],
  tone: toneParts,
  length: (rule) => [{ rule, scope: 'post' }],
};

/**
 * The parts the checker runs for `rule`, in order: most rules are one part; a tone rule whose
 * checks differ in scope is one part per run of checks, each a tone rule of its own with
 * those checks (tone.ts checks each on its own and lists their findings in order, so the
 * parts find what the rule finds).
 */
export function ruleParts(rule: Rule): RulePart[] {
  const scopes = RULE_SCOPES[rule.kind] as (rule: Rule) => RulePart[];
  return scopes(rule);
}
