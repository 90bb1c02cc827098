import { describe, expect, it } from 'vitest';
import { contentLanguages, contentText } from '@/src/core/content';
import { formatPackError } from '@/src/core/index';
import { allWordings, hasTranslations, localize } from '@/src/core/text/localized';
import { checkerFor, makePack, parseWith } from './helpers';

const SPANISH = 'Mañana presentamos el proyecto Halcón en la oficina de Madrid con todo el equipo.';
const FRENCH = "Demain nous présentons le projet Halcón au bureau de Paris avec toute l'équipe.";
const ENGLISH = 'Tomorrow we present project Halcón at the London office with the whole team.';

const codeName = {
  kind: 'terms',
  terms: ['Halcón'],
  message: {
    default: '{match} is a code name.',
    es: '{match} es un nombre en clave.',
    fr: '{match} est un nom de code.',
  },
};

describe('wording per language', () => {
  it('resolves a plain value, a translation and the default', () => {
    const message = { default: 'Hi', es: 'Hola' };
    expect(localize('Hi', 'es')).toBe('Hi');
    expect(localize(message, 'es')).toBe('Hola');
    expect(localize(message, 'de')).toBe('Hi');
    expect(localize(message, undefined)).toBe('Hi');
    expect(localize({ default: ['#ad'], es: ['#publi'] }, 'es')).toEqual(['#publi']);
    expect(hasTranslations('Hi')).toBe(false);
    expect(hasTranslations({ default: 'Hi' })).toBe(false);
    expect(hasTranslations(message)).toBe(true);
    expect(allWordings({ default: ['#ad'], fr: ['#pub'], es: ['#publi'] })).toEqual([
      ['#ad'],
      ['#publi'],
      ['#pub'],
    ]);
  });

  it("gives each finding its sentence's language, and the default to others", () => {
    const checker = checkerFor(codeName);
    const [spanish] = checker.check(SPANISH, { network: 'x' });
    const [french] = checker.check(FRENCH, { network: 'x' });
    const [english] = checker.check(ENGLISH, { network: 'x' });
    expect(spanish?.message).toBe('Halcón es un nombre en clave.');
    expect(french?.message).toBe('Halcón est un nom de code.');
    expect(english?.message).toBe('Halcón is a code name.');
  });

  it('words each finding of a mixed post in its own sentence', () => {
    const checker = checkerFor(codeName);
    const messages = checker
      .check(`${SPANISH}\n${FRENCH}`, { network: 'x' })
      .map((finding) => finding.message);
    expect(messages).toEqual(['Halcón es un nombre en clave.', 'Halcón est un nom de code.']);
  });

  it('uses the language asked for, whatever the post is in', () => {
    const checker = checkerFor(codeName);
    expect(checker.check(SPANISH, { network: 'x', language: 'fr' })[0]?.message).toBe(
      'Halcón est un nom de code.',
    );
    expect(checker.check(SPANISH, { network: 'x', language: 'pt' })[0]?.message).toBe(
      'Halcón is a code name.',
    );
  });

  it('words the length note in the message language', () => {
    const checker = checkerFor({
      kind: 'length',
      max: { x: 20 },
      message: { default: 'Too long.', es: 'Demasiado largo.', de: 'Zu lang.' },
    });
    expect(checker.check(SPANISH, { network: 'x' })[0]?.message).toBe(
      'Demasiado largo. (61 caracteres por encima del límite de 20)',
    );
    expect(checker.check(SPANISH, { network: 'x', language: 'de' })[0]?.message).toBe(
      'Zu lang. (61 Zeichen über der Grenze von 20)',
    );
    expect(checker.check(ENGLISH, { network: 'x' })[0]?.message).toBe(
      'Too long. (56 characters over the limit of 20)',
    );
  });
});

describe('disclosure in several languages', () => {
  const disclosure = {
    kind: 'disclosure',
    markers: {
      default: ['#ACMEemployee', 'I work at {org}'],
      es: ['#EmpleadoACME', 'trabajo en {org}'],
      de: ['ich arbeite bei {org}'],
    },
    fix: { default: ' #ACMEemployee', es: ' #EmpleadoACME' },
    message: { default: 'Say that you work at ACME.', es: 'Di que trabajas en ACME.' },
  };
  const org = { org: { name: 'ACME' } };

  it("counts any language's marker as a disclosure", () => {
    const checker = checkerFor(disclosure, org);
    const post = 'Hoy en ACME lanzamos la nueva versión de nuestra aplicación para todos.';
    expect(checker.check(`${post} Trabajo en ACME.`, { network: 'x' })).toEqual([]);
    expect(checker.check(`${post} #ACMEemployee`, { network: 'x' })).toEqual([]);
    expect(checker.check(`${post} Ich arbeite bei ACME.`, { network: 'x' })).toEqual([]);
  });

  it("offers the post's language's fix, and the default's elsewhere", () => {
    const checker = checkerFor(disclosure, org);
    const spanish = 'Hoy en ACME lanzamos la nueva versión de nuestra aplicación para todos.';
    const [finding] = checker.check(spanish, { network: 'x' });
    expect(finding?.message).toBe('Di que trabajas en ACME.');
    expect(finding?.suggestions[0]?.edits).toEqual([
      { start: spanish.length, end: spanish.length, text: ' #EmpleadoACME' },
    ]);
    const french = "Aujourd'hui chez ACME nous lançons la nouvelle version de notre application.";
    const [other] = checker.check(french, { network: 'x' });
    expect(other?.message).toBe('Say that you work at ACME.');
    expect(other?.suggestions[0]?.edits[0]?.text).toBe(' #ACMEemployee');
  });

  it("words the note about a late marker in the message's language", () => {
    const checker = checkerFor(disclosure, org);
    const spanish = `Hoy en ACME lanzamos la versión nueva. ${'Es un gran día para todos. '.repeat(9)}#EmpleadoACME`;
    const [finding] = checker.check(spanish, { network: 'linkedin' });
    expect(finding?.message).toBe(
      'Di que trabajas en ACME. "#EmpleadoACME" queda oculto tras "ver más": empieza después de los primeros 210 caracteres.',
    );
    expect(finding?.suggestions[0]?.action).toEqual({ verb: 'move-up', text: '#EmpleadoACME' });
  });
});

