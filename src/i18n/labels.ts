import type { Severity } from '@/src/core/pack/schema';
import type { Suggestion, SuggestionAction } from '@/src/core/findings';
import { t, type MessageId } from './messages';

/** Words the overlay and the extension's pages share: severities and one-click fixes. */

const SEVERITY_NAMES: Record<Severity, MessageId> = {
  error: 'severity_error',
  warning: 'severity_warning',
  info: 'severity_info',
};

/** A severity's name in the interface language ("error", "advertencia", "Warnung"). */
export function severityName(severity: Severity): string {
  return t(SEVERITY_NAMES[severity]);
}

const FIX_VERBS: Record<SuggestionAction['verb'], MessageId> = {
  remove: 'fix_remove',
  replace: 'fix_replace',
  add: 'fix_add',
  'move-up': 'fix_moveUp',
  change: 'fix_change',
};

/**
 * A fix's button, worded from what it does in the interface language; the core's English
 * label when it says nothing the interface can word (no action, or a verb that needs a text
 * without one).
 */
export function fixLabel(suggestion: Suggestion): string {
  const action = suggestion.action;
  const id = action ? FIX_VERBS[action.verb] : undefined;
  if (!action || !id) return suggestion.label;
  if (action.verb === 'remove') return t(id);
  return action.text === undefined ? suggestion.label : t(id, action.text);
}
