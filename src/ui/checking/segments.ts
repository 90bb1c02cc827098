import type { Finding, Severity } from '@/src/core';
import { worstSeverity } from '@/src/core/severity';

/** A stretch of the text, and the worst finding over it (none for plain text). */
export interface Segment {
  start: number;
  end: number;
  severity?: Severity;
  findings: Finding[];
}

/**
 * Cuts the text where findings start and end, so overlapping findings each get their stretch
 * underlined with the worst severity over it, as the compose overlay draws them. A finding
 * with no width (a missing disclosure) marks nothing here; its card still shows.
 */
export function segmentText(text: string, findings: readonly Finding[]): Segment[] {
  const marks = findings.filter((finding) => finding.end > finding.start);
  const cuts = new Set<number>([0, text.length]);
  for (const finding of marks) {
    cuts.add(Math.min(finding.start, text.length));
    cuts.add(Math.min(finding.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const over = marks.filter((finding) => finding.start <= start && finding.end >= end);
    const worst = worstSeverity(over);
    segments.push({ start, end, ...(worst ? { severity: worst } : {}), findings: over });
  }
  return segments;
}
