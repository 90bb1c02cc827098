import type { Finding, ResolvedCheckOptions } from '../findings';
import type { Pack, Rule } from '../pack/schema';
import type { TextAnalysis } from '../text/analysis';
import type { PostLanguage } from '../text/post-languages';

/**
 * A rule compiled once per pack load. `check` runs on every keystroke's text, so all
 * parsing, list building and automaton construction happens in the compiler instead.
 */
export interface CompiledRule {
  readonly rule: Rule;
  readonly packId: string;
  /** Findings for `analysis.text`; the caller filters by network and sorts. */
  check(analysis: TextAnalysis, options: ResolvedCheckOptions): Finding[];
}

/** What a rule compiler may read besides its rule: the pack it came from (org name, policy link). */
export interface RuleContext {
  pack: Pack;
  /** `org.name` and `org.aliases` from the effective (layered) packs. */
  org: { name: string; aliases: string[] } | undefined;
  /** The post languages the rule applies in: its `languages`, else its pack's, else all. */
  languages: readonly PostLanguage[];
}

/** A compile-time problem in a rule, reported with the path inside the rule (e.g. `patterns.0`). */
export class RuleCompileError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

export type RuleCompiler<R extends Rule> = (rule: R, context: RuleContext) => CompiledRule;
