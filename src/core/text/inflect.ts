import nlp from 'compromise/two';

/**
 * Inflections of an English word (`leak` → leaks, leaked, leaking; `child` → children), for
 * terms rules. This is the only module that touches `compromise`, so the extension can load
 * it lazily.
 *
 * Parsing each term with `nlp(term)` costs about 4 ms, i.e. 20 s for a 5,000-term pack,
 * far over the compile budget. Instead this calls compromise's own transforms directly
 * (`methods.two.transform`: its suffix models plus its irregular lexicon, such as
 * `go → went, gone`, `mouse → mice`) at about 2.5 µs a word, without tagging any text.
 */

interface Conjugation {
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}

interface Transforms {
  noun: { toPlural(word: string, model: unknown): string };
  verb: { conjugate(word: string, model: unknown): Conjugation };
}

interface World {
  model: unknown;
  methods: { two: { transform: Transforms } };
}

let world: World | undefined;

function transforms(): World {
  world ??= nlp.world() as World;
  return world;
}

/** Plain English words only: acronyms, names with digits and very short words are left alone. */
const INFLECTABLE = /^(?:\p{Ll}{3,}|\p{Lu}\p{Ll}{2,})$/u;

function withCaseOf(source: string, form: string): string {
  return /^\p{Lu}/u.test(source) ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}

/**
 * Other forms of `word`: plural, and unless `nounOnly`, -s, past tense, past participle and
 * -ing forms. The word itself is not included. Capitalised words keep their capital.
 */
export function inflections(word: string, nounOnly = false): string[] {
  if (!INFLECTABLE.test(word)) return [];
  const lower = word.toLowerCase();
  const { model, methods } = transforms();
  const forms = new Set<string>();
  try {
    forms.add(methods.two.transform.noun.toPlural(lower, model));
    if (!nounOnly) {
      const verb = methods.two.transform.verb.conjugate(lower, model);
      for (const form of [verb.PresentTense, verb.PastTense, verb.Participle, verb.Gerund]) {
        if (form) forms.add(form);
      }
    }
  } catch {
    // compromise's models are data-driven and have never thrown in our tests; if a strange
    // word ever makes them, the term still matches in its written form.
    return [];
  }
  const result: string[] = [];
  for (const form of forms) {
    // Only single words: "will leak" or a form with a space would not be one token.
    if (form && form !== lower && /^\p{Ll}+$/u.test(form)) result.push(withCaseOf(word, form));
  }
  return result;
}
