import type { BoxTextModel } from './types';
import { deepActiveElement } from './dom';

/** The computed styles that decide where a textarea wraps its text and draws each character. */
const MIRRORED_STYLES = [
  'boxSizing',
  'width',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontFeatureSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'tabSize',
  'direction',
] as const;

/**
 * A `<textarea>`'s text (X's narrow layout composes in one). A textarea has no text nodes to
 * measure, so positions come from a mirror: an invisible div with the same box, font and
 * wrapping, placed over the textarea for the moment of measuring and removed again.
 */
export class TextareaModel implements BoxTextModel {
  readonly text: string;

  constructor(private readonly element: HTMLTextAreaElement) {
    this.text = element.value;
  }

  lineRects(start: number, end: number): DOMRect[] {
    if (end <= start) return [];
    return this.measure(start, end, (range) =>
      [...range.getClientRects()].filter((rect) => rect.width > 0),
    );
  }

  caretRect(offset: number): DOMRect | undefined {
    const [rect] = this.measure(offset, offset, (range) => [range.getBoundingClientRect()]);
    return rect && rect.height > 0 ? rect : undefined;
  }

  caretOffset(): number | undefined {
    if (deepActiveElement(this.element.ownerDocument) !== this.element) return undefined;
    return this.element.selectionStart ?? undefined;
  }

  private measure(start: number, end: number, read: (range: Range) => DOMRect[]): DOMRect[] {
    const doc = this.element.ownerDocument;
    const view = doc.defaultView;
    if (!view) return [];
    const style = view.getComputedStyle(this.element);
    const box = this.element.getBoundingClientRect();
    const mirror = doc.createElement('div');
    for (const property of MIRRORED_STYLES) mirror.style[property] = style[property];
    Object.assign(mirror.style, {
      position: 'fixed',
      left: `${box.left - this.element.scrollLeft}px`,
      top: `${box.top - this.element.scrollTop}px`,
      width: `${box.width}px`,
      margin: '0',
      whiteSpace: 'pre-wrap',
      overflowWrap: 'break-word',
      visibility: 'hidden',
      pointerEvents: 'none',
      borderColor: 'transparent',
    });
    // A trailing newline needs something after it to take up a line.
    const text = doc.createTextNode(`${this.text}\u200b`);
    mirror.append(text);
    doc.documentElement.append(mirror);
    try {
      const range = doc.createRange();
      range.setStart(text, Math.min(start, this.text.length));
      range.setEnd(text, Math.min(end, this.text.length));
      // Only what the textarea shows: text scrolled out of its box is not underlined.
      return read(range).filter((rect) => rect.bottom > box.top && rect.top < box.bottom);
    } finally {
      mirror.remove();
    }
  }
}
