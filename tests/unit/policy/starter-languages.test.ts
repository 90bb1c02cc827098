import { describe, expect, it } from 'vitest';
import {
  applyTextEdits,
  compilePacks,
  parsePack,
  type Checker,
  type Finding,
  type Pack,
} from '@/src/core';
import { localize, type Localized } from '@/src/core/text/localized';
import { POST_LANGUAGES, type PostLanguage } from '@/src/core/text/post-languages';
import acmeJson from '@/public/packs/acme-demo.json';
import starterJson from '@/public/packs/starter.json';
import { expectEveryLanguage, OTHER_LANGUAGES, placeholders } from './translations';
import { spawnCli } from '../cli/helpers';

/**
 * The starter pack in Spanish, French, German and Portuguese: every message in each, the
 * disclosure's markers and fix in each, and the words its rules look for in each, checked
 * on real posts through the whole engine (language detection included), under an
 * organisation pack of its own and under the ACME demo pack.
 */

function parsed(json: unknown): Pack {
  const result = parsePack(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function checkerOf(packs: Pack[]): Checker {
  const result = compilePacks(packs);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const starter = parsed(starterJson);
/** The starter's own rules with an organisation to disclose, as any pack that extends it. */
const withOrg = checkerOf([
  starter,
  parsed({
    format: 'postguard/pack@1',
    id: 'acme-org-only',
    name: 'ACME, nothing but its name',
    version: '1.0.0',
    org: { name: 'ACME', aliases: [] },
    extends: ['postguard-starter'],
    rules: [],
  }),
]);
const acme = parsed(acmeJson);
const withAcme = checkerOf([starter, acme]);

function starterRule(id: string) {
  const rule = starter.rules.find((r) => r.id === id);
  if (!rule || !('kind' in rule)) throw new Error(`no starter rule ${id}`);
  return rule;
}

function acmeDisclosure() {
  const rule = acme.rules.find((r) => r.id === 'disclosure.affiliation');
  if (!rule || !('kind' in rule) || rule.kind !== 'disclosure') throw new Error('no disclosure');
  return rule;
}

/** The rule's message in `language`, as a finding on `match` shows it. */
function wording(message: Localized<string>, language: PostLanguage, match: string): string {
  return localize(message, language).replaceAll('{match}', match);
}

function only(findings: Finding[], ruleId: string): Finding {
  const matching = findings.filter((f) => f.ruleId === ruleId);
  expect(matching, `${ruleId} in ${JSON.stringify(findings.map((f) => f.ruleId))}`).toHaveLength(1);
  return matching[0] as Finding;
}

describe('the starter pack in five languages: its wording', () => {
  it.each(starter.rules.map((rule) => rule.id))('%s has a message in every language', (id) => {
    const { message } = starterRule(id);
    expectEveryLanguage(id, message);
  });

  it('has markers and a fix for the disclosure in every language, with {org} kept', () => {
    const rule = starterRule('disclosure.affiliation');
    if (rule.kind !== 'disclosure') throw new Error('not a disclosure rule');
    for (const language of POST_LANGUAGES) {
      const markers = localize(rule.markers, language);
      const fix = localize(rule.fix ?? '', language);
      expect(markers.length, language).toBeGreaterThan(3);
      expect(placeholders(fix), language).toEqual(['{org}']);
      // The fix says one of the language's own markers, so that the fixed post passes.
      const said = fix.replace(/^\s*\(/, '').replace(/\.\)$/, '');
      expect(
        markers.map((m) => m.toLowerCase()),
        language,
      ).toContain(said.toLowerCase());
      if (language !== 'en') {
        expect(rule.fix && typeof rule.fix === 'object' && rule.fix[language], language).toBe(fix);
      }
    }
  });

  it('gives the ACME demo disclosure a message and markers in every language', () => {
    const rule = acmeDisclosure();
    for (const language of OTHER_LANGUAGES) {
      const message = localize(rule.message, language);
      expect(message, language).not.toBe(localize(rule.message, undefined));
      expect(message, language).toContain('#ACMEemployee');
      expect(localize(rule.markers, language), language).not.toEqual(
        localize(rule.markers, undefined),
      );
    }
  });
});

/** A post in each language that swears and names ACME without saying the author works there. */
const HEATED: Record<PostLanguage, { text: string; swear: string; disclosed: string }> = {
  en: {
    text: 'What a shitty day at ACME, the warehouse flooded again and nobody told us anything.',
    swear: 'shitty',
    disclosed:
      'I work at ACME and the warehouse flooded again today, so no deliveries until Monday.',
  },
  es: {
    text: '¡Qué mierda de día en ACME! El almacén se ha inundado otra vez y nadie dice nada.',
    swear: 'mierda',
    disclosed:
      'Trabajo en ACME y hoy se ha inundado otra vez el almacén, así que no hay envíos hasta el lunes.',
  },
  fr: {
    text: 'Quelle journée de merde chez ACME, le serveur est encore tombé en panne ce matin.',
    swear: 'merde',
    disclosed:
      "Je travaille chez ACME et l'entrepôt a encore été inondé aujourd'hui, donc aucune livraison avant lundi.",
  },
  de: {
    text: 'Was für ein Scheißtag bei ACME, der Server ist schon wieder ausgefallen heute früh.',
    swear: 'Scheißtag',
    disclosed:
      'Ich arbeite bei ACME, und heute ist das Lager schon wieder überflutet worden, also keine Lieferungen bis Montag.',
  },
  pt: {
    text: 'Que merda de dia na ACME, o servidor caiu outra vez hoje de manhã e ninguém avisou.',
    swear: 'merda',
    disclosed:
      'Trabalho na ACME e hoje o armazém inundou outra vez, então não há entregas até segunda-feira.',
  },
};

describe.each(POST_LANGUAGES)('a post in %s', (language) => {
  const post = HEATED[language];
  const courtesy = starterRule('tone.courtesy');
  const starterDisclosure = starterRule('disclosure.affiliation');
  if (starterDisclosure.kind !== 'disclosure') throw new Error('not a disclosure rule');

  it("gets the starter's tone and disclosure messages in its language, and a fix in it", () => {
    const findings = withOrg.check(post.text, { network: 'linkedin' });
    expect(only(findings, 'tone.courtesy').message).toBe(
      wording(courtesy.message, language, post.swear),
    );
    const disclosure = only(findings, 'disclosure.affiliation');
    expect(disclosure.message).toBe(wording(starterDisclosure.message, language, ''));

    const fix = localize(starterDisclosure.fix ?? '', language).replace('{org}', 'ACME');
    const [suggestion] = disclosure.suggestions;
    expect(suggestion?.edits).toEqual([
      { start: post.text.length, end: post.text.length, text: fix },
    ]);
    const fixed = applyTextEdits(post.text, suggestion?.edits ?? []);
    expect(fixed).toBe(post.text + fix);
    const after = withOrg.check(fixed, { network: 'linkedin' }).map((f) => f.ruleId);
    expect(after).not.toContain('disclosure.affiliation');
  });

  it("gets ACME's disclosure message in its language over the starter's tone message", () => {
    const findings = withAcme.check(post.text, { network: 'linkedin' });
    expect(only(findings, 'tone.courtesy').message).toBe(
      wording(courtesy.message, language, post.swear),
    );
    const disclosure = only(findings, 'disclosure.affiliation');
    expect(disclosure.severity).toBe('error');
    expect(disclosure.message).toBe(wording(acmeDisclosure().message, language, ''));
    // ACME asks for its one hashtag in every language.
    const fixed = applyTextEdits(post.text, disclosure.suggestions[0]?.edits ?? []);
    expect(fixed).toBe(`${post.text} #ACMEemployee`);
    expect(withAcme.check(fixed, { network: 'linkedin' }).map((f) => f.ruleId)).not.toContain(
      'disclosure.affiliation',
    );
  });

  it("counts the language's own words for working there as a disclosure", () => {
    for (const checker of [withOrg, withAcme]) {
      const ruleIds = checker.check(post.disclosed, { network: 'linkedin' }).map((f) => f.ruleId);
      expect(ruleIds).not.toContain('disclosure.affiliation');
    }
  });
});

describe('a post in several languages', () => {
  const english =
    'What a shitty week for the whole team, the servers went down three times in a row.';
  const spanish =
    '¡Qué mierda de semana para todo el equipo, los servidores se cayeron tres veces seguidas!';
  const courtesy = starterRule('tone.courtesy');

  it("words each sentence's finding in that sentence's language", () => {
    const findings = withOrg.check(`${english} ${spanish}`, { network: 'x' });
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['tone.courtesy', wording(courtesy.message, 'en', 'shitty')],
      ['tone.courtesy', wording(courtesy.message, 'es', 'mierda')],
    ]);
  });

  it('words the disclosure in the language of the sentence that names the organisation', () => {
    const french =
      "Le nouvel entrepôt d'ACME à Lyon ouvre ses portes lundi, venez découvrir les équipes sur place.";
    const disclosure = starterRule('disclosure.affiliation');
    const findings = withOrg.check(`${english} ${french}`, { network: 'x' });
    expect(only(findings, 'disclosure.affiliation').message).toBe(
      wording(disclosure.message, 'fr', ''),
    );
    expect(only(findings, 'tone.courtesy').message).toBe(wording(courtesy.message, 'en', 'shitty'));
  });
});

describe("language: 'fr'", () => {
  it('words every finding in French, and fixes the disclosure in French', () => {
    const text = `${HEATED.es.text} ${HEATED.en.text}`;
    const findings = withOrg.check(text, { network: 'x', language: 'fr' });
    const courtesy = starterRule('tone.courtesy');
    const disclosure = starterRule('disclosure.affiliation');
    if (disclosure.kind !== 'disclosure') throw new Error('not a disclosure rule');
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['tone.courtesy', wording(courtesy.message, 'fr', 'mierda')],
      ['tone.courtesy', wording(courtesy.message, 'fr', 'shitty')],
      ['disclosure.affiliation', wording(disclosure.message, 'fr', '')],
    ]);
    expect(findings[2]?.suggestions[0]?.edits[0]?.text).toBe(' (Je travaille chez ACME.)');
  });
});

