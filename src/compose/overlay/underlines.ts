import type { Finding } from '@/src/core/findings';
import type { BoxTextModel } from '@/src/sites/types';
import { el } from './dom';

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

  constructor(
    private readonly layer: HTMLElement,
    /** The underlines go before this element, so the badge and card stay on top. */
    private readonly before: Element,
  ) {}

  draw(findings: readonly Finding[], model: BoxTextModel | undefined, boxRect: DOMRect): void {
    this.drawn = [];
    let used = 0;
    for (const finding of model ? findings : []) {
      const point = finding.end <= finding.start;
      const caret = point ? model!.caretRect(finding.start) : undefined;
      const measured = point
        ? caret
          ? [caret]
          : []
        : model!.lineRects(finding.start, finding.end);
      // Only what shows inside the box: text scrolled out of it is not marked.
      const rects = measured.filter(
        (rect) =>
          (point ? rect.height > 0 : rect.width > 0) &&
          rect.bottom > boxRect.top &&
          rect.top < boxRect.bottom,
      );
      this.drawn.push({ finding, rects });
      for (const rect of rects) {
        const line = this.elements[used] ?? this.create();
        used += 1;
        line.dataset.ruleId = finding.ruleId;
        line.dataset.severity = finding.severity;
        line.classList.toggle('point', point);
        const left = Math.max(rect.left, boxRect.left);
        line.style.left = `${point ? left - 1 : left}px`;
        line.style.top = point ? `${rect.top}px` : `${rect.bottom - 1}px`;
        line.style.width = point ? '' : `${Math.min(rect.right, boxRect.right) - left}px`;
        line.style.height = point ? `${rect.height}px` : '';
        line.hidden = false;
      }
    }
    for (let i = used; i < this.elements.length; i += 1) this.elements[i]!.hidden = true;
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
