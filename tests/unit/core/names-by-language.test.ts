import { describe, expect, it } from 'vitest';
import { compileEntitiesRule } from '@/src/core/rules/entities';
import {
  evidenceOf,
  findNamesByLexicon,
  otherLanguageOf,
  type OtherLanguage,
} from '@/src/core/nlp/lexicon-names';
import { findPeople } from '@/src/core/nlp/people';
import { findPeopleWhole } from '@/src/core/nlp/tagger';
import { POST_LANGUAGES } from '@/src/core/text/post-languages';
import { base, compileWith, context, matches } from '../rules/helpers';

/**
 * Names in sentences in Spanish, French, German and Portuguese come from compromise's lexicon
 * of first names, not from its English tagger (nlp/lexicon-names.ts), when the rule reads
 * posts in those languages; English sentences, and every sentence of an English-only rule,
 * are tagged by compromise as before.
 */

const names = (text: string, found: { start: number; end: number }[]) =>
  found.map((name) => text.slice(name.start, name.end));

/** Each text's names by the lexicon, read in its language, are the expected ones. */
function expectLexiconNames(
  cases: readonly (readonly [text: string, language: OtherLanguage, expected: readonly string[]])[],
): void {
  for (const [text, language, expected] of cases)
    expect(names(text, findNamesByLexicon(text, language)), text).toEqual(expected);
}

describe('names by the lexicon', () => {
  it('finds first names with their surnames and particles, accents or not', () => {
    const text =
      'Hoy María de la Cruz y José Luis Rodríguez presentaron con Ana la nueva versión en Madrid.';
    expect(names(text, findNamesByLexicon(text, 'es'))).toEqual([
      'María de la Cruz',
      'José Luis Rodríguez',
      'Ana',
    ]);
    const french = 'Quel abruti ce Marc, il a encore oublié la réunion.';
    expect(names(french, findNamesByLexicon(french, 'fr'))).toEqual(['Marc']);
    const german = 'Nur Jonas Weber kam zum Termin.';
    expect(names(german, findNamesByLexicon(german, 'de'))).toEqual(['Jonas Weber']);
  });

  it('finds a surname after a title, the title included, as compromise does in English', () => {
    expectLexiconNames([
      ['Herr Schmidt hat heute unseren Kunden angerufen.', 'de', ['Herr Schmidt']],
      ['Gestern hat Frau Dr. Keller die Ergebnisse vorgestellt.', 'de', ['Frau Dr. Keller']],
      ['Frau Anna Schmidt kommt morgen.', 'de', ['Frau Anna Schmidt']],
      ['Ayer la Sra. García nos explicó el plan.', 'es', ['Sra. García']],
      ['Hier, Mme Dubois a présenté les résultats.', 'fr', ['Mme Dubois']],
      ['M. Martin a appelé le client ce matin.', 'fr', ['M. Martin']],
      ['Ontem o Sr. Silva ligou para o cliente.', 'pt', ['Sr. Silva']],
      ['Frau und Mann kamen gemeinsam, der Herr der Ringe lief.', 'de', []],
      ['Frau, kommen Sie bitte.', 'de', []],
    ]);
  });

  it('finds a title in running text, and an office between it and the name', () => {
    expectLexiconNames([
      ['Hoy la señora García visitó la planta.', 'es', ['señora García']],
      ['Ayer el sr. López firmó el pedido.', 'es', ['sr. López']],
      ['Ontem a sra. Costa ligou.', 'pt', ['sra. Costa']],
      ['La señora ministra García visitó la planta.', 'es', ['señora ministra García']],
      ['Merci monsieur Martin pour votre aide.', 'fr', ['monsieur Martin']],
      ['Merci à Madame la Ministre Dupont pour sa visite.', 'fr', ['Madame la Ministre Dupont']],
      ['Monsieur le Maire a inauguré le site.', 'fr', []],
      ['Monsieur le Chat Botté est un conte.', 'fr', []],
      ['A dona Maria da Silva ligou.', 'pt', ['dona Maria da Silva']],
      ['Frau Ministerin Schulze kam.', 'de', ['Frau Ministerin Schulze']],
      // An office alone is nobody's name; "a dona da loja" is the shop's owner.
      ['Herr Bürgermeister hat das Büro eröffnet.', 'de', []],
      ['A dona da loja ligou.', 'pt', []],
    ]);
  });

  it('finds the surname after a word for a client, a patient or a colleague', () => {
    expectLexiconNames([
      ['Der Kunde Müller hat heute angerufen und sich bedankt.', 'de', ['Müller']],
      ['Ayer el cliente García nos llamó para dar las gracias.', 'es', ['García']],
      ['Hier le client Dupont nous a appelés pour remercier.', 'fr', ['Dupont']],
      ['Ontem o cliente Silva ligou para agradecer.', 'pt', ['Silva']],
      ['Mi compañero Gutiérrez lo revisó ayer.', 'es', ['Gutiérrez']],
      ['Ma collègue Lefèvre a tout relu.', 'fr', ['Lefèvre']],
      // A kind of client, or the plural, names nobody.
      ['El cliente Premium recibe más.', 'es', []],
      ['Der Kunde Service ist toll.', 'de', []],
      ['Unsere Kunden Feedback war toll.', 'de', []],
    ]);
  });

  it('takes no everyday word, lower-case word, handle or place for a name', () => {
    for (const [text, language] of [
      ['Du bist kein Idiot, nur weil du fragst.', 'de'],
      ['Im Namen des Unternehmens danke ich allen Kunden.', 'de'],
      ['O pinto do galinheiro da fazenda nasceu ontem.', 'pt'],
      ['Achei uma concha linda na praia de Búzios.', 'pt'],
      ['@marta eres una inútil, otra vez el mismo error.', 'es'],
      ['Nuestra pyme cumple el RGPD y factura con IVA incluido.', 'es'],
      ['Buscamos conductores en Sevilla y Málaga.', 'es'],
    ] as const) {
      expect(findNamesByLexicon(text, language), text).toEqual([]);
    }
  });
});

