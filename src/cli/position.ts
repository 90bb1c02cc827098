/**
 * Line and column of a UTF-16 offset, both 1-based, the column counted in Unicode code
 * points: what a person counts, and what most editors show. An emoji before a finding
 * moves it one column, not two.
 */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  /** UTF-16 offsets at which each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 0x0a) this.lineStarts.push(i + 1);
    }
  }

  positionOf(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { line: low + 1, column: codePointCount(this.text.slice(lineStart, clamped)) + 1 };
  }
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
