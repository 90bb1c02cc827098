import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as analysis from '@/src/core/text/analysis';
import { paragraphs } from '@/src/core/text/analysis';
import { PARAGRAPH_MARGIN } from '@/src/core/rules/types';
import { compile, makePack } from './helpers';

/**
 * What an edit costs the paragraph rules: the checker analyses the whole text once for the
 * whole-post rules, and a paragraph with its margins only when that stretch of text is new.
 * analyseText is the one way into a text's words, so counting its calls counts the work.
 */

vi.mock('@/src/core/text/analysis', async (importOriginal) => {
  const original = await importOriginal<typeof analysis>();
  return { ...original, analyseText: vi.fn(original.analyseText) };
});

const analyseText = vi.mocked(analysis.analyseText);

const checker = compile(
  makePack({
    rules: [
      {
        id: 'tone',
        kind: 'tone',
        severity: 'info',
        message: '{match}',
        checks: ['insult', 'shouting'],
      },
    ],
  }),
);

/** Sentences enough for a paragraph longer than its margins twice over. */
function paragraph(topic: string): string {
  const sentence = `We talked about ${topic} with the team and it went well. `;
  return sentence.repeat(8).trim();
}

const PARAGRAPHS = ['routing', 'caching', 'STOP THIS NOW you idiot', 'the roadmap'].map(paragraph);
const POST = PARAGRAPHS.join('\n\n');

function analysed(): string[] {
  return analyseText.mock.calls.map(([text]) => text);
}

describe('checking after an edit', () => {
  beforeEach(() => {
    analyseText.mockClear();
  });

  it('checks every paragraph once, then only the one that changed', () => {
    const first = checker.check(POST, { network: 'linkedin' });
    expect(first.map((f) => f.match)).toEqual(
      expect.arrayContaining(['STOP THIS NOW', 'you idiot']),
    );
    // The whole text, then each paragraph with its margins.
    expect(analysed()).toHaveLength(1 + PARAGRAPHS.length);
    expect(PARAGRAPH_MARGIN * 2).toBeLessThan((PARAGRAPHS[2] as string).length);

    analyseText.mockClear();
    const pieces = paragraphs(POST);
    const third = pieces[2] as { start: number; end: number };
    const middle = Math.floor((third.start + third.end) / 2);
    const edited = `${POST.slice(0, middle)}x${POST.slice(middle)}`;
    const second = checker.check(edited, { network: 'linkedin' });
    const window = edited.slice(third.start - PARAGRAPH_MARGIN, third.end + 1 + PARAGRAPH_MARGIN);
    expect(analysed()).toEqual([edited, window]);
    expect(second.map((f) => f.match)).toEqual(first.map((f) => f.match));
  });

  it('checks only the last paragraph when typing at the end', () => {
    checker.check(POST, { network: 'linkedin' });
    analyseText.mockClear();
    const typed = `${POST} and more`;
    checker.check(typed, { network: 'linkedin' });
    const last = paragraphs(typed).at(-1) as { start: number; end: number };
    expect(analysed()).toEqual([typed, typed.slice(last.start - PARAGRAPH_MARGIN)]);
  });
});