describe('which sentences go to the lexicon', () => {
  it("goes by the sentence's everyday words, among the languages in force", () => {
    const spanish = evidenceOf('Mario viene con nosotros a la feria de Lyon.');
    expect(otherLanguageOf(spanish, POST_LANGUAGES)).toBe('es');
    expect(otherLanguageOf(spanish, ['en', 'de'])).toBeUndefined();
    const english = evidenceOf('Thanks to Dana Okafor and the team for the launch of the app.');
    expect(otherLanguageOf(english, POST_LANGUAGES)).toBeUndefined();
    // One word is not evidence: "de" alone does not make a sentence Spanish.
    expect(otherLanguageOf(evidenceOf('Ask Maria about it.'), POST_LANGUAGES)).toBeUndefined();
  });

  it('names in an English post are compromise’s, with the other languages in force or not', () => {
    const text =
      'Huge thanks to Sarah Chen for leading it!\n\nDr. Raj Patel reviewed every change. Más tarde, Juan y Marta lo probaron con el equipo.';
    expect(findPeople(text)).toEqual(findPeopleWhole(text));
    const routed = names(text, findPeople(text, POST_LANGUAGES));
    expect(routed.slice(0, 2)).toEqual(['Sarah Chen', 'Dr. Raj Patel']);
    // The Spanish sentence's names come from the lexicon: the people, not "Más".
    expect(routed.slice(2)).toEqual(['Juan', 'Marta']);
    // An English-only rule tags every sentence, as before.
    expect(findPeople(text, ['en'])).toEqual(findPeopleWhole(text));
  });

  it('reads a sentence too short to tell with its neighbours, when they agree', () => {
    // "O pinto nasceu." has one everyday word; compromise takes "O pinto" for a person.
    const portuguese =
      'Hoje foi um dia muito bom na fazenda com a equipe. O pinto nasceu. Amanhã vamos ver se tudo está bem.';
    expect(names(portuguese, findPeopleWhole(portuguese))).toEqual(['O pinto']);
    expect(findPeople(portuguese, POST_LANGUAGES)).toEqual([]);
    // Between an English and a Spanish sentence, a short one goes to compromise.
    const mixed =
      'Huge thanks to the team for all of it. Dr. Raj Patel reviewed every change. Más tarde lo probaron con el equipo.';
    expect(names(mixed, findPeople(mixed, POST_LANGUAGES))).toEqual(['Dr. Raj Patel']);
  });

  it('reaches the entities rule: "nur" is no person in a German post, a client is in an English one', () => {
    const rule = compileWith(compileEntitiesRule, {
      ...base,
      kind: 'entities',
      entities: ['person'],
    });
    expect(
      matches(rule, 'Du bist nicht dumm, nur müde. Ich spreche nicht für ACME, nur für mich.'),
    ).toEqual([]);
    expect(matches(rule, 'Heute hat Jonas Weber die neue Version vorgestellt.')).toEqual([
      'Jonas Weber',
    ]);
    expect(matches(rule, 'Our client Dana Whitfield loved the launch.')).toEqual([
      'Dana Whitfield',
    ]);
    const englishOnly = compileWith(
      compileEntitiesRule,
      { ...base, kind: 'entities', entities: ['person'] },
      { ...context, languages: ['en'] },
    );
    // A pack for English alone reads every sentence with compromise, as it always did.
    expect(matches(englishOnly, 'Du bist nicht dumm, nur müde.')).toEqual(
      names('Du bist nicht dumm, nur müde.', findPeopleWhole('Du bist nicht dumm, nur müde.')),
    );
  });
});