/**
 * Posts that the starter's other rules should catch in each language: what their English
 * lists alone missed (labels, passwords, client and figure words), in the language's words.
 */
const CONFIDENTIAL: [PostLanguage, string, string, string][] = [
  [
    'es',
    'confidential.labels',
    'Os dejo la presentación del plan anual, solo para uso interno, con todos los objetivos.',
    'solo para uso interno',
  ],
  [
    'fr',
    'confidential.labels',
    "Voici la présentation du plan annuel, strictement confidentiel, avec tous les objectifs de l'année.",
    'strictement confidentiel',
  ],
  [
    'de',
    'confidential.labels',
    'Hier ist die Präsentation zum Jahresplan, nur für den internen Gebrauch, mit allen Zielen.',
    'nur für den internen Gebrauch',
  ],
  [
    'pt',
    'confidential.labels',
    'Segue a apresentação do plano anual, apenas para uso interno, com todas as metas do ano.',
    'apenas para uso interno',
  ],
  [
    'es',
    'confidential.credentials',
    'Para entrar en la wifi de la oficina nueva, la contraseña: Verano2024! y el usuario es invitados.',
    'contraseña: Verano2024!',
  ],
  [
    'fr',
    'confidential.credentials',
    'Pour le wifi du nouveau bureau, le mot de passe : Azerty123! et le nom du réseau est invités.',
    'mot de passe : Azerty123!',
  ],
  [
    'de',
    'confidential.credentials',
    'Für das WLAN im neuen Büro gilt ab heute das Passwort: Sommer2024! und der Name ist Gäste.',
    'Passwort: Sommer2024!',
  ],
  [
    'pt',
    'confidential.credentials',
    'Para o wifi do escritório novo, a senha: Verao2024! e o nome da rede é convidados.',
    'senha: Verao2024!',
  ],
  [
    'es',
    'confidential.personal-data',
    '¡Gracias por el taller de hoy! Si queréis referencias, nuestra cliente os responde en ana.martinez@ejemplo.es.',
    'ana.martinez@ejemplo.es',
  ],
  [
    'fr',
    'confidential.personal-data',
    'Merci pour ce beau témoignage ! Pour la contacter, notre patiente répond à claire.dubois@exemple.fr.',
    'claire.dubois@exemple.fr',
  ],
  [
    'de',
    'confidential.personal-data',
    'Danke für den tollen Workshop heute! Bei Fragen antwortet euch unsere Kundin unter julia.becker@beispiel.de.',
    'julia.becker@beispiel.de',
  ],
  [
    'pt',
    'confidential.personal-data',
    'Obrigado ao paciente pelo depoimento de hoje; o prontuário dele fica com a doutora, ligue para joao.souza@exemplo.com.br.',
    'joao.souza@exemplo.com.br',
  ],
  [
    'es',
    'confidential.financials',
    'Los ingresos de este trimestre han crecido un 18 % respecto al año pasado, y vamos a por más.',
    '18 %',
  ],
  [
    'fr',
    'confidential.financials',
    "Le chiffre d'affaires de ce trimestre a progressé de 18 % par rapport à l'an dernier, bravo à tous.",
    '18 %',
  ],
  [
    'de',
    'confidential.financials',
    'Unser Umsatz ist in diesem Quartal um 18 % gegenüber dem Vorjahr gewachsen, danke an alle im Team.',
    '18 %',
  ],
  [
    'pt',
    'confidential.financials',
    'O faturamento deste trimestre cresceu 18% em relação ao ano passado, obrigado a toda a equipe.',
    '18%',
  ],
];

