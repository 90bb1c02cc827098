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

/**
 * Where a rule's findings come from, for the checker's cache of paragraphs (checker.ts):
 * - `paragraph`: whatever it finds that starts in a paragraph (text between blank lines, the
 *   blank line after it included) depends only on the text from PARAGRAPH_MARGIN characters
 *   before that paragraph to as many after it, on the network and the `language` option, and
 *   on `now` by its date at most; and no hit of it, kept or dropped, reaches over a blank
 *   line. The checker then checks each paragraph with its margins, and keeps the answer for
 *   as long as those characters stay as they are.
 * - `post`: anything else; checked on the whole text every time.
 * Each kind says which in registry.ts (ruleParts).
 */
export type RuleScope = 'paragraph' | 'post';

/**
 * How far from its paragraph a `paragraph` rule may read. A sentence's language
 * (text/language.ts) is read from up to 140 characters around an offset, and from the
 * sentence that holds it, which a paragraph's line breaks end; the rest of what such rules
 * read is a few characters around a word.
 */
export const PARAGRAPH_MARGIN = 150;

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
