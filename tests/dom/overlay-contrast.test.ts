import { describe, expect, it } from 'vitest';
import { CARD_BACKGROUND, MUTED_TEXT_COLOUR, TEXT_COLOUR } from '@/src/compose/overlay/styles';
import { SEVERITY_COLOURS } from '@/src/severity-colours';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('overlay colours', () => {
  it('reach WCAG AA (4.5:1) for every severity, as text on white and behind white text', () => {
    for (const colours of [SEVERITY_COLOURS]) {
      for (const [severity, colour] of Object.entries(colours)) {
        expect(contrast(colour, '#ffffff'), severity).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('keep the card’s text readable', () => {
    expect(contrast(TEXT_COLOUR, CARD_BACKGROUND)).toBeGreaterThanOrEqual(7);
    expect(contrast(MUTED_TEXT_COLOUR, CARD_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast the WCAG way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
