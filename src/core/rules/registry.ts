import type { Rule, RuleKind } from '../pack/schema';
import { compileLengthRule } from './length';
import { compilePatternRule } from './pattern';
import { compileTermsRule } from './terms';
import type { CompiledRule, RuleCompiler, RuleContext } from './types';

/**
 * Which compiler builds each rule kind. A kind without a compiler is valid in a pack but
 * finds nothing yet; adding a kind is one file and one line here.
 */
type Registry = { [K in RuleKind]?: RuleCompiler<Extract<Rule, { kind: K }>> };

export const RULE_COMPILERS: Registry = {
  terms: compileTermsRule,
  pattern: compilePatternRule,
  length: compileLengthRule,
};

/** Compiles `rule`, or returns undefined when its kind has no compiler yet. */
export function compileRule(rule: Rule, context: RuleContext): CompiledRule | undefined {
  const compiler = RULE_COMPILERS[rule.kind] as RuleCompiler<Rule> | undefined;
  return compiler?.(rule, context);
}
