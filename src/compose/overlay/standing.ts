import type { Finding } from '@/src/core/findings';
import { changeBetween, pointAtEnd, type TextChange } from '../carry-over';

/** Findings of one text, as the overlay last drew them or is about to. */
export interface CheckedText {
  text: string;
  findings: readonly Finding[];
}

/**
 * Where an old finding's range sits in the new text, or undefined when the edit replaced all
 * of it. An edit inside the finding or at its end keeps its start: the finding grew or shrank
 * as it was typed (a link or a phone number a character at a time, the part of a post past the
 * network's limit).
 */
function rangeAfter(
  finding: Finding,
  change: TextChange,
  before: string,
  after: string,
): [number, number] | undefined {
  const { start, end } = finding;
  const atEnd = pointAtEnd(start, end, change, before, after);
  if (atEnd !== undefined) return [atEnd, atEnd];
  // A point where the edit is may now be on either side of what was typed there.
  if (start === end && start === change.start) return [start, change.oldEnd + change.shift];
  if (end <= change.start) return [start, end];
  if (start >= change.oldEnd && start > change.start)
    return [start + change.shift, end + change.shift];
  if (change.start <= start && change.oldEnd >= end) return undefined;
  const newStart = Math.min(start, change.start);
  return [newStart, Math.max(newStart, end + change.shift)];
}

function kindOf(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.start === finding.end ? 'point' : ''}`;
}

/**
 * The findings of `after` that were already among `before`'s: the same rule's, on a range that
 * meets where the edit between the two texts carried one of them. The rest are new, and are
 * announced. This replaces telling findings apart by their text, which made the part of a post
 * past the limit (its text changes with every key typed past it) a new finding at every key,
 * read out by a screen reader at every key, and a second "Nightjar" typed further on no news.
 */
export function standingFindings(before: CheckedText, after: CheckedText): Set<Finding> {
  const standing = new Set<Finding>();
  if (before.findings.length === 0) return standing;
  const change = changeBetween(before.text, after.text);
  const carried = new Map<string, [number, number][]>();
  for (const finding of before.findings) {
    const range = rangeAfter(finding, change, before.text, after.text);
    if (!range) continue;
    const kind = kindOf(finding);
    const ranges = carried.get(kind) ?? [];
    ranges.push(range);
    carried.set(kind, ranges);
  }
  for (const finding of after.findings) {
    const meets = carried
      .get(kindOf(finding))
      ?.some(([start, end]) => start <= finding.end && finding.start <= end);
    if (meets) standing.add(finding);
  }
  return standing;
}
