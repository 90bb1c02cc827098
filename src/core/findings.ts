import type { Network, RuleKind, Severity } from './pack/schema';

/** A replacement of `text[start, end)` by `text`. Offsets are UTF-16 code units. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A one-click fix: a label that says what it does, and the edits that do it. */
export interface Suggestion {
  label: string;
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
}
