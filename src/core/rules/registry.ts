import type { Rule, RuleKind } from '../pack/schema';
import { compileDisclosureRule } from './disclosure';
import { compileEntitiesRule } from './entities';
import { compileLengthRule } from './length';
import { compilePatternRule } from './pattern';
import { compileTermsRule } from './terms';
import { compileToneRule } from './tone';
import type { CompiledRule, RuleCompiler, RuleContext } from './types';

/**
 * Which compiler builds each rule kind: every kind of the schema has one (a kind added to the
 * schema without its line here does not compile). A kind is its compiler's file and one line.
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
