import type { Suggestion } from '../../findings';
import type { ToneRule } from '../../pack/schema';
import type { TextAnalysis } from '../../text/analysis';
import type { RuleContext } from '../types';

/** What one tone check reports; the tone rule turns hits into findings. */
export interface ToneHit {
  start: number;
  end: number;
  suggestions: Suggestion[];
}

export type ToneCheckFn = (analysis: TextAnalysis) => ToneHit[];

/** Builds one check of a tone rule, with the rule's `add` and `remove` applied to its lists. */
export type ToneCheckCompiler = (rule: ToneRule, context: RuleContext) => ToneCheckFn;
