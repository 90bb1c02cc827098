import { describe, expect, it } from 'vitest';
import type { EntitiesRule, EntityType } from '@/src/core/pack/schema';
import { compileEntitiesRule } from '@/src/core/rules/entities';
import { applyEdits, base, compileWith, matches, run } from './helpers';

function entities(types: EntityType[], fields: Partial<EntitiesRule> = {}) {
  return compileWith(compileEntitiesRule, {
    ...base,
    kind: 'entities',
    entities: types,
    ...fields,
  });
}

describe('entities: email', () => {
  const rule = entities(['email']);
  // Links too: a part of an address must not come out as one.
  const both = entities(['url', 'email']);

  it('finds addresses, without the full stop that ends the sentence', () => {
    expect(matches(rule, 'Write to jane.doe+press@mail.acme.example.')).toEqual([
      'jane.doe+press@mail.acme.example',
    ]);
    expect(matches(rule, 'a@b.co and (bob_smith@example.org)')).toEqual([
      'a@b.co',
      'bob_smith@example.org',
    ]);
  });

  it('finds addresses whose name is not ASCII (RFC 6531), not a part of one as a link', () => {
    expect(matches(both, 'Escribe a josé@acme.es o a joão.silva@empresa.com.br.')).toEqual([
      'josé@acme.es',
      'joão.silva@empresa.com.br',
    ]);
    // linkify-it alone reads "françois.dupont" as a bare domain and misses the address.
    expect(matches(both, 'Contact: françois.dupont@acme.fr, «jürgen.groß@post.de»')).toEqual([
      'françois.dupont@acme.fr',
      'jürgen.groß@post.de',
    ]);
    expect(matches(both, 'E-Mail:müller@firma.de und иван@пример.рф')).toEqual([
      'müller@firma.de',
      'иван@пример.рф',
    ]);
    expect(matches(both, 'mailto:josé@acme.es, MAILTO:jane@acme.example')).toEqual([
      'mailto:josé@acme.es',
      'MAILTO:jane@acme.example',
    ]);
  });

  it('leaves an international name without a real domain, or inside a link, alone', () => {
    expect(matches(both, 'niño@casa, @josé, café@9am')).toEqual([]);
    expect(matches(both, 'https://acme.example/?to=josé@acme.es')).toEqual([
      'https://acme.example/?to=josé@acme.es',
    ]);
  });

  it('does not take a mention or a lone @ for an address', () => {
    expect(matches(rule, 'Thanks @acme and @bob! Meet @ 5pm, user@localhost')).toEqual([]);
  });

  it('reports the finding with the rule fields and a Remove suggestion', () => {
    const text = 'Mail me at jane@acme.example today';
    const [finding] = run(rule, text);
    expect(finding).toMatchObject({
      ruleId: 'r',
      packId: 'acme-social',
      kind: 'entities',
      severity: 'warning',
      message: 'Found {match}.',
      start: 11,
      end: 28,
      match: 'jane@acme.example',
    });
    expect(finding?.suggestions.map((s) => s.label)).toEqual(['Remove']);
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe('Mail me at today');
  });
});

