import type { ToneCheck, ToneRule } from '../pack/schema';
import { defineRule } from './support/finding';
import { compileAbsolutes } from './tone/absolutes';
import { compileInsult } from './tone/insult';
import { compileOfficialVoice } from './tone/official-voice';
import { compileProfanity } from './tone/profanity';
import { compileShouting } from './tone/shouting';
import { compileSlurs } from './tone/slurs';
import type { ToneCheckCompiler } from './tone/types';

/**
 * `tone`: one rule, several checks, each in its own module with its own word lists
 * (src/core/data). Every finding carries the rule's message; its `match` says which words
 * it is about.
 */
const CHECKS: Record<ToneCheck, ToneCheckCompiler> = {
  profanity: compileProfanity,
  slurs: compileSlurs,
  insult: compileInsult,
  shouting: compileShouting,
  absolutes: compileAbsolutes,
  'official-voice': compileOfficialVoice,
};

export const compileToneRule = defineRule<ToneRule>((rule, context) => {
  const checks = [...new Set(rule.checks)].map((check) => CHECKS[check](rule, context));
  return (analysis) => checks.flatMap((check) => check(analysis));
});
