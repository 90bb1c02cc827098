import { describe, expect, it } from 'vitest';
import type { Finding } from '@/src/core/findings';
import type { BoxTextModel } from '@/src/sites/types';
import { Underlines } from '@/src/compose/overlay/underlines';
import { nightjarAt } from './findings';

/**
 * A box's text laid out as a typewriter would: 50 characters a line, 20 px a line, the first
 * line's top where the box's scroll puts it; it counts what was measured.
 */
function typewriter(text: string, firstLineTop = 0): BoxTextModel & { measured: number } {
  const rectOf = (start: number, end: number) => {
    const line = Math.floor(start / 50);
    const left = (start % 50) * 8;
    return new DOMRect(left, firstLineTop + line * 20, Math.max(1, (end - start) * 8), 18);
  };
  const model = {
    text,
    measured: 0,
    lineRects(start: number, end: number) {
      model.measured += 1;
      return [rectOf(start, end)];
    },
    caretRect(offset: number) {
      model.measured += 1;
      return new DOMRect((offset % 50) * 8, firstLineTop + Math.floor(offset / 50) * 20, 0, 18);
    },
    caretOffset: () => undefined,
  };
  return model;
}

function termsAt(starts: number[]): Finding[] {
  return starts.map((start) => nightjarAt(start));
}

function setup() {
  document.body.replaceChildren();
  const layer = document.createElement('div');
  const badge = document.createElement('div');
  layer.append(badge);
  document.body.append(layer);
  return { layer, underlines: new Underlines(layer, badge) };
}

const shownTops = (layer: HTMLElement) =>
  [...layer.querySelectorAll<HTMLElement>('.underline:not([hidden])')].map((line) =>
    Number.parseFloat(line.style.top),
  );

describe('underlines', () => {
  it('marks each finding inside the box, and none scrolled out of it', () => {
    const { layer, underlines } = setup();
    const model = typewriter('x'.repeat(500));
    // Lines 0 to 9; the box shows lines 2 to 5 (40 to 120 px).
    underlines.draw(termsAt([0, 100, 150, 250, 400]), model, new DOMRect(0, 40, 400, 80));
    expect(shownTops(layer)).toEqual([57, 77, 117]);
  });

  it("measures only the findings around the box's window in a long paste, and draws the same", () => {
    const { layer, underlines } = setup();
    // 30,000 characters, a finding every 60: 500 findings over 600 lines (12,000 px), the box
    // (100 to 300 px in the window) scrolled 4,000 px down its text.
    const model = typewriter('x'.repeat(30_000), -3_900);
    const findings = termsAt(Array.from({ length: 500 }, (_, i) => i * 60));
    const box = new DOMRect(0, 100, 400, 200);
    underlines.draw(findings, model, box);
    const expected = findings
      .map((f) => -3_900 + Math.floor(f.start / 50) * 20 + 17)
      .filter((top) => top - 17 + 18 > box.top && top - 17 < box.bottom);
    expect(shownTops(layer)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
    // A search down to the box and the findings in it, not all 500.
    expect(model.measured).toBeLessThan(40);
  });
});

describe('underlines redrawn after a key', () => {
  it('write only the lines that moved: a long finding typed on at its end leaves the rest alone', () => {
    const { layer, underlines } = setup();
    const box = new DOMRect(0, 0, 400, 400);
    // A finding over ten lines (the part of a post past the limit), a term after it.
    const long = { ...nightjarAt(0), ruleId: 'length', end: 500, match: 'x'.repeat(500) };
    const model = {
      ...typewriter('x'.repeat(600)),
      lineRects: (start: number, end: number) =>
        Array.from(
          { length: Math.ceil(end / 50) - Math.floor(start / 50) },
          (_, i) => new DOMRect(0, (Math.floor(start / 50) + i) * 20, 400, 18),
        ),
    };
    underlines.draw([long, nightjarAt(520)], model, box);
    expect(shownTops(layer)).toHaveLength(11);
    const observer = new MutationObserver(() => undefined);
    observer.observe(layer, { subtree: true, attributes: true });
    const written = () => new Set(observer.takeRecords().map((record) => record.target)).size;
    underlines.draw([long, nightjarAt(520)], model, box);
    expect(written()).toBe(0);
    // The long finding grows by two lines (the term's line is now its own) and the term moves
    // down one: the first ten lines are not written again, the three after them are.
    underlines.draw([{ ...long, end: 551 }, nightjarAt(560)], model, box);
    expect(written()).toBe(3);
    observer.disconnect();
    expect(shownTops(layer)).toHaveLength(13);
  });
});
