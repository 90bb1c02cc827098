import { describe, expect, it } from 'vitest';
import { applyEdits, check, checkerFor, expectWellFormed, matches } from './helpers';

const terms = (list: unknown[], extra: Record<string, unknown> = {}) =>
  checkerFor({ kind: 'terms', terms: list, ...extra });

describe('terms: word boundaries', () => {
  it('matches whole words only, in any Unicode script', () => {
    const checker = terms(['ass', 'café']);
    expect(matches(checker, 'a classy assessment, bass')).toEqual([]);
    expect(matches(checker, 'what an ass.')).toEqual(['ass']);
    expect(matches(checker, 'le café; cafés; caféine')).toEqual(['café', 'cafés']);
  });

  it('is case-insensitive unless the rule says sensitive', () => {
    expect(matches(terms(['Falcon']), 'FALCON falcon Falcon')).toEqual([
      'FALCON',
      'falcon',
      'Falcon',
    ]);
    const sensitive = terms(['ACME'], { case: 'sensitive' });
    expect(matches(sensitive, 'Acme acme ACME')).toEqual(['ACME']);
  });

  it('finds terms next to emoji, CJK text and surrogate pairs', () => {
    const checker = terms(['Falcon', '東京']);
    const text = '🚀Falcon🚀 私は東京に住んでいます Falcon👩🏽‍💻 𝐀 Falcon';
    const found = check(checker, text);
    expect(found.map((f) => f.match)).toEqual(['Falcon', '東京', 'Falcon', 'Falcon']);
    expectWellFormed(text, found);
    expect(matches(terms(['Falcon']), '東京Falcon')).toEqual(['Falcon']);
  });

  it('reports UTF-16 offsets after characters outside the BMP', () => {
    const text = '😀😀 Falcon';
    const [finding] = check(terms(['Falcon']), text);
    expect(finding).toMatchObject({ start: 5, end: 11, match: 'Falcon' });
  });

  it('does not match across other punctuation', () => {
    const checker = terms(['Project Falcon']);
    expect(matches(checker, 'our project. Falcon is a bird')).toEqual([]);
    expect(matches(checker, 'project 🦅 falcon')).toEqual([]);
  });

  it('keeps punctuation inside and around terms meaningful', () => {
    const checker = terms(['AT&T', 'C++', 'acme.com']);
    expect(matches(checker, 'AT&T and AT & T, at-t')).toEqual(['AT&T', 'AT & T']);
    expect(matches(checker, 'I code C++, not C.')).toEqual(['C++']);
    expect(matches(checker, 'visit acme.com or acme com')).toEqual(['acme.com']);
    expect(matches(terms(['$ACME']), 'ACME up, $ACME up, $$ACME')).toEqual(['$ACME', '$ACME']);
  });

  it('finds terms made only of symbols by plain search', () => {
    expect(matches(terms(['🦅🦅']), 'look 🦅🦅 up')).toEqual(['🦅🦅']);
  });
});

describe('terms: paragraphs', () => {
  it('finds a phrase across a line break, never across a blank line', () => {
    const checker = checkerFor({ kind: 'terms', terms: ['Project Falcon'] });
    expect(matches(checker, 'About Project\nFalcon today')).toEqual(['Project\nFalcon']);
    expect(matches(checker, 'It was a project.\n\nFalcon is a bird.')).toEqual([]);
    expect(matches(checker, 'Our project\n \nFalcon')).toEqual([]);
  });
});