describe('entities: phone', () => {
  const rule = entities(['phone']);

  it.each([
    ['Call +44 20 7946 0958 now', '+44 20 7946 0958'],
    ['Call +1 (415) 555-0100.', '+1 (415) 555-0100'],
    ['Call 415-555-0100', '415-555-0100'],
    ['Call (415) 555 0100!', '(415) 555 0100'],
    ['Call 415.555.0100.', '415.555.0100'],
    ['Call 1-800-555-0199', '1-800-555-0199'],
    ['Call +33 1 23 45 67 89', '+33 1 23 45 67 89'],
    ['Call +442079460958.', '+442079460958'],
    ['Call +44 20 7946 0958 2025 and 2026', '+44 20 7946 0958'],
  ])('finds the number in %j', (text, number) => {
    expect(matches(rule, text)).toEqual([number]);
  });

  it('reads national numbers in the regions the rule names', () => {
    const uk = entities(['phone'], { regions: ['GB', 'TR'] });
    expect(matches(uk, 'Call 020 7946 0958 or 0 532 123 45 67')).toEqual([
      '020 7946 0958',
      '0 532 123 45 67',
    ]);
    expect(matches(entities(['phone'], { regions: ['IL'] }), 'My number is 09-7625400')).toEqual([
      '09-7625400',
    ]);
  });

  it('takes a bare run of digits for a phone only when the text says it is one', () => {
    expect(matches(rule, 'Call me at 4155550100 today')).toEqual(['4155550100']);
    expect(matches(rule, 'Ticket #4155550100 and order no. 415-555-0100')).toEqual([]);
  });

  it('refuses a region without a numbering plan, with its path', () => {
    expect(() => entities(['phone'], { regions: ['XX'] })).toThrow(/"XX" is not a region/);
  });

  it.each([
    'Released on 2024-01-15 and 15.01.2024 and 01/15/2024',
    'Upgrade to v1.2.3 or 10.15.7, build 2024.11.3',
    'Founded in 1998, 2024 was our best year',
    'It costs $1,200 or €1.200,50 or 1,234,567 units',
    'Server 10.0.0.1 and 192.168.100.200',
    'Growth of +12% and +3.5 points',
    'Order 4155550100 is ready',
    'Serial +9999999999999999999999 is too long to dial',
  ])('finds nothing in %j', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });
});

describe('entities: money', () => {
  const rule = entities(['money']);

  it.each([
    ['We raised $4.2M.', '$4.2M'],
    ['A €300k deal', '€300k'],
    ['Worth USD 1,200 today', 'USD 1,200'],
    ['A £15 million round', '£15 million'],
    ['About 1.5bn dollars', '1.5bn dollars'],
    ['Only 300 euros', '300 euros'],
    ['It was 1,200 USD', '1,200 USD'],
    ['Just $5', '$5'],
    ['US$12.50 each', 'US$12.50'],
  ])('finds the amount in %j', (text, amount) => {
    expect(matches(rule, text)).toEqual([amount]);
  });

  it.each([
    ['Der Umsatz stieg auf 4,5 Mio. € im Quartal.', '4,5 Mio. €'],
    ['Umsatz 1,2 Mrd. Euro', '1,2 Mrd. Euro'],
    ['Es waren 3.400 Euro', '3.400 Euro'],
    ['Kosten von 1.234.567,89 EUR', '1.234.567,89 EUR'],
    ['Über 2 Millionen Euro', '2 Millionen Euro'],
    ["Le chiffre d'affaires atteint 1 234 567,89 € ce mois.", '1 234 567,89 €'],
    ['Un contrat de 4,5 M€ signé', '4,5 M€'],
    ['Budget : 5 k€ par mois', '5 k€'],
    ["Une levée de 2 millions d'euros", "2 millions d'euros"],
    ['Avec 12\u202f000 € de plus', '12\u202f000 €'],
    ['Los ingresos fueron de 2,5 millones de euros.', '2,5 millones de euros'],
    ['Ventas de 300.000 € este año', '300.000 €'],
    ['Una ronda de 3 mil millones de dólares', '3 mil millones de dólares'],
    ['A receita foi de R$ 1.234.567,89 no trimestre.', 'R$ 1.234.567,89'],
    ['Um lucro de R$ 5 mi', 'R$ 5 mi'],
    ['Captamos 10 milhões de reais', '10 milhões de reais'],
    ["Preis: 1'234.50 CHF", "1'234.50 CHF"],
    ['Revenue of 4,5 billion euros', '4,5 billion euros'],
  ])('finds the amount written as in Europe and Brazil in %j', (text, amount) => {
    expect(matches(rule, text)).toEqual([amount]);
  });

  it.each([
    'I lost 15 pounds',
    '15 million people',
    'a 5k run',
    'Team 5 won 3 games',
    'Section 4.2M of the law',
    'In 2024',
    'We have 100 real customers',
    'The lake is 5 mi away',
    'Over 2 M users and 1 000 people',
    'Version 1,5 ships with 2.000 fixes',
    'Ganz 15 Millionen Menschen',
  ])('finds nothing in %j', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });
});

