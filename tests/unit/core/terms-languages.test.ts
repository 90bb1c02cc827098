import { describe, expect, it } from 'vitest';
import { applyEdits, check, checkerFor, matches } from './helpers';

/**
 * Terms in Spanish, French, German and Portuguese: a term that is a common word finds its
 * inflected forms through Snowball's stemmer for the sentence's language; names stay as
 * written. Every post here is a whole sentence, so its language can be told.
 */

const terms = (list: unknown[], extra: Record<string, unknown> = {}, pack = {}) =>
  checkerFor({ kind: 'terms', terms: list, ...extra }, pack);

/** A pack that says its posts are in German (and English), which German nouns need. */
const GERMAN = { languages: ['en', 'de'] };

describe('terms in Spanish', () => {
  it('finds plurals of a common word', () => {
    const checker = terms(['fuga', 'prototipo']);
    expect(matches(checker, 'Hubo dos fugas de información en los prototipos del equipo.')).toEqual(
      ['fugas', 'prototipos'],
    );
  });

  it('finds the other gender and number of an adjective', () => {
    const checker = terms(['nuevo']);
    expect(
      matches(checker, 'La nueva versión y los nuevos modelos llegan con las nuevas reglas.'),
    ).toEqual(['nueva', 'nuevos', 'nuevas']);
  });

  it('inflects the last word of a phrase and keeps the words before it as written', () => {
    const checker = terms(['muy confidencial']);
    const text = 'Es muy confidencial y son muy confidenciales, pero no son confidenciales.';
    expect(matches(checker, text)).toEqual(['muy confidencial', 'muy confidenciales']);
  });

  it('keeps a capitalised term as a name: no Spanish forms', () => {
    const text = 'Los clientes leales de Leal vuelven cada año a la tienda.';
    expect(matches(terms(['Leal']), text)).toEqual(['Leal']);
    expect(matches(terms(['leal']), text)).toEqual(['leales', 'Leal']);
  });

  it('keeps the case of a case-sensitive term', () => {
    const checker = terms(['fuga'], { case: 'sensitive' });
    expect(matches(checker, 'Fugas y fugas en la planta de agua de la ciudad.')).toEqual(['fugas']);
  });

  it('takes the hash of a hashtag with the form', () => {
    const text = 'Hubo dos #fugas ayer en la planta de agua de la ciudad.';
    const [finding] = check(terms(['fuga']), text);
    expect(finding?.match).toBe('#fugas');
    const remove = finding?.suggestions.find((s) => s.label === 'Remove');
    expect(remove && applyEdits(text, remove.edits)).toBe(
      'Hubo dos ayer en la planta de agua de la ciudad.',
    );
  });

  it('offers a swap for the inflected form, and respects exceptions', () => {
    const swap = checkerFor({ kind: 'terms', swap: { fuga: 'filtración' } });
    const text = 'Hubo dos fugas de datos en la oficina central ayer.';
    const [finding] = check(swap, text);
    expect(finding?.match).toBe('fugas');
    const replace = finding?.suggestions[0];
    expect(replace?.label).toBe('Replace with "filtración"');
    expect(replace && applyEdits(text, replace.edits)).toBe(
      'Hubo dos filtración de datos en la oficina central ayer.',
    );
    const excepted = terms(['fuga'], { exceptions: ['fugas de agua'] });
    expect(
      matches(excepted, 'Hubo fugas de agua en la planta y fugas de datos en la oficina.'),
    ).toEqual(['fugas']);
  });
});

