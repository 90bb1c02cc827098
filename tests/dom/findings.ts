import type { Finding, Suggestion } from '@/src/core/findings';

/** A `terms` finding of "Nightjar" (rule `code`, an error) at `start`, as the checker gives it. */
export function nightjarAt(start: number, suggestions: Suggestion[] = []): Finding {
  return {
    ruleId: 'code',
    packId: 'p',
    kind: 'terms',
    severity: 'error',
    message: 'm',
    start,
    end: start + 8,
    match: 'Nightjar',
    suggestions,
  };
}
