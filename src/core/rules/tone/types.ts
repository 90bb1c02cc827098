import type { ToneRule } from '../../pack/schema';
import type { TextAnalysis } from '../../text/analysis';
import type { RuleHit } from '../support/finding';
import type { RuleContext } from '../types';

/** What one tone check reports: a rule's hit, with the tone rule's own message. */
export type ToneHit = Omit<RuleHit, 'message'>;

export type ToneCheckFn = (analysis: TextAnalysis) => ToneHit[];

/** Builds one check of a tone rule, with the rule's `add` and `remove` applied to its lists. */
export type ToneCheckCompiler = (rule: ToneRule, context: RuleContext) => ToneCheckFn;