describe('terms in French', () => {
  it('finds plurals and the feminine of a common word', () => {
    const checker = terms(['lancement', 'confidentiel']);
    const text =
      'Le lancement est confidentiel, les documents sont confidentiels et la note est ' +
      'confidentielle. Les lancements des nouvelles offres confidentielles auront lieu demain.';
    expect(matches(checker, text)).toEqual([
      'lancement',
      'confidentiel',
      'confidentiels',
      'confidentielle',
      'lancements',
      'confidentielles',
    ]);
  });

  it('inflects the last word of a phrase', () => {
    const checker = terms(['très confidentiel']);
    const text = 'La note est très confidentielle et les documents sont très confidentiels.';
    expect(matches(checker, text)).toEqual(['très confidentielle', 'très confidentiels']);
  });

  it("finds a word behind an elision, without the elision (l'ordinateur)", () => {
    const text = "Le vol de l'ordinateur portable a été signalé hier.";
    const [finding] = check(terms(['ordinateur']), text);
    expect(finding).toMatchObject({ match: 'ordinateur', start: text.indexOf('ordinateur') });
  });

  it.each([
    "On travaille avec l'Umbrella Health depuis mars.",
    'On travaille avec l’Umbrella Health depuis mars.',
    "C'est le projet d'Umbrella Health qui avance.",
    "Je crois qu'Umbrella Health signe demain.",
  ])('finds a name, as written, behind an elision: %j', (text) => {
    const [finding] = check(terms(['Umbrella Health']), text);
    expect(finding).toMatchObject({
      match: 'Umbrella Health',
      start: text.indexOf('Umbrella Health'),
    });
    const sensitive = terms(['Umbrella Health'], { case: 'sensitive' });
    expect(matches(sensitive, text)).toEqual(['Umbrella Health']);
  });

  it('finds a phrase behind an elision, as written and inflected', () => {
    const checker = terms(['ordinateur portable', 'architecte principal']);
    const text = "Le vol de l'ordinateur portable de l'architecte principale du projet.";
    expect(matches(checker, text)).toEqual(['ordinateur portable', 'architecte principale']);
  });
});

describe('a French term behind an elision', () => {
  it("is found after l', and removing it takes the article with it", () => {
    const checker = checkerFor({ kind: 'terms', terms: ['Umbrella Health'] });
    const text = "On travaille avec l'Umbrella Health depuis mars.";
    const [finding] = check(checker, text);
    expect(finding?.match).toBe('Umbrella Health');
    const removal = finding?.suggestions.find((s) => s.action?.verb === 'remove');
    expect(applyEdits(text, removal?.edits ?? [])).toBe('On travaille avec depuis mars.');
  });
});

describe('terms in German', () => {
  it('finds plurals and case endings of a noun', () => {
    expect(
      matches(terms(['Leck'], {}, GERMAN), 'Es gab zwei Lecks im Tank und mehrere Lecke im Rohr.'),
    ).toEqual(['Lecks', 'Lecke']);
    expect(
      matches(
        terms(['Prototyp'], {}, GERMAN),
        'Die Daten des Prototyps zeigen wir den Prototypen nicht.',
      ),
    ).toEqual(['Prototyps', 'Prototypen']);
  });

  it('finds compounds with the term as their head or their first part', () => {
    const checker = terms(['Leck', 'Prototyp'], {}, GERMAN);
    const text =
      'Wir haben ein Datenleck gefunden. Das Sicherheitsleck ist zu, und der Prototypentest läuft.';
    expect(matches(checker, text)).toEqual(['Datenleck', 'Sicherheitsleck', 'Prototypentest']);
  });

  it('does not read a compound out of words that only end or begin with the letters', () => {
    const checker = terms(['Leck'], {}, GERMAN);
    // lecker (tasty) is no noun; Blutfleck is Blut + Fleck; "Leck" is too short to begin one.
    const text =
      'Ein Leckerbissen für alle Gäste, das Essen war lecker, doch der Blutfleck blieb auf dem Hemd.';
    expect(matches(checker, text)).toEqual([]);
  });

  it('finds the forms of an adjective, and of a phrase ending in one', () => {
    expect(
      matches(
        terms(['vertraulich']),
        'Diese vertraulichen Unterlagen und das vertrauliche Protokoll bleiben intern.',
      ),
    ).toEqual(['vertraulichen', 'vertrauliche']);
    expect(
      matches(
        terms(['streng vertraulich']),
        'Diese streng vertraulichen Unterlagen sind streng vertraulich und bleiben intern.',
      ),
    ).toEqual(['streng vertraulichen', 'streng vertraulich']);
  });

  it('reads a capitalised term as a German noun only where the pack or rule names German', () => {
    const text = 'Wir stärken unsere Marken in ganz Europa seit vielen Jahren.';
    // No languages said: "Mark" is a name, as in English, and never finds "Marken".
    expect(matches(terms(['Mark']), text)).toEqual([]);
    expect(matches(terms(['Leck']), 'Wir haben ein Datenleck im System gefunden.')).toEqual([]);
    // A rule that leaves German out keeps its names even in a German pack.
    expect(matches(terms(['Mark'], { languages: ['en'] }, GERMAN), text)).toEqual([]);
    // Where German is named, a capitalised word is a noun: its forms are found.
    expect(matches(terms(['Mark'], {}, GERMAN), text)).toEqual(['Marken']);
  });

  it('finds noun forms written capitalised, as German writes nouns', () => {
    const checker = terms(['Leck'], {}, GERMAN);
    expect(
      matches(checker, 'Das Leck im Tank ist zu. LECKS überall im ganzen Werk, sagt er.'),
    ).toEqual(['Leck', 'LECKS']);
  });
});

