import type { BoxTextModel } from './types';
import { selectionPointIn } from './dom';

/** How a contenteditable editor lays out its text: its blocks, and nodes that are not text. */
export interface BlockLayout {
  /** The blocks (lines or paragraphs) of the editor, in order. */
  blocks(box: HTMLElement): Element[];
  /** Elements inside a block whose text is not part of the post (cursors, placeholders). */
  isIgnored(element: Element): boolean;
}

/** A run of the model text that lives in one DOM text node. */
interface Segment {
  node: Text;
  /** Offset of the node's first character in the model text. */
  start: number;
}

/** A DOM position (node and offset) as the Selection and Range APIs take it. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * The plain text of a compose box as the checker sees it, with a map back to the DOM.
 * Blocks are joined by "\n", and a <br> inside a block is a "\n" too, except the trailing
 * one editors keep so that an empty line has height.
 */
export class TextModel implements BoxTextModel {
  private constructor(
    private readonly box: HTMLElement,
    readonly text: string,
    private readonly segments: Segment[],
    private readonly blockStarts: { start: number; element: Element }[],
  ) {}

  static read(box: HTMLElement, driver: BlockLayout): TextModel {
    const parts: string[] = [];
    const segments: Segment[] = [];
    const blockStarts: { start: number; element: Element }[] = [];
    let length = 0;
    const blocks = driver.blocks(box);
    blocks.forEach((block, index) => {
      if (index > 0) {
        parts.push('\n');
        length += 1;
      }
      blockStarts.push({ start: length, element: block });
      const walker = block.ownerDocument.createTreeWalker(block, 0x1 | 0x4 /* element | text */, {
        acceptNode: (node) =>
          node.nodeType === 1 && driver.isIgnored(node as Element) ? 2 /* reject */ : 1,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === 3) {
          const value = (node as Text).data;
          if (value.length === 0) continue;
          segments.push({ node: node as Text, start: length });
          parts.push(value);
          length += value.length;
        } else if ((node as Element).tagName === 'BR' && !isTrailingBreak(node as Element, block)) {
          parts.push('\n');
          length += 1;
        }
      }
    });
    return new TextModel(box, parts.join(''), segments, blockStarts);
  }

  /** The DOM position of a model offset; at a line boundary, the end of the line before it. */
  pointAt(offset: number, bias: 'before' | 'after' = 'before'): DomPoint | undefined {
    // Offsets from a check of other text (the person typed on) must not land somewhere else.
    if (offset < 0 || offset > this.text.length) return undefined;
    const segments = this.segments;
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid]!.start <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found >= 0) {
      const segment = segments[found]!;
      const within = offset - segment.start;
      const previous = segments[found - 1];
      if (within === 0 && bias === 'before' && previous) {
        // The boundary between two nodes: a range that ends here ends in the earlier one.
        if (previous.start + previous.node.data.length === offset)
          return { node: previous.node, offset: previous.node.data.length };
      }
      if (within < segment.node.data.length) return { node: segment.node, offset: within };
      if (within === segment.node.data.length) {
        // The end of this node; with "after" bias prefer the start of the next node.
        const next = segments[found + 1];
        if (bias === 'after' && next && next.start === offset)
          return { node: next.node, offset: 0 };
        return { node: segment.node, offset: within };
      }
    }
    // Past every text node of a block (an empty line, or after a <br>): use the block itself.
    const block = [...this.blockStarts].reverse().find((b) => b.start <= offset);
    if (block) return { node: block.element, offset: 0 };
    return undefined;
  }

  /** A DOM Range covering `[start, end)` of the model text. */
  rangeOf(start: number, end: number): Range | undefined {
    const from = this.pointAt(start, 'after');
    const to = this.pointAt(end, 'before');
    if (!from || !to) return undefined;
    const range = from.node.ownerDocument!.createRange();
    range.setStart(from.node, from.offset);
    if (end <= start) range.collapse(true);
    else range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The boxes of `[start, end)` on screen, one per line it spans. Measured per text node:
   * a range over whole elements would also report the elements' own boxes.
   */
  lineRects(start: number, end: number): DOMRect[] {
    const rects: DOMRect[] = [];
    const segments = this.segments;
    // The first segment that ends after `start`: segments are in text order, and a post of
    // many paragraphs has hundreds, each finding on a redraw measured through them all.
    let low = 0;
    let high = segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const segment = segments[mid]!;
      if (segment.start + segment.node.data.length <= start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < segments.length; i += 1) {
      const segment = segments[i]!;
      if (segment.start >= end) break;
      const length = segment.node.data.length;
      const from = Math.max(start, segment.start);
      const to = Math.min(end, segment.start + length);
      if (to <= from) continue;
      const range = segment.node.ownerDocument.createRange();
      range.setStart(segment.node, from - segment.start);
      range.setEnd(segment.node, to - segment.start);
      for (const rect of range.getClientRects()) if (rect.width > 0) rects.push(rect);
    }
    return mergeByLine(rects);
  }

  caretRect(offset: number): DOMRect | undefined {
    const rect = this.rangeOf(offset, offset)?.getBoundingClientRect();
    return rect && rect.height > 0 ? rect : undefined;
  }

  caretOffset(): number | undefined {
    const point = selectionPointIn(this.box);
    return point ? this.offsetOf(point.start.node, point.start.offset) : undefined;
  }

  /** The model offset of a DOM position (for the caret), or undefined when it is outside. */
  offsetOf(node: Node, offset: number): number | undefined {
    if (node.nodeType === 3) {
      const segment = this.segments.find((s) => s.node === node);
      return segment ? segment.start + Math.min(offset, segment.node.data.length) : undefined;
    }
    // An element position: the first text at or after that child.
    const child = node.childNodes[offset] ?? null;
    for (const segment of this.segments) {
      if (child ? child === segment.node || child.contains(segment.node) : false)
        return segment.start;
    }
    const owner = this.segments.filter((s) => node.contains(s.node));
    const last = owner[owner.length - 1];
    return last ? last.start + last.node.data.length : undefined;
  }
}

function isTrailingBreak(br: Element, block: Element): boolean {
  // A <br> with no text after it in its block is the editor's placeholder for line height.
  for (let node: Node | null = br; node && node !== block; node = node.parentNode) {
    for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
      if (sibling.textContent && sibling.textContent.length > 0) return false;
      if (sibling.nodeType === 1 && (sibling as Element).querySelector?.('br')) return false;
      if (sibling.nodeName === 'BR') return false;
    }
  }
  return true;
}

/** Joins rects that sit on the same line into one, left to right. */
function mergeByLine(rects: DOMRect[]): DOMRect[] {
  const lines: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const rect of rects) {
    const { top, bottom, left, right, height } = rect;
    const sameLine = (line: { top: number; bottom: number }) =>
      Math.abs(line.top - top) < height / 2 && Math.abs(line.bottom - bottom) < height / 2;
    // Rects come in text order, which is line order but for bidi text: a rect on the last
    // line or below it needs no search, and a long finding's dozens of lines would make one
    // through every line before quadratic.
    const last = lines[lines.length - 1];
    let line = last && sameLine(last) ? last : undefined;
    if (!line && last && top < last.bottom - height / 2) {
      for (let i = lines.length - 2; i >= 0 && !line; i -= 1)
        if (sameLine(lines[i]!)) line = lines[i];
    }
    if (!line) {
      lines.push({ top, bottom, left, right });
      continue;
    }
    line.left = Math.min(line.left, left);
    line.right = Math.max(line.right, right);
  }
  return lines.map(
    ({ top, bottom, left, right }) => new DOMRect(left, top, right - left, bottom - top),
  );
}
