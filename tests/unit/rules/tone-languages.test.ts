import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ToneCheck } from '@/src/core/pack/schema';
import { compileToneRule } from '@/src/core/rules/tone';
import { base, compileWith, run } from './helpers';

/**
 * The labelled corpora of tests/corpus-languages: each post with the tone checks it should
 * trip. Precision and recall are over (post, check) pairs, per language.
 */

interface LabelledPost {
  text: string;
  expect: ToneCheck[];
}

const CHECKS: ToneCheck[] = ['profanity', 'insult', 'shouting', 'absolutes', 'official-voice'];
const LANGUAGES = ['es', 'fr', 'de', 'pt'] as const;
const MIN_SCORE = 0.9;

const rules = new Map(
  CHECKS.map((check) => [
    check,
    compileWith(compileToneRule, { ...base, kind: 'tone', checks: [check] }),
  ]),
);

function corpus(language: string): LabelledPost[] {
  const url = new URL(`../../corpus-languages/${language}/posts.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LabelledPost[];
}

function score(posts: readonly LabelledPost[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const post of posts) {
    for (const [check, rule] of rules) {
      const found = run(rule, post.text).length > 0;
      const expected = post.expect.includes(check);
      if (found && expected) truePositives++;
      else if (found) {
        falsePositives++;
        misses.push(`unexpected ${check}: ${post.text}`);
      } else if (expected) {
        falseNegatives++;
        misses.push(`missed ${check}: ${post.text}`);
      }
    }
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    misses,
  };
}

describe.each(LANGUAGES)('tone in %s: the labelled corpus', (language) => {
  const posts = corpus(language);

  it('has at least 40 posts', () => {
    expect(posts.length).toBeGreaterThanOrEqual(40);
  });

  it(`scores a precision and a recall of at least ${MIN_SCORE}`, () => {
    const { precision, recall, misses } = score(posts);
    if (process.env.TONE_CORPUS_REPORT)
      console.log(language, { precision, recall }, misses.join('\n'));
    expect({ precision, recall, misses }).toMatchObject({
      precision: expect.toSatisfy((p: number) => p >= MIN_SCORE),
      recall: expect.toSatisfy((r: number) => r >= MIN_SCORE),
    });
  });
});
