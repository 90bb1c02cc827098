import type { Finding, ResolvedCheckOptions, Suggestion } from '../../findings';
import type { Rule, Severity } from '../../pack/schema';
import type { TextAnalysis, WordToken } from '../../text/analysis';
import { languageAt } from '../../text/language';
import { hasTranslations, localize, type Localized } from '../../text/localized';
import type { PostLanguage } from '../../text/post-languages';
import type { RuleCompiler, RuleContext } from '../types';

/**
 * The language to word a finding at `offset` in: the one asked for, else, when `wording`
 * differs by language, the language of the sentence there. Undefined means the default
 * wording, and costs no detection.
 */
export function wordingLanguage(
  analysis: TextAnalysis,
  options: ResolvedCheckOptions,
  offset: number,
  wording: Localized<unknown>,
): PostLanguage | undefined {
  if (options.language) return options.language;
  return hasTranslations(wording) ? languageAt(analysis, offset) : undefined;
}

/**
 * A finding of `rule` on `text[start, end)`. The message stays as the pack wrote it: the
 * checker fills in `{match}` and the pack's policy link for every kind alike.
 */
export function makeFinding(
  rule: Rule,
  packId: string,
  text: string,
  start: number,
  end: number,
  suggestions: Suggestion[],
  message: string = localize(rule.message, undefined),
  severity: Severity = rule.severity,
): Finding {
  return {
    ruleId: rule.id,
    packId,
    kind: rule.kind,
    severity,
    message,
    ...(rule.link ? { link: rule.link } : {}),
    start,
    end,
    match: text.slice(start, end),
    suggestions,
  };
}

/** Where a rule found something, with its fixes; `message` when it says more than the rule's. */
export interface RuleHit {
  start: number;
  end: number;
  suggestions: Suggestion[];
  message?: string;
  /** When the rule reports this hit at another severity than its own (profanity by level). */
  severity?: Severity;
}

/** Finds one rule's hits in a text; built once per pack load, run on every check. */
export type HitFinder = (analysis: TextAnalysis, options: ResolvedCheckOptions) => RuleHit[];

/**
 * The shell every rule kind shares: a kind builds its hit finder from the rule, and every
 * finding is made by makeFinding, so no kind writes the compiled rule or a Finding itself.
 */
export function defineRule<R extends Rule>(
  build: (rule: R, context: RuleContext) => HitFinder,
): RuleCompiler<R> {
  return (rule, context) => {
    const findHits = build(rule, context);
    const packId = context.pack.id;
    return {
      rule,
      packId,
      check(analysis, options) {
        return findHits(analysis, options).map((hit) =>
          makeFinding(
            rule,
            packId,
            analysis.text,
            hit.start,
            hit.end,
            hit.suggestions,
            hit.message ??
              localize(rule.message, wordingLanguage(analysis, options, hit.start, rule.message)),
            hit.severity,
          ),
        );
      },
    };
  };
}

/** Inserts `addition` at `at`; the label quotes exactly what is added, spaces included. */
export function insertSuggestion(at: number, addition: string): Suggestion {
  return {
    label: `Add "${addition}"`,
    action: { verb: 'add', text: addition },
    edits: [{ start: at, end: at, text: addition }],
  };
}

// The rules reach the word search through here, as they always have.
export { wordIndexAt } from '../../text/analysis';

/** Punctuation that ends a clause: a negation or a target on the other side of it does not count. */
export const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”…\n]/;

/** Typographic apostrophes folded, lower case: the form word lists are compared in. */
export function wordKey(word: WordToken): string {
  return word.lower.includes('’') ? word.lower.replaceAll('’', "'") : word.lower;
}

/**
 * Where to append a sentence to `text`: after its last visible character, with a space
 * before the addition unless the text is empty or ends in a line break.
 */
export function appendPoint(text: string): { at: number; separator: string } {
  const at = text.trimEnd().length;
  return { at, separator: at === 0 ? '' : ' ' };
}