describe('terms in Portuguese', () => {
  it('finds plurals and the other gender', () => {
    expect(
      matches(terms(['vazamento']), 'Os vazamentos de dados continuam e ninguém sabe por quê.'),
    ).toEqual(['vazamentos']);
    expect(
      matches(terms(['novo']), 'A nova regra e os novos sistemas chegam na próxima semana.'),
    ).toEqual(['nova', 'novos']);
  });
});

describe('terms in other languages: which language reads the word', () => {
  it("counts a stem only in a sentence of the stemmer's language", () => {
    const checker = terms(['nuevo']);
    expect(matches(checker, 'La nueva tienda abre mañana en el centro de la ciudad.')).toEqual([
      'nueva',
    ]);
    expect(
      matches(
        checker,
        'Our new office is on Nueva Street, right next to the station and the park.',
      ),
    ).toEqual([]);
  });

  it('does not match a Spanish term in an unrelated French word that stems alike in Spanish', () => {
    // The Spanish stemmer makes "fugue" "fug", as it makes "fuga"; French reads it "fugu".
    const checker = terms(['fuga']);
    expect(
      matches(
        checker,
        "Nous avons vu une fugue en ré mineur, jouée par l'orchestre de la ville hier soir.",
      ),
    ).toEqual([]);
    expect(matches(checker, 'Hubo dos fugas de información en los prototipos del equipo.')).toEqual(
      ['fugas'],
    );
  });

  it('counts a stem in a sentence whose language cannot be told', () => {
    expect(matches(terms(['nuevo']), '¡Nuevas!')).toEqual(['Nuevas']);
  });

  it('finds no forms in a language the rule does not apply in', () => {
    const spanishOnly = terms(['confidentiel'], {}, { languages: ['en', 'es'] });
    const text = 'Les documents sont confidentiels et la note est confidentielle, dit-elle.';
    expect(matches(spanishOnly, text)).toEqual([]);
    expect(matches(terms(['confidentiel']), text)).toEqual(['confidentiels', 'confidentielle']);
  });

  it('leaves English posts as they were: a name keeps only its English plural', () => {
    const checker = terms(['Mark', 'Shell', 'leak'], {}, GERMAN);
    expect(
      matches(checker, 'Mark marks marking Shell shells shelled, and the leaks were Marken-free.'),
    ).toEqual(['Mark', 'marks', 'Shell', 'shells', 'leaks']);
  });
});
