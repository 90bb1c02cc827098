import type { ToneCheck, ToneRule } from '../pack/schema';
import { makeFinding } from './support/finding';
import { compileAbsolutes } from './tone/absolutes';
import { compileInsult } from './tone/insult';
import { compileOfficialVoice } from './tone/official-voice';
import { compileProfanity } from './tone/profanity';
import { compileShouting } from './tone/shouting';
import type { ToneCheckCompiler } from './tone/types';
import type { CompiledRule, RuleCompiler } from './types';

/**
 * `tone`: one rule, several checks, each in its own module with its own word lists
 * (src/core/data). Every finding carries the rule's message; its `match` says which words
 * it is about.
 */
const CHECKS: Record<ToneCheck, ToneCheckCompiler> = {
  profanity: compileProfanity,
  insult: compileInsult,
  shouting: compileShouting,
  absolutes: compileAbsolutes,
  'official-voice': compileOfficialVoice,
};

export const compileToneRule: RuleCompiler<ToneRule> = (rule: ToneRule, context) => {
  const checks = [...new Set(rule.checks)].map((check) => CHECKS[check](rule, context));
  const compiled: CompiledRule = {
    rule,
    packId: context.pack.id,
    check(analysis) {
      const { text } = analysis;
      return checks.flatMap((check) =>
        check(analysis).map((hit) =>
          makeFinding(rule, context.pack.id, text, hit.start, hit.end, hit.suggestions),
        ),
      );
    },
  };
  return compiled;
};
