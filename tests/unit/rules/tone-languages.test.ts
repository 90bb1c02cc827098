import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToneCheck, ToneRule } from '@/src/core/pack/schema';
import { compileToneRule } from '@/src/core/rules/tone';
import { analyseText } from '@/src/core/text/analysis';
import { languageAt } from '@/src/core/text/language';
import { elidedWords } from '@/src/core/text/phrases';
import type { PostLanguage } from '@/src/core/text/post-languages';
import { applyEdits, base, compileWith, context, matches, run } from './helpers';

// The real detector, watched: a rule for English alone must never ask for a language.
vi.mock('@/src/core/text/language', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/src/core/text/language')>();
  return { ...real, languageAt: vi.fn(real.languageAt) };
});

/**
 * The labelled corpora of tests/corpus-languages: each post with the tone checks it should
 * trip. Precision and recall are over (post, check) pairs, per language.
 */

interface LabelledPost {
  text: string;
  expect: ToneCheck[];
}

const CHECKS: ToneCheck[] = [
  'profanity',
  'slurs',
  'insult',
  'shouting',
  'absolutes',
  'official-voice',
];
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

  // The figures are in the test's name, so that `npm test --reporter=verbose` shows them.
  const { precision, recall, misses } = score(posts);
  it(`scores a precision of ${precision.toFixed(3)} and a recall of ${recall.toFixed(3)}, at least ${MIN_SCORE} each`, () => {
    if (process.env.TONE_CORPUS_REPORT)
      console.log(language, { precision, recall }, misses.join('\n'));
    expect({ precision, recall, misses }).toMatchObject({
      precision: expect.toSatisfy((p: number) => p >= MIN_SCORE),
      recall: expect.toSatisfy((r: number) => r >= MIN_SCORE),
    });
  });
});

function toneIn(
  languages: readonly PostLanguage[],
  checks: ToneCheck[],
  fields: Partial<ToneRule> = {},
) {
  return compileWith(
    compileToneRule,
    { ...base, kind: 'tone', checks, ...fields },
    { ...context, languages },
  );
}

const ALL_CHECKS: ToneCheck[] = CHECKS;

describe('tone: only the lists of the languages in force', () => {
  const everyLanguage = (check: ToneCheck) => toneIn(['en', 'es', 'fr', 'de', 'pt'], [check]);
  const englishAndGerman = (check: ToneCheck) => toneIn(['en', 'de'], [check]);

  it.each<[ToneCheck, string, string]>([
    ['profanity', 'Scheiße, schon wieder.', 'Scheiße'],
    ['profanity', 'Oh fuck, not again.', 'fuck'],
    ['insult', 'Was für ein Idiot.', 'Was für ein Idiot'],
    ['insult', 'You idiot.', 'You idiot'],
    ['absolutes', 'Lieferung garantiert.', 'garantiert'],
    ['official-voice', 'Ich spreche im Namen von ACME.', 'im Namen von ACME'],
    ['shouting', 'DAS IST UNFASSBAR', 'DAS IST UNFASSBAR'],
  ])('%s with en and de finds %j', (check, text, match) => {
    expect(matches(englishAndGerman(check), text)).toEqual([match]);
  });

  it.each<[ToneCheck, string]>([
    ['profanity', '¡Qué mierda de día!'],
    ['profanity', 'Putain, encore une panne.'],
    ['profanity', 'Caralho, outra vez.'],
    ['insult', 'Eres un idiota.'],
    ['insult', 'Quel abruti.'],
    ['insult', 'És um idiota.'],
    ['absolutes', 'Entrega garantizada en 24 horas.'],
    ['absolutes', 'Livraison garantie partout.'],
    ['official-voice', 'Hablo en nombre de ACME.'],
    ['official-voice', 'Je parle au nom de ACME.'],
    ['official-voice', 'Falo em nome da ACME.'],
    ['shouting', 'ESTO ES INACEPTABLE'],
  ])('%s with en and de leaves %j, found with every language', (check, text) => {
    expect(matches(everyLanguage(check), text)).not.toEqual([]);
    expect(matches(englishAndGerman(check), text)).toEqual([]);
  });

  it('knows the acronyms of the languages in force only', () => {
    // URSSAF is a French name; without French it is one more shouted word.
    expect(matches(everyLanguage('shouting'), 'CONTRÔLE URSSAF')).toEqual([]);
    expect(matches(englishAndGerman('shouting'), 'CONTRÔLE URSSAF')).toEqual(['CONTRÔLE URSSAF']);
    expect(matches(englishAndGerman('shouting'), 'NEUE REGELN DSGVO')).toEqual([]);
  });

  it('reads a disclaimer in the languages in force only', () => {
    const text = 'On behalf of ACME, thanks! Opiniones propias.';
    expect(matches(everyLanguage('official-voice'), text)).toEqual([]);
    expect(matches(englishAndGerman('official-voice'), text)).toEqual(['On behalf of ACME']);
  });

  it('reads the pack’s own words in its first language when English is not in force', () => {
    const german = toneIn(['de'], ['insult', 'absolutes'], {
      add: { insult: ['Vollpfosten'], absolutes: ['bombensicher'] },
    });
    expect(matches(german, 'Was für ein Vollpfosten.')).toEqual(['Was für ein Vollpfosten']);
    expect(matches(german, 'Die Anlage ist bombensicher.')).toEqual(['bombensicher']);
    expect(matches(german, 'Die Anlage ist nicht bombensicher.')).toEqual([]);
    expect(matches(german, 'You idiot. It is guaranteed.')).toEqual([]);
  });

  it('reads German alone without English words', () => {
    const german = toneIn(['de'], ['profanity']);
    expect(matches(german, 'Scheiße, so ein Mist.')).toEqual(['Scheiße', 'Mist']);
    expect(matches(german, 'Oh shit.')).toEqual([]);
  });
});

