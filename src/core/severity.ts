import type { Finding } from './findings';
import type { Severity } from './pack/schema';

/** Severities from the least to the most serious. */
export const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'error'];

/** Higher is more serious: for sorting and for picking the worst of several findings. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** The most serious severity among `findings`; undefined when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (!worst || severityRank(finding.severity) > severityRank(worst)) worst = finding.severity;
  }
  return worst;
}