describe('terms: inflections', () => {
  it('catches plurals, past tenses and -ing forms', () => {
    const checker = terms(['leak', 'launch', 'ship']);
    expect(matches(checker, 'leaks leaked leaking')).toEqual(['leaks', 'leaked', 'leaking']);
    expect(matches(checker, 'launches launched launching')).toEqual([
      'launches',
      'launched',
      'launching',
    ]);
    expect(matches(checker, 'ships shipped shipping')).toEqual(['ships', 'shipped', 'shipping']);
  });

  it('gives a capitalised term (a name) only its plural', () => {
    const checker = terms(['Mark', 'Shell']);
    expect(matches(checker, 'Mark marks marking Shell shells shelled')).toEqual([
      'Mark',
      'marks',
      'Shell',
      'shells',
    ]);
  });

  it('knows irregular forms', () => {
    expect(matches(terms(['child', 'see', 'buy']), 'children saw seen bought')).toEqual([
      'children',
      'saw',
      'seen',
      'bought',
    ]);
  });

  it('inflects only the last word of a phrase, and only as a noun', () => {
    const checker = terms(['data breach']);
    expect(matches(checker, 'two data breaches')).toEqual(['data breaches']);
    expect(matches(checker, 'data breaching')).toEqual([]);
  });

  it('does not inflect acronyms or short words', () => {
    expect(matches(terms(['US']), 'we used it, US')).toEqual(['US']);
  });

  it('matches a possessive without the ending', () => {
    expect(matches(terms(['Project Falcon']), "Project Falcon's launch")).toEqual([
      'Project Falcon',
    ]);
  });
});

describe('terms: social media forms', () => {
  const checker = terms(['Project Falcon']);

  it.each([
    ['#ProjectFalcon is near', '#ProjectFalcon'],
    ['ping @projectfalcon now', '@projectfalcon'],
    ['the project-falcon repo', 'project-falcon'],
    ['the project_falcon repo', 'project_falcon'],
    ['ProjectFalcon!', 'ProjectFalcon'],
    ['projectfalcon', 'projectfalcon'],
    ['#Project #Falcon', '#Project #Falcon'],
    ['PROJECT FALCON', 'PROJECT FALCON'],
    ['project\nfalcon', 'project\nfalcon'],
    ['our #ProjectFalcons', '#ProjectFalcons'],
    ['ProjectFalcons ship', 'ProjectFalcons'],
    ['the project-falcons', 'project-falcons'],
  ])('finds %j', (text, expected) => {
    expect(matches(checker, text)).toEqual([expected]);
  });

  it('includes the # of a hashtag in the match, so removing it removes the hash', () => {
    const text = 'So proud of #ProjectFalcon today';
    const [finding] = check(checker, text);
    const remove = finding?.suggestions.find((s) => s.label === 'Remove');
    expect(remove && applyEdits(text, remove.edits)).toBe('So proud of today');
  });

  it('keeps case-sensitive joined forms case-sensitive', () => {
    const sensitive = terms(['Project Falcon'], { case: 'sensitive' });
    expect(matches(sensitive, '#ProjectFalcon projectfalcon project falcon')).toEqual([
      '#ProjectFalcon',
    ]);
  });

  it('matches a joined form only as a whole word', () => {
    expect(matches(checker, 'projectfalcons2 myprojectfalcon')).toEqual([]);
  });
});

