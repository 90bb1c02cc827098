import type { Finding } from '@/src/core/findings';
import type { BoxTextModel } from '@/src/sites/types';
import { el } from './dom';

/** Up to this many findings, each is measured on every redraw (no search for the first shown). */
const MEASURE_ALL = 24;

/** Where a finding is on the page: its text's line boxes, or the caret where it would be fixed. */
function measure(finding: Finding, model: BoxTextModel): DOMRect[] {
  if (finding.end > finding.start) return model.lineRects(finding.start, finding.end);
  const caret = model.caretRect(finding.start);
  return caret ? [caret] : [];
}

/** What one underline element shows: compared field by field before any style is written. */
interface DrawnLine {
  ruleId: string;
  severity: Finding['severity'];
  point: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}

function sameLine(a: DrawnLine | undefined, b: DrawnLine): boolean {
  return (
    a !== undefined &&
    a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.point === b.point &&
    a.left === b.left &&
    a.top === b.top &&
    a.width === b.width &&
    a.height === b.height
  );
}

/** A finding and where it is drawn, for hover and for placing its card. */
export interface DrawnFinding {
  finding: Finding;
  rects: DOMRect[];
}

/**
 * The marks under findings: one line per line of text a finding spans, or a thin upright mark
 * where a finding with no text (a missing disclosure) would be fixed. Elements are reused.
 */
export class Underlines {
  private drawn: DrawnFinding[] = [];
  private readonly elements: HTMLDivElement[] = [];
  /**
   * What each element was last drawn as: a key typed at the end of a long post leaves most
   * lines where they were (an X post's overflow is one finding over dozens of lines), and
   * writing their styles again cost a third of a millisecond a key for nothing.
   */
  private readonly drawnAs: (DrawnLine | undefined)[] = [];

  constructor(
    private readonly layer: HTMLElement,
    /** The underlines go before this element, so the badge and card stay on top. */
    private readonly before: Element,
  ) {}

  draw(findings: readonly Finding[], model: BoxTextModel | undefined, boxRect: DOMRect): void {
    this.drawn = [];
    let used = 0;
    if (!model) {
      this.hideFrom(0);
      return;
    }
    // What is drawn: what is inside the box; for a long post (many findings), only what is
    // also inside the window, scrolling redraws.
    const many = findings.length > MEASURE_ALL;
    const viewHeight = this.layer.ownerDocument.defaultView?.innerHeight ?? Infinity;
    const top = many ? Math.max(boxRect.top, 0) : boxRect.top;
    const bottom = many ? Math.min(boxRect.bottom, viewHeight) : boxRect.bottom;
    const inView = (rect: DOMRect, point: boolean) =>
      (point ? rect.height > 0 : rect.width > 0) && rect.bottom > top && rect.top < bottom;
    // Every measurement first, then every write: a style written between two measurements
    // makes the browser lay the page out again for the second (once per finding, per key).
    const plan: { finding: Finding; point: boolean; rects: DOMRect[] }[] = [];
    for (let i = this.firstInView(findings, model, top); i < findings.length; i += 1) {
      const finding = findings[i]!;
      const point = finding.end <= finding.start;
      const measured = measure(finding, model);
      // Findings come in text order, and text flows down: once one starts below the box,
      // every later one does too (a 30,000-character paste is not measured to its end).
      if (many && measured.length > 0 && measured[0]!.top >= bottom) break;
      // Only what shows inside the box: text scrolled out of it is not marked.
      plan.push({ finding, point, rects: measured.filter((rect) => inView(rect, point)) });
    }
    for (const { finding, point, rects } of plan) {
      this.drawn.push({ finding, rects });
      for (const rect of rects) {
        const line = this.elements[used] ?? this.create();
        const left = Math.max(rect.left, boxRect.left);
        const drawnAs: DrawnLine = {
          ruleId: finding.ruleId,
          severity: finding.severity,
          point,
          left: point ? left - 1 : left,
          top: point ? rect.top : rect.bottom - 1,
          width: point ? 0 : Math.min(rect.right, boxRect.right) - left,
          height: point ? rect.height : 0,
        };
        if (line.hidden || !sameLine(this.drawnAs[used], drawnAs)) {
          line.dataset.ruleId = finding.ruleId;
          line.dataset.severity = finding.severity;
          line.classList.toggle('point', point);
          Object.assign(line.style, {
            left: `${drawnAs.left}px`,
            top: `${drawnAs.top}px`,
            width: point ? '' : `${drawnAs.width}px`,
            height: point ? `${drawnAs.height}px` : '',
          });
          line.hidden = false;
          this.drawnAs[used] = drawnAs;
        }
        used += 1;
      }
    }
    this.hideFrom(used);
  }

  /**
   * The first finding that may show in the box: all of them when there are few; else found by
   * halving (text order is top-to-bottom order), so a long post's findings above the box are
   * not each measured on every redraw and scroll.
   */
  private firstInView(findings: readonly Finding[], model: BoxTextModel, top: number): number {
    if (findings.length <= MEASURE_ALL) return 0;
    let lo = 0;
    let hi = findings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const rects = measure(findings[mid]!, model);
      // A finding with nothing to measure (in a collapsed part) counts as below the top.
      const bottom = rects.length > 0 ? rects[rects.length - 1]!.bottom : Infinity;
      if (bottom <= top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private hideFrom(used: number): void {
    for (let i = used; i < this.elements.length; i += 1) {
      const line = this.elements[i]!;
      if (!line.hidden) line.hidden = true;
    }
  }

  /** The finding under a point of the viewport, for hover. */
  findingAt(x: number, y: number): Finding | undefined {
    for (const { finding, rects } of this.drawn) {
      if (rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 2))
        return finding;
    }
    return undefined;
  }

  /** Where a finding's first mark is, to place its card beside it. */
  firstRectOf(finding: Finding): DOMRect | undefined {
    return this.drawn.find((drawn) => drawn.finding === finding)?.rects[0];
  }

  private create(): HTMLDivElement {
    const line = el(this.layer.ownerDocument, 'div', { class: 'underline', 'aria-hidden': 'true' });
    this.layer.insertBefore(line, this.before);
    this.elements.push(line);
    return line;
  }

  remove(): void {
    for (const line of this.elements) line.remove();
  }
}
