import { describe, expect, it } from 'vitest';
import { cardTop } from '@/src/compose/overlay/card';

const rect = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const card = { width: 336, height: 115 };

describe('where the findings card goes', () => {
  it('goes just below the finding when there is room and nothing of the site is there', () => {
    const anchor = rect(20, 100, 80, 2);
    expect(cardTop(anchor, rect(16, 90, 353, 88), [], 20, card, { width: 1024, height: 800 })).toBe(
      108,
    );
  });

  it('leaves the Post button clear: on a narrow screen it goes below the button', () => {
    // X's mobile dialog: the box at the top, the Post button under it, no room above.
    const anchor = rect(16, 45, 290, 2);
    const box = rect(16, 52, 353, 88);
    const post = rect(308, 154, 61, 31);
    const top = cardTop(anchor, box, [post], 16, card, { width: 400, height: 800 });
    expect(top).toBe(post.bottom + 6);
  });

  it('goes above the finding when below would cover the Post button', () => {
    const anchor = rect(20, 400, 80, 2);
    const post = rect(300, 420, 60, 30);
    const top = cardTop(anchor, rect(16, 300, 353, 110), [post], 20, card, {
      width: 1024,
      height: 800,
    });
    expect(top).toBe(400 - card.height - 6);
  });

  it('stays inside the viewport when no spot is clear', () => {
    const anchor = rect(0, 0, 10, 2);
    const everywhere = rect(0, 0, 400, 300);
    const top = cardTop(anchor, rect(0, 0, 400, 100), [everywhere], 0, card, {
      width: 400,
      height: 300,
    });
    expect(top).toBeGreaterThanOrEqual(8);
    expect(top + card.height).toBeLessThanOrEqual(292);
  });
});
