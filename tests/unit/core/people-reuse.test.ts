import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as tagger from '@/src/core/nlp/tagger';
import { findPeople } from '@/src/core/nlp/people';

/**
 * What an edit costs: compromise tags only the sentences it has not seen. tagPiece is the one
 * call into compromise's tagger, so counting its calls counts the work.
 */

vi.mock('@/src/core/nlp/tagger', async (importOriginal) => {
  const original = await importOriginal<typeof tagger>();
  return { ...original, tagPiece: vi.fn(original.tagPiece) };
});

const tagPiece = vi.mocked(tagger.tagPiece);

const SENTENCES = [
  'Our team shipped the new routing service this week. ',
  'Huge thanks to Sarah Chen for leading it! ',
  'Dr. Raj Patel reviewed every change.\n\n',
  'We learned a lot about caching along the way. ',
  'More soon from Maria Lopez and the platform group.',
];
const POST = SENTENCES.join('');

function tagged(): string[] {
  return tagPiece.mock.calls.map(([text]) => text);
}

describe('finding names after an edit', () => {
  beforeEach(() => {
    tagPiece.mockClear();
  });

  it('tags each sentence once, then only the sentence that changed', () => {
    const first = findPeople(POST);
    expect(tagged()).toEqual(SENTENCES);
    expect(first.map((p) => POST.slice(p.start, p.end))).toEqual([
      'Sarah Chen',
      'Dr. Raj Patel',
      'Maria Lopez',
    ]);

    // A new sentence after the last: the last one now ends in a space, which is part of it.
    tagPiece.mockClear();
    findPeople(`${POST} Thanks`);
    expect(tagged()).toEqual([`${SENTENCES[4]} `, 'Thanks']);

    tagPiece.mockClear();
    const typed = `${POST} Thanks to`;
    const after = findPeople(typed);
    expect(tagged()).toEqual(['Thanks to']);
    expect(after).toEqual(tagger.findPeopleWhole(typed));

    tagPiece.mockClear();
    const middle = POST.replace('caching', 'caching and Bob Smith');
    const edited = findPeople(middle);
    expect(tagged()).toEqual([SENTENCES[3]?.replace('caching', 'caching and Bob Smith')]);
    expect(edited).toEqual(tagger.findPeopleWhole(middle));
  });

  it('tags nothing for a text it has answered, or one made of sentences it has seen', () => {
    findPeople(POST);
    tagPiece.mockClear();
    findPeople(POST);
    const reordered = [SENTENCES[1], SENTENCES[0], SENTENCES[2]].join('');
    findPeople(reordered);
    expect(tagged()).toEqual([]);
  });
});
