import type { Network, RuleKind, Severity } from './pack/schema';
import type { PostLanguage } from './text/post-languages';

/** A replacement of `text[start, end)` by `text`. Offsets are UTF-16 code units. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a fix does, for an interface to word in its own language: `replace` with `text`,
 * `add` `text`, `move-up` the marker `text`, `change` to `text`, or `remove` the match.
 */
export interface SuggestionAction {
  verb: 'remove' | 'replace' | 'add' | 'move-up' | 'change';
  text?: string;
}

/** A one-click fix: a label that says what it does (in English), and the edits that do it. */
export interface Suggestion {
  label: string;
  action?: SuggestionAction;
  edits: Edit[];
}

/** What the checker reports; the shape is part of the pack contract. */
export interface Finding {
  ruleId: string;
  packId: string;
  kind: RuleKind;
  severity: Severity;
  message: string;
  link?: string;
  /** The id of the guide section that explains the rule (`guide.html#<id>`), when it names one. */
  guide?: string;
  /** UTF-16 offsets into the checked text; never inside a surrogate pair. */
  start: number;
  end: number;
  match: string;
  suggestions: Suggestion[];
}

export interface CheckOptions {
  network: Network;
  /** The moment of checking, for embargo dates (`until`) and content windows. */
  now?: Date;
  /**
   * The language of every finding's message (the CLI's `--lang`). Without it, a message the
   * pack gives in several languages is in the language of the sentence it is about.
   */
  language?: PostLanguage;
  /**
   * Which rules to run: `quick`, the ones cheap enough for every keystroke; `slow`, the others
   * (people's names, which take NLP); default all. A compose box runs the quick tier as the
   * person types and the slow one when typing pauses.
   */
  tier?: CheckTier;
}

export type CheckTier = 'quick' | 'slow';

/** The options every rule sees, each decided. */
export interface ResolvedCheckOptions {
  network: Network;
  now: Date;
  language: PostLanguage | undefined;
}