describe('the confidential rules in each language', () => {
  it.each(CONFIDENTIAL)('%s: %s on "%s"', (language, ruleId, text, match) => {
    const finding = only(withOrg.check(text, { network: 'x' }), ruleId);
    expect(finding.match).toBe(match);
    expect(finding.message).toBe(wording(starterRule(ruleId).message, language, match));
  });

  it('finds none of them in posts that only talk about the same things', () => {
    const innocent = [
      'Hoy hemos aprendido a cambiar la contraseña del router en el taller de seguridad.',
      "Le mot de passe de votre compte doit contenir au moins douze caractères, c'est la règle.",
      'Unser Team hat heute im Workshop gelernt, wie man ein sicheres Passwort wählt.',
      'Nosso time aprendeu hoje como escolher uma senha segura para cada conta.',
    ];
    for (const text of innocent) expect(withOrg.check(text, { network: 'x' })).toEqual([]);
  });
});

describe('what the disclosure does not count', () => {
  it('does not take a customer saying "mi empresa" for an employee', () => {
    const text =
      'En mi empresa usamos ACME desde hace años y la nueva versión nos ahorra horas cada semana.';
    const ruleIds = withOrg.check(text, { network: 'linkedin' }).map((f) => f.ruleId);
    expect(ruleIds).toContain('disclosure.affiliation');
  });

  it('does not take a word for advertising in the text for a disclosure', () => {
    // "#werbung" would be found as the plain word "Werbung": the matcher reads a hashtag
    // marker as its word, so ad labels that are common nouns are not markers.
    const text =
      'Die neue Werbung von ACME läuft seit gestern im Fernsehen, und sie ist richtig gut geworden.';
    const ruleIds = withOrg.check(text, { network: 'linkedin' }).map((f) => f.ruleId);
    expect(ruleIds).toContain('disclosure.affiliation');
  });
});

describe('the starter corpus in other languages', () => {
  it('passes `postguard test` under an organisation pack, every post as labelled', () => {
    const run = spawnCli([
      'test',
      'public/packs/starter.json',
      'tests/corpus-languages/starter/org-pack.json',
      'tests/corpus-languages/starter/posts',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      cases: number;
      misses: unknown[];
      overall: { precision: number; recall: number };
    };
    expect(report.misses).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(40);
    expect(run.code).toBe(0);
  }, 60_000);
});