describe('tone: a rule for English alone', () => {
  const english = toneIn(['en'], ALL_CHECKS);
  const every = toneIn(['en', 'es', 'fr', 'de', 'pt'], ALL_CHECKS);
  // Posts whose reading in the other languages needs their language: German "dick" (fat),
  // French "con" (Spanish "with"), a shouted run of Spanish short words.
  const dependOnLanguage = [
    'Er ist dick.',
    'Such a dick move.',
    'Pro. Con.',
    'ESTO ES INACEPTABLE',
    'So ein Mist.',
    'Le train est en retard.',
    'El gato negro.',
  ];

  beforeEach(() => {
    vi.mocked(languageAt).mockClear();
  });

  it('never asks for a post’s language', () => {
    for (const text of dependOnLanguage) run(every, text);
    expect(vi.mocked(languageAt).mock.calls.length).toBeGreaterThan(0);
    vi.mocked(languageAt).mockClear();
    for (const text of dependOnLanguage) run(english, text);
    expect(vi.mocked(languageAt)).not.toHaveBeenCalled();
  });

  it('reads English lists only', () => {
    expect(matches(english, 'Er ist dick.')).toEqual(['dick']);
    // Its posts are English: the checker leaves out a sentence it can tell is French.
    expect(matches(english, 'Le train est en retard.')).toEqual(['retard']);
    expect(
      matches(english, '¡Qué mierda! Eres un idiota. Garantizado. En nombre de ACME.'),
    ).toEqual([]);
    expect(matches(english, 'Shit, you idiot. Guaranteed. On behalf of ACME.')).toEqual([
      'Shit',
      'you idiot',
      'Guaranteed',
      'On behalf of ACME',
    ]);
  });
});