describe('rules limited to languages', () => {
  it("checks a rule's languages only, and a sentence whose language cannot be told", () => {
    const checker = checkerFor({ ...codeName, languages: ['es'] });
    expect(checker.check(SPANISH, { network: 'x' }).map((f) => f.match)).toEqual(['Halcón']);
    expect(checker.check(FRENCH, { network: 'x' })).toEqual([]);
    expect(checker.check(ENGLISH, { network: 'x' })).toEqual([]);
    // Two words say nothing of their language: the rule still speaks.
    expect(checker.check('Halcón mañana', { network: 'x' }).map((f) => f.match)).toEqual([
      'Halcón',
    ]);
  });

  it("takes the pack's languages as its rules' default, and a rule's own over them", () => {
    const checker = checkerFor(codeName, { languages: ['fr'] });
    expect(checker.check(SPANISH, { network: 'x' })).toEqual([]);
    expect(checker.check(FRENCH, { network: 'x' })).toHaveLength(1);
    const own = checkerFor({ ...codeName, languages: ['en', 'es'] }, { languages: ['fr'] });
    expect(own.check(SPANISH, { network: 'x' })).toHaveLength(1);
    expect(own.check(FRENCH, { network: 'x' })).toEqual([]);
  });

  it('refuses an unknown language and an empty list, with their paths', () => {
    const bad = parseWith({
      languages: ['it'],
      rules: [
        { id: 'r', kind: 'terms', terms: ['x'], severity: 'info', message: 'x', languages: [] },
      ],
    });
    expect(bad.ok).toBe(false);
    const lines = bad.ok ? [] : bad.errors.map(formatPackError);
    expect(lines).toEqual([
      expect.stringMatching(
        /^languages\[0\]: must be one of "en", "es", "fr", "de", "pt".*\[PG204\]$/,
      ),
      expect.stringMatching(/^rules\[0\]\.languages: .*\[PG205\]$/),
    ]);
  });

  it('refuses a message that is neither text nor text per language', () => {
    const bad = parseWith({
      rules: [
        { id: 'a', kind: 'terms', terms: ['x'], severity: 'info', message: { es: 'sin default' } },
        {
          id: 'b',
          kind: 'terms',
          terms: ['x'],
          severity: 'info',
          message: { default: 'x', it: 'y' },
        },
      ],
    });
    const lines = bad.ok ? [] : bad.errors.map(formatPackError);
    expect(lines).toEqual([
      expect.stringMatching(/^rules\[0\]\.message\.default: is required but missing.*\[PG202\]$/),
      expect.stringMatching(/^rules\[1\]\.message\.it: unknown field.*\[PG201\]$/),
    ]);
  });
});

describe('approved content per language', () => {
  const item = makePack({
    content: [
      {
        id: 'hiring',
        title: 'Hiring',
        text: {
          default: 'We are hiring in Madrid.',
          es: 'Buscamos gente en Madrid.',
          x: 'Hiring in Madrid!',
          linkedin: { default: 'ACME is hiring in Madrid.', fr: 'ACME recrute à Madrid.' },
        },
      },
    ],
  }).content[0];

  it("picks the network's wording in the language, then the language's, then the defaults", () => {
    if (!item) throw new Error('no item');
    expect(contentText(item, 'linkedin', 'fr')).toBe('ACME recrute à Madrid.');
    expect(contentText(item, 'linkedin', 'es')).toBe('Buscamos gente en Madrid.');
    expect(contentText(item, 'x', 'es')).toBe('Buscamos gente en Madrid.');
    expect(contentText(item, 'x', 'de')).toBe('Hiring in Madrid!');
    expect(contentText(item, 'linkedin', 'de')).toBe('ACME is hiring in Madrid.');
    expect(contentText(item, 'facebook', 'pt')).toBe('We are hiring in Madrid.');
    expect(contentText(item, 'facebook')).toBe('We are hiring in Madrid.');
    expect(contentLanguages(item)).toEqual(['es', 'fr']);
  });
});