describe('entities: url', () => {
  const rule = entities(['url']);

  it('finds URLs with a scheme, with www. and bare domains with a known TLD', () => {
    expect(
      matches(rule, 'See https://acme.example/x?a=1, www.acme.example/path and acme.example/path.'),
    ).toEqual(['https://acme.example/x?a=1', 'www.acme.example/path', 'acme.example/path']);
    expect(matches(rule, 'Follow us on x.com or linkedin.com/company/acme')).toEqual([
      'x.com',
      'linkedin.com/company/acme',
    ]);
  });

  it('leaves sentence punctuation out but keeps balanced brackets', () => {
    expect(matches(rule, '(see https://acme.example/a).')).toEqual(['https://acme.example/a']);
    expect(matches(rule, 'Read https://en.wikipedia.org/wiki/Foo_(bar)!')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    expect(matches(rule, 'Is it "acme.example"?')).toEqual(['acme.example']);
  });

  it.each([
    'I finished.It was great',
    'Built with Node.js and Vue.js, e.g. this',
    'Version 2.0 ships, file.txt and index.html too',
    'Mail press@acme.example',
    'The U.S. and U.K. markets',
  ])('finds no URL in %j', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('knows every IANA top-level domain, IDN and punycode domains, and paths with apostrophes', () => {
    expect(
      matches(
        rule,
        "google.co.il, x.ws, президент.рф, xn--p1ai.xn--p1ai and https://a.example/I'm_king}",
      ),
    ).toEqual([
      'google.co.il',
      'x.ws',
      'президент.рф',
      'xn--p1ai.xn--p1ai',
      "https://a.example/I'm_king",
    ]);
  });

  it('reports a URL holding an address once, as the URL', () => {
    const both = entities(['url', 'email']);
    expect(
      matches(both, 'https://acme.example/?to=jane@acme.example and jane@acme.example'),
    ).toEqual(['https://acme.example/?to=jane@acme.example', 'jane@acme.example']);
  });
});

describe('entities: percent', () => {
  const rule = entities(['percent']);

  it('finds the three written forms', () => {
    expect(matches(rule, 'Up 12%, or 12 percent, or 12.5 per cent, or 7 % more')).toEqual([
      '12%',
      '12 percent',
      '12.5 per cent',
      '7 %',
    ]);
  });

  it('finds percentages written in the other four languages', () => {
    expect(
      matches(rule, 'Um 12,5 %, 3 por ciento, 4 pour cent, 7 Prozent und 9 por cento mehr'),
    ).toEqual(['12,5 %', '3 por ciento', '4 pour cent', '7 Prozent', '9 por cento']);
    expect(matches(rule, 'Plus 1,5 Prozentpunkte')).toEqual([]);
  });

  it('finds no percentage in plain numbers', () => {
    expect(matches(rule, '12 people, 50 percentile, version 1.5')).toEqual([]);
  });
});

describe('entities: person', () => {
  const rule = entities(['person']);

  it('finds people’s names with compromise, without trailing punctuation', () => {
    expect(matches(rule, 'Great talk by Sarah Connor yesterday.')).toEqual(['Sarah Connor']);
    expect(matches(rule, 'Thanks to Mr. Chen.')).toEqual(['Mr. Chen']);
  });

  it('finds no person in a text without names', () => {
    expect(matches(rule, 'The team shipped the release on time.')).toEqual([]);
  });
});

describe('entities: allow', () => {
  it('exempts exact values, case-insensitively', () => {
    const rule = entities(['email', 'phone'], { allow: ['Press@ACME.example', '+1 415 555 0100'] });
    expect(
      matches(rule, 'press@acme.example, jane@acme.example, +1 (415) 555-0100, +1 (415) 555-0199'),
    ).toEqual(['jane@acme.example', '+1 (415) 555-0199']);
  });

  it('exempts a domain and its subdomains with *.domain', () => {
    const rule = entities(['email', 'url'], { allow: ['*.acme.example'] });
    expect(
      matches(
        rule,
        'press@acme.example, a@eu.acme.example, https://www.acme.example/x, acme.example, notacme.example, b@acme.example.org',
      ),
    ).toEqual(['notacme.example', 'b@acme.example.org']);
  });

  it('reads an address written as a mailto: link as the address', () => {
    const rule = entities(['email'], { allow: ['press@acme.example'] });
    expect(matches(rule, 'mailto:press@acme.example and mailto:jane@acme.example')).toEqual([
      'mailto:jane@acme.example',
    ]);
  });

  it('exempts international domains and their subdomains', () => {
    const rule = entities(['url'], { allow: ['*.президент.рф', 'google.co.il'] });
    expect(matches(rule, 'kremlin.президент.рф, google.co.il/maps and mail.google.co.il')).toEqual([
      'mail.google.co.il',
    ]);
  });

  it('exempts URLs on exactly a listed bare domain', () => {
    const rule = entities(['url'], { allow: ['acme.example'] });
    expect(
      matches(
        rule,
        'https://acme.example/jobs and https://www.acme.example and https://shop.acme.example',
      ),
    ).toEqual(['https://shop.acme.example']);
  });
});

describe('entities: near', () => {
  const rule = entities(['person', 'email'], { near: ['client', 'patient'], window: 3 });

  it('reports an entity only with a near word within the window, before or after', () => {
    expect(matches(rule, 'Our client Sarah Connor loved it')).toEqual(['Sarah Connor']);
    expect(matches(rule, 'Sarah Connor, our clients, loved it')).toEqual(['Sarah Connor']);
    expect(matches(rule, "Our patient's contact: jane@acme.example")).toEqual([
      'jane@acme.example',
    ]);
  });

  it('does not report entities far from every near word, or without one', () => {
    expect(
      matches(rule, 'Sarah Connor gave a great keynote today at the summit with a client'),
    ).toEqual([]);
    expect(matches(rule, 'Sarah Connor gave a great keynote')).toEqual([]);
  });

  it('reads names only near a near word, at their offsets in the whole post', () => {
    const text = `🎉 John Smith opened the day. ${'We talked about plans. '.repeat(10)}Then our client 👩🏽‍💻 Sarah Connor spoke.`;
    const found = run(rule, text);
    expect(found.map((f) => f.match)).toEqual(['Sarah Connor']);
    expect(found[0]?.start).toBe(text.indexOf('Sarah'));
  });

  it('uses a window of 8 words by default', () => {
    const defaults = entities(['email'], { near: ['client'] });
    expect(matches(defaults, 'client one two three four five six seven a@b.co')).toEqual([
      'a@b.co',
    ]);
    expect(matches(defaults, 'client one two three four five six seven eight a@b.co')).toEqual([]);
  });
});

describe('entities: offsets', () => {
  it('gives UTF-16 offsets after emoji', () => {
    const rule = entities(['email', 'phone', 'money', 'url', 'percent', 'person']);
    const text =
      '🎉👩🏽‍💻 Sarah Connor: jane@acme.example 🚀 +44 20 7946 0958 💸 $4.2M 📈 12% 🔗 acme.example/x';
    const found = run(rule, text);
    expect(found.map((f) => f.match)).toEqual([
      'Sarah Connor',
      'jane@acme.example',
      '+44 20 7946 0958',
      '$4.2M',
      '12%',
      'acme.example/x',
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
  });
});