describe('tone in other languages: what the walk reads', () => {
  const insult = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['insult']);
  const profanity = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['profanity']);

  it.each([
    ['Tú eres un idiota.', 'Tú eres un idiota'],
    ['Du bist ein Idiot.', 'Du bist ein Idiot'],
    ['Tu és um palhaço.', 'Tu és um palhaço'],
    ['@marta eres una inútil, otra vez.', '@marta eres una inútil'],
  ])('takes the subject of a second-person verb with the insult: %j', (text, match) => {
    expect(matches(insult, text)).toEqual([match]);
  });

  it('removes the subject with the insult', () => {
    const text = 'Gracias tú eres un idiota.';
    const [finding] = run(insult, text);
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe('Gracias.');
  });

  it.each([
    'Quel idiot, je suis en retard.',
    'Was für ein Idiot, ich habe den Zug verpasst.',
    'Qué idiota, soy un desastre con las contraseñas.',
    'Que idiota, sou um desastre com senhas.',
  ])('reads a phrase said of oneself after a comma: %j', (text) => {
    expect(matches(insult, text)).toEqual([]);
  });

  it('still finds an insult aimed at someone before such a phrase', () => {
    expect(matches(insult, 'Tu es un idiot, je suis ton chef.')).toEqual(['Tu es un idiot']);
  });

  it('reads French "il est … de" as said of a thing', () => {
    expect(matches(insult, 'Il est inutile de relancer le serveur.')).toEqual([]);
    expect(matches(insult, "Il est inutile d'insister.")).toEqual([]);
    expect(matches(insult, 'Il est inutile, ce stagiaire.')).toEqual(['Il est inutile']);
  });

  it('finds an insult word before what it belongs to ("von der", "da")', () => {
    expect(matches(insult, 'Diese Trottel von der Konkurrenz.')).toEqual(['Diese Trottel']);
    expect(matches(insult, 'Esses palhaços da concorrência.')).toEqual(['Esses palhaços']);
  });

  it('counts a word rude in one language only with that language’s words near it', () => {
    // The detector calls these short English sentences German.
    expect(matches(profanity, 'Mist and rain all day in Seattle.')).toEqual([]);
    expect(matches(profanity, 'Heavy mist, drive carefully.')).toEqual([]);
    expect(matches(profanity, 'Mist, der Zug ist weg.')).toEqual(['Mist']);
  });

  it('asks the same of such a word’s forms and of the compounds built on it', () => {
    // "fickle" is built on German "fick", "mists" is a form of "mist": English words both.
    expect(matches(profanity, 'Customers are fickle, so we ship every week.')).toEqual([]);
    expect(matches(profanity, 'The fickleness of the market surprised us.')).toEqual([]);
    expect(matches(profanity, 'Heavy mists this morning, drive carefully.')).toEqual([]);
    expect(
      matches(profanity, 'Ich hab keinen Bock auf diesen Fickfehler im System, echt nicht.'),
    ).toEqual(['Fickfehler']);
    // English swears with "pisses" too, whatever German's "pisse" needs.
    expect(matches(profanity, 'He pisses me off every single day.')).toEqual(['pisses']);
  });

  it('knows innocent phrases and words the lists lacked', () => {
    expect(matches(profanity, 'En el estanque vimos una polla de agua.')).toEqual([]);
    expect(matches(profanity, "Le cul-de-sac derrière l'entrepôt est fermé.")).toEqual([]);
    expect(matches(profanity, 'Estoy hasta los cojones.')).toEqual(['cojones']);
    const absolutes = toneIn(['de'], ['absolutes']);
    expect(matches(absolutes, 'Das ist keineswegs garantiert.')).toEqual([]);
  });
});

