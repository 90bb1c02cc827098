import type { Rule, RuleKind } from '../pack/schema';
import { compileDisclosureRule } from './disclosure';
import { compileEntitiesRule } from './entities';
import { compileLengthRule } from './length';
import { compilePatternRule } from './pattern';
import { compileTermsRule } from './terms';
import { compileToneRule } from './tone';
import type { CompiledRule, RuleCompiler, RuleContext } from './types';

/**
 * Which compiler builds each rule kind. Adding a kind is one file and one line here; a kind
 * without a compiler would be valid in a pack and simply find nothing.
 */
type Registry = { [K in RuleKind]?: RuleCompiler<Extract<Rule, { kind: K }>> };

export const RULE_COMPILERS: Registry = {
  terms: compileTermsRule,
  pattern: compilePatternRule,
  entities: compileEntitiesRule,
  disclosure: compileDisclosureRule,
  tone: compileToneRule,
  length: compileLengthRule,
};

/** Compiles `rule`, or returns undefined when its kind has no compiler yet. */
export function compileRule(rule: Rule, context: RuleContext): CompiledRule | undefined {
  const compiler = RULE_COMPILERS[rule.kind] as RuleCompiler<Rule> | undefined;
  return compiler?.(rule, context);
}