describe('terms: exceptions, embargo, suggestions', () => {
  it('does not count a hit inside an exception phrase', () => {
    const checker = terms(['Falcon'], { exceptions: ['Falcon Heavy'] });
    expect(matches(checker, 'The Falcon Heavy flew; Falcon did not')).toEqual(['Falcon']);
    expect(matches(checker, 'falcon heavy lift')).toEqual([]);
  });

  it('stops applying on the day the embargo ends, by the local calendar', () => {
    const checker = terms(['Falcon'], { until: '2027-01-15' });
    expect(matches(checker, 'Falcon', 'x', new Date(2027, 0, 14, 23, 59))).toEqual(['Falcon']);
    expect(matches(checker, 'Falcon', 'x', new Date(2027, 0, 15, 0, 0))).toEqual([]);
    expect(matches(checker, 'Falcon', 'x', new Date(2028, 5, 1))).toEqual([]);
  });

  it('offers swaps and suggestions as replacements, then removal', () => {
    const checker = terms([{ term: 'Acme Corporation', suggest: ['ACME', 'our company'] }], {
      swap: { 'Acme corp': 'ACME' },
    });
    const text = 'I love Acme Corp and Acme Corporation.';
    const found = check(checker, text);
    expect(found.map((f) => f.suggestions.map((s) => s.label))).toEqual([
      ['Replace with "ACME"', 'Remove'],
      ['Replace with "ACME"', 'Replace with "our company"', 'Remove'],
    ]);
    const first = found[0]?.suggestions[0];
    expect(first && applyEdits(text, first.edits)).toBe('I love ACME and Acme Corporation.');
  });

  it('merges a swap with the same term written in the terms list', () => {
    const checker = terms(['acme corp'], { swap: { 'Acme Corp': 'ACME' } });
    const found = check(checker, 'Acme Corp');
    expect(found).toHaveLength(1);
    expect(found[0]?.suggestions.map((s) => s.label)).toEqual(['Replace with "ACME"', 'Remove']);
  });

  it('takes a rule with only a swap map: its keys are the terms', () => {
    const swapOnly = checkerFor({ kind: 'terms', swap: { 'Acme Corp': 'ACME' } });
    expect(matches(swapOnly, 'Thanks, Acme Corp and acme-corp!')).toEqual([
      'Acme Corp',
      'acme-corp',
    ]);
    const emptyTerms = terms([], { swap: { 'Acme Inc': 'ACME' } });
    expect(matches(emptyTerms, 'Acme Inc')).toEqual(['Acme Inc']);
  });

  it('never reports a swap’s replacement, in the forms the term finds it, as a hit of its rule', () => {
    const rule = { swap: { 'Harvest-Table': 'Harvest Table' } };
    // "Harvest-Table" as a term also finds the spaced form, which is the one asked for.
    for (const checker of [terms([], rule), terms(['Harvest-Table'], rule)]) {
      expect(matches(checker, 'Dinner at Harvest Table tonight')).toEqual([]);
      expect(matches(checker, 'Two Harvest Tables opened')).toEqual([]);
      expect(matches(checker, 'Dinner at Harvest-Table, #HarvestTable, harvest_table')).toEqual([
        'Harvest-Table',
        '#HarvestTable',
        'harvest_table',
      ]);
    }
    const text = 'Harvest Table and HarvestTable';
    const [finding, ...rest] = check(terms([], rule), text);
    expect(rest).toEqual([]);
    const fix = finding?.suggestions[0];
    expect(fix && applyEdits(text, fix.edits)).toBe('Harvest Table and Harvest Table');
  });

  it('keeps reporting a different case of the replacement, so a case swap still works', () => {
    const checker = terms([], { swap: { acme: 'ACME' } });
    expect(matches(checker, 'ACME, Acme and acme')).toEqual(['Acme', 'acme']);
  });

  it.each([
    ['Falcon is here', 'is here'],
    ['we ship Falcon today', 'we ship today'],
    ['about Falcon.', 'about.'],
    ['about Falcon', 'about'],
    ['(Falcon) ok', '() ok'],
    ['Falcon', ''],
  ])('removal of the match in %j leaves no double space', (text, expected) => {
    const found = check(terms(['Falcon']), text);
    const remove = found[0]?.suggestions.find((s) => s.label === 'Remove');
    expect(remove && applyEdits(text, remove.edits)).toBe(expected);
  });

  it('prefers the longest term at a position', () => {
    const checker = terms(['Falcon', 'Project Falcon', 'Project Falcon Launch Plan']);
    expect(matches(checker, 'the Project Falcon launch plan and Project Falcon')).toEqual([
      'Project Falcon launch plan',
      'Project Falcon',
    ]);
  });
});

describe('terms: Unicode forms', () => {
  it('matches a term however its accents are encoded (NFC or NFD), with offsets into the text as written', () => {
    const composed = terms(['Café Olé']);
    const decomposed = 'Lunch at Cafe\u0301 Ole\u0301 today';
    const found = check(composed, decomposed);
    expect(found.map((f) => f.match)).toEqual(['Cafe\u0301 Ole\u0301']);
    expect(found[0]).toMatchObject({ start: 9, end: 9 + 'Cafe\u0301 Ole\u0301'.length });
    expectWellFormed(decomposed, found);

    const writtenDecomposed = terms(['Cafe\u0301']);
    expect(matches(writtenDecomposed, 'At the Café')).toEqual(['Café']);
  });
});