describe('tone: slurs that are everyday words in another language', () => {
  const slurs = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['slurs'], { severity: 'error' });

  beforeEach(() => {
    vi.mocked(languageAt).mockClear();
  });

  it.each([
    'Le train est arrivé en retard ce matin à Lyon.',
    'En retard !',
    'À plus tard, trop tard pour ce soir.',
    'Quel idiot de retard.',
    'El gato negro duerme en el sofá.',
    'o gato negro',
    'Os gatos negros dormem.',
    'Café negro, por favor.',
    'Toco el fagot en la orquesta.',
    'Yo armo el mueble.',
    'Mein Abo ist abgelaufen.',
    'Mon abo Netflix est à renouveler.',
    'Die Maus ist kaputt.',
    'Frisches Kraut vom Markt.',
    'Er wog 80 Kilo.',
    'Boschs Umsatz stieg.',
    'Que mau tempo hoje.',
    'Vi uma macaca no zoológico.',
    'Eu sambo todo sábado.',
    'Je vis à Castelnau-le-Lez.',
  ])('leaves %j, innocent in its language', (text) => {
    expect(matches(slurs, text)).toEqual([]);
  });

  it.each([
    ['You retard.', 'retard'],
    ['Shut up, retard.', 'retard'],
    ['He is such a retard lol', 'retard'],
    ['Stop being a tard', 'tard'],
    ['dirty krauts', 'krauts'],
    ['Go home you kraut', 'kraut'],
    ['Trop tard. You retard.', 'retard'],
  ])('still flags %j, English, at the rule’s severity', (text, match) => {
    const findings = run(slurs, text);
    expect(findings.map((f) => f.match)).toEqual([match]);
    expect(findings[0]?.severity).toBe('error');
  });

  it('flags the slurs of the other languages in any sentence', () => {
    expect(matches(slurs, 'Sales nègres.')).toEqual(['nègres']);
    expect(matches(slurs, 'Dieser Kanake.')).toEqual(['Kanake']);
  });

  it('reads the sentence, not its neighbours: "Trop tard." is French before English', () => {
    expect(matches(slurs, 'Trop tard. You know what I mean.')).toEqual([]);
  });

  it('asks for the language only for a listed everyday word', () => {
    run(slurs, 'You absolute spic, the faggots.');
    expect(vi.mocked(languageAt)).not.toHaveBeenCalled();
  });

  it('reports a word whose language cannot be told at warning, never holding the post', () => {
    // A word alone: neither its own words nor the detector tell its language.
    vi.mocked(languageAt).mockReturnValueOnce(undefined);
    const [finding] = run(slurs, 'negro');
    expect(finding).toMatchObject({ match: 'negro', severity: 'warning' });
    const warning = toneIn(['en', 'es'], ['slurs'], { severity: 'info' });
    vi.mocked(languageAt).mockReturnValueOnce(undefined);
    expect(run(warning, 'negro')[0]?.severity).toBe('info');
  });

  it('reads the words in the languages a rule is in force for', () => {
    const german = toneIn(['de'], ['slurs']);
    expect(matches(german, 'Mein Abo ist abgelaufen.')).toEqual([]);
    expect(matches(german, 'Go home you kraut')).toEqual(['kraut']);
  });
});

describe('tone: insults after an exclamative opener, aimed at someone named after them', () => {
  const insult = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['insult']);

  it.each([
    ['Quel abruti ce client', 'Quel abruti'],
    ['Quelle idiote, cette cliente', 'Quelle idiote'],
    ['Quelle idiote cette cliente.', 'Quelle idiote'],
    ['Quel abruti ce Marc, encore en retard.', 'Quel abruti'],
    ['Qué idiota ese cliente', 'Qué idiota'],
    ['Qué imbécil el tipo del almacén.', 'Qué imbécil'],
    ['Qué payaso Juan, siempre tarde.', 'Qué payaso'],
    ['Was für ein Idiot, dieser Kunde', 'Was für ein Idiot'],
    ['Was für ein Idiot dieser Kunde.', 'Was für ein Idiot'],
    ['Que idiota esse cliente', 'Que idiota'],
    ['Que palhaço o gerente da loja.', 'Que palhaço'],
    ['What an idiot that customer is', 'What an idiot'],
    ['What an idiot John is.', 'What an idiot'],
    ['Il est nul ce client.', 'Il est nul'],
  ])('finds %j', (text, match) => {
    expect(matches(insult, text)).toEqual([match]);
  });

  it.each([
    'Quel idiot je suis',
    'Quel idiot je suis, encore en retard.',
    'Qué idiota soy',
    'Que idiota eu sou',
    'Was für ein Idiot ich bin',
    // A time, not a person: said of oneself, or of no one.
    "Quel idiot ce matin, j'ai oublié mes clés.",
    'Qué idiota esta mañana, me dejé las llaves.',
    'Qué idiota esta vez.',
    'Was für ein Idiot diesen Morgen.',
    'Que idiota esta manhã, deixei as chaves.',
    // "ce que": no noun after the demonstrative.
    'Quel idiot ce que je suis.',
    // "de mí", "da minha parte": of oneself.
    'Qué idiota de mí, olvidé las llaves.',
    'Que idiota da minha parte, esqueci a senha.',
    'Quel idiot de moi.',
  ])('leaves %j', (text) => {
    expect(matches(insult, text)).toEqual([]);
  });

  it('reads "quel idiot de" as said of the noun after it, a person or a thing', () => {
    expect(matches(insult, 'Quel idiot de chauffeur, il a grillé le feu.')).toEqual(['Quel idiot']);
    // "Retard" is a delay here, not a slur; calling it an idiot is still a rude word, and
    // the walk cannot tell a delay from a driver.
    expect(matches(insult, 'Quel idiot de retard.')).toEqual(['Quel idiot']);
  });

  it('removes the insult and leaves whom it named', () => {
    const text = 'Quel abruti ce client.';
    const [finding] = run(insult, text);
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe('ce client.');
  });
});

