import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise/two';
import { inflectionModel, TRANSFORM_MODULE } from '@/scripts/cli-inflections.mjs';

interface Transform {
  noun: { toPlural(word: string, model: unknown): string };
  verb: { conjugate(word: string, model: unknown): Record<string, string | undefined> };
}

interface World {
  model: { one: { lexicon: Record<string, string> } };
  methods: { two: { transform: Transform } };
}

describe('the built CLI inflects as compromise does', () => {
  it('gives every word of the lexicon the same plural and verb forms', async () => {
    const world = nlp.world() as unknown as World;
    const full = world.methods.two.transform;
    // As the bundle holds it: the model as JSON, the transforms as compromise's own modules.
    const model: unknown = JSON.parse(JSON.stringify(await inflectionModel()));
    const bundled = ((await import(pathToFileURL(TRANSFORM_MODULE).href)) as { default: Transform })
      .default;
    const words = Object.keys(world.model.one.lexicon).filter((w) => /^\p{Ll}+$/u.test(w));
    expect(words.length).toBeGreaterThan(5_000);
    for (const word of [...words, 'falcon', 'leak', 'nightjar', 'roadrunner', 'go', 'mouse']) {
      expect(bundled.noun.toPlural(word, model), word).toBe(full.noun.toPlural(word, world.model));
      expect(bundled.verb.conjugate(word, model), word).toEqual(
        full.verb.conjugate(word, world.model),
      );
    }
  });
});
