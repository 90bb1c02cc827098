// What the built CLI uses for inflections instead of loading all of compromise/two.
//
// src/core/text/inflect.ts asks compromise for `world().methods.two.transform` (noun plurals,
// verb conjugation) and the `model` those functions read. Loading compromise/two builds its
// whole tagging lexicon first, about two thirds of the CLI's start. The transforms read only
// a little of the model: plural and uncountable lists, the suffix models, prefixes, and
// whether a participle is a known word. That part is taken here at build time, as data, and
// the transform functions are compromise's own modules; a unit test checks that the result
// inflects every word of compromise's lexicon exactly as compromise does.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** compromise's own folder (its exports map hides package.json, so walk up from its entry). */
function packageRoot() {
  let dir = path.dirname(require.resolve('compromise'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** compromise's transform functions (noun, verb, adjective), as a file path for esbuild. */
export const TRANSFORM_MODULE = path.join(
  packageRoot(),
  'src/2-two/preTagger/methods/transform/index.js',
);

/** The part of compromise/two's model that its noun and verb transforms read. */
export async function inflectionModel() {
  const { default: nlp } = await import('compromise/two');
  const { model } = nlp.world();
  const knownParticiples = Object.fromEntries(
    Object.entries(model.one.lexicon).filter(
      ([, tag]) => tag === 'Participle' || tag === 'Adjective',
    ),
  );
  return {
    one: { lexicon: knownParticiples, prefixes: model.one.prefixes ?? {} },
    two: {
      irregularPlurals: model.two.irregularPlurals,
      uncountable: model.two.uncountable,
      models: model.two.models,
    },
  };
}

/**
 * The source of the `compromise/two` stand-in, for the CLI's bundle (scripts/build-cli.mjs) and
 * the extension's (scripts/compromise-lazily.ts): compromise's transforms and the model above.
 */
export async function inflectionsModuleSource() {
  const model = JSON.stringify(await inflectionModel());
  return `import transform from ${JSON.stringify(TRANSFORM_MODULE)};
const world = { model: ${model}, methods: { two: { transform } } };
export default { world: () => world };
`;
}

/**
 * The source of the `compromise` stand-in: a function that stands for compromise and loads it on
 * its first use. `loader` is code that defines \`function load()\`, returning compromise.
 */
export function lazyCompromiseSource(loader) {
  return `${loader}
export default new Proxy(function compromise() {}, {
  apply: (_target, self, args) => Reflect.apply(load(), self, args),
  get: (_target, key) => Reflect.get(load(), key),
});
`;
}