describe('tone: words after a French elision', () => {
  const profanity = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['profanity']);

  it.each([
    ["Espèce d'enfoiré, rends-moi mon vélo.", 'enfoiré'],
    ['Bande d’enculés.', 'enculés'],
    ["C'est l'enfoiré du coin.", 'enfoiré'],
  ])('finds the word in %j without its elision', (text, match) => {
    expect(matches(profanity, text)).toEqual([match]);
  });

  it('removes the elision with the word', () => {
    const text = "Espèce d'enfoiré, rends-moi mon vélo.";
    const [finding] = run(profanity, text);
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe(
      'Espèce, rends-moi mon vélo.',
    );
  });

  it('reads no other apostrophe as an elision', () => {
    expect(matches(profanity, "D'accord, aujourd'hui on livre.")).toEqual([]);
    // "D'" is an elision (word 0); the apostrophe inside "aujourd'hui" (word 2) is not.
    const elided = elidedWords(analyseText("D'accord, aujourd'hui on livre."));
    expect([...elided]).toEqual([[0, 2]]);
  });

  it('finds promises and disclaimers behind an elision', () => {
    const absolutes = toneIn(['fr'], ['absolutes']);
    expect(matches(absolutes, "L'infaillible méthode ACME.")).toEqual(['infaillible']);
    const voice = toneIn(['fr'], ['official-voice']);
    expect(matches(voice, 'Au nom de ACME, merci.')).not.toEqual([]);
    expect(matches(voice, "Au nom de ACME, merci. Je ne parle qu'à titre personnel.")).toEqual([]);
  });
});

describe('tone: a pack’s own promises in its languages', () => {
  const promises = toneIn(['en', 'es', 'fr', 'de', 'pt'], ['absolutes'], {
    add: {
      absolutes: [
        'guaranteed delivery',
        'entrega garantizada',
        'livraison garantie',
        'Lieferung garantiert',
        'entrega garantida',
      ],
    },
  });

  it.each([
    'There is no guaranteed delivery on Sundays.',
    'No hay entrega garantizada en las islas.',
    'Pas de livraison garantie le dimanche.',
    'Keine Lieferung garantiert am Sonntag.',
    'Não há entrega garantida aos domingos.',
    'No tenemos entrega garantizada en las islas.',
    'Não temos entrega garantida aos domingos.',
  ])('reads each with the negation of the sentence it stands in: nothing in %j', (text) => {
    expect(matches(promises, text)).toEqual([]);
  });

  it.each([
    ['Guaranteed delivery on Sundays.', 'Guaranteed delivery'],
    ['Entrega garantizada en 24 horas.', 'Entrega garantizada'],
    ['Livraison garantie partout en France.', 'Livraison garantie'],
  ])('finds the promise itself in %j', (text, match) => {
    expect(matches(promises, text)).toEqual([match]);
  });
});
