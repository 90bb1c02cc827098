import { describe, expect, it } from 'vitest';
import { linkScores, phoneScore } from '../../eval/entities';
import { caseScore, innocentScore, listScores } from '../../eval/tone';

/**
 * The detectors against the labelled sets in tests/data, held to the targets of issue 14.
 * `npm run eval` prints the same figures with what was missed and what was extra.
 */
describe('labelled sets: entities', () => {
  it('finds phone numbers with recall ≥ 0.95 and precision ≥ 0.98', () => {
    const phones = phoneScore();
    expect(phones.expected).toBeGreaterThan(50);
    expect(phones.recall).toBeGreaterThanOrEqual(0.95);
    expect(phones.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('cuts ≥ 95% of links and emails exactly, with ≤ 5% false links on not-links', () => {
    const { links, emails, falseLinks } = linkScores();
    expect(links.recall).toBeGreaterThanOrEqual(0.95);
    expect(links.precision).toBeGreaterThanOrEqual(0.95);
    expect(emails.recall).toBeGreaterThanOrEqual(0.95);
    expect(falseLinks.texts).toBeGreaterThan(30);
    expect(falseLinks.rate).toBeLessThanOrEqual(0.05);
  });
});

describe('labelled sets: profanity and slurs', () => {
  it('finds ≥ 90% of the labelled sentences’ words, each check', () => {
    for (const check of ['profanity', 'slurs'] as const) {
      const result = caseScore(check);
      expect(result.recall, check).toBeGreaterThanOrEqual(0.9);
      expect(result.precision, check).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds ≥ 80% of the labelled list’s entries, each check', () => {
    const { profanity, slurs } = listScores();
    expect(profanity.expected).toBeGreaterThan(250);
    expect(profanity.recall).toBeGreaterThanOrEqual(0.8);
    expect(slurs.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('has no hit in the innocent sentences and ≤ 0.3% in a 270,000-word dictionary', () => {
    const innocent = innocentScore();
    expect(innocent.sentenceHits).toEqual([]);
    expect(innocent.words).toBeGreaterThan(200_000);
    expect(innocent.rate).toBeLessThanOrEqual(0.003);
  });
});
