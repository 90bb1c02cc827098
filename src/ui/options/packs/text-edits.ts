import type { Edit, Finding, Severity } from '@/src/core';

/** The text with a fix's edits made, as the editor would hold it after the fix. */
export function applyTextEdits(text: string, edits: readonly Edit[]): string {
  // From the end, so each edit's offsets still point at the text it was made for.
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of ordered) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

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
    const worst = over.reduce<Severity | undefined>(
      (acc, finding) =>
        acc === undefined || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[acc]
          ? finding.severity
          : acc,
      undefined,
    );
    segments.push({ start, end, ...(worst ? { severity: worst } : {}), findings: over });
  }
  return segments;
}
