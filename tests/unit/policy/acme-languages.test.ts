import { describe, expect, it } from 'vitest';
import { compilePacks, parsePack, type Checker, type Finding, type Pack } from '@/src/core';
import { contentText } from '@/src/core/content';
import { NETWORKS, type ContentItem } from '@/src/core/pack/schema';
import { detectLanguage } from '@/src/core/text/language';
import { localize, type Localized } from '@/src/core/text/localized';
import { POST_LANGUAGES, type PostLanguage } from '@/src/core/text/post-languages';
import { itemNetworks, libraryEntries, shareText } from '@/src/ui/popup/library';
import acmeJson from '@/public/packs/acme-demo.json';
import starterJson from '@/public/packs/starter.json';
import { expectEveryLanguage, OTHER_LANGUAGES } from './translations';

/**
 * The ACME demo pack in Spanish, French, German and Portuguese: every rule's message in
 * each, the words of the rules it overrides kept in each language, and its approved content
 * worded in each so that what a person shares passes the pack's own rules. Checked through
 * the whole engine, language detection included, under the starter and ACME together as the
 * demo runs them.
 */

function parsed(json: unknown): Pack {
  const result = parsePack(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const starter = parsed(starterJson);
const acme = parsed(acmeJson);
const compiled = compilePacks([starter, acme]);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
const checker: Checker = compiled.value;

/** A day on which every ACME item is on offer and the Stratus X2 is still under embargo. */
const NOW = new Date(2026, 11, 3, 12);

function acmeRule(id: string) {
  const rule = acme.rules.find((r) => r.id === id);
  if (!rule || !('kind' in rule)) throw new Error(`no ACME rule ${id}`);
  return rule;
}

function starterRule(id: string) {
  const rule = starter.rules.find((r) => r.id === id);
  if (!rule || !('kind' in rule)) throw new Error(`no starter rule ${id}`);
  return rule;
}

/** ACME's rules that say something (not the switch that turns the starter's labels off). */
const ACME_RULE_IDS = acme.rules.filter((rule) => 'kind' in rule).map((rule) => rule.id);

/** The rule's message in `language`, as a finding on `match` shows it. */
function wording(message: Localized<string>, language: PostLanguage, match: string): string {
  return localize(message, language).replaceAll('{match}', match);
}

type Described = [ruleId: string, match: string, message: string];

function sorted(described: Described[]): Described[] {
  return [...described].sort((a, b) => a.join('\n').localeCompare(b.join('\n')));
}

/** Rule, match and message of each finding, in a stable order. */
function described(findings: Finding[]): Described[] {
  return sorted(findings.map((f): Described => [f.ruleId, f.match, f.message]));
}

/** What ACME's rule `ruleId` says about `match` in `language`. */
function expected(ruleId: string, match: string, language: PostLanguage): Described {
  return [ruleId, match, wording(acmeRule(ruleId).message, language, match)];
}

describe('the ACME demo pack in five languages: its wording', () => {
  it.each(ACME_RULE_IDS)('%s has a message in every language', (id) => {
    const { message } = acmeRule(id);
    const byLanguage = expectEveryLanguage(id, message);
    // French sets a no-break space before : ; ? ! » and after «, as the starter does.
    const french = byLanguage.fr ?? '';
    expect(french, `${id} in French`).not.toMatch(/ [:;?!»]|« /);
  });

  it("keeps every language's client and patient words of the starter's personal-data rule", () => {
    const ours = acmeRule('confidential.personal-data');
    const theirs = starterRule('confidential.personal-data');
    if (ours.kind !== 'entities' || theirs.kind !== 'entities') throw new Error('not entities');
    expect(ours.near).toEqual(expect.arrayContaining(theirs.near ?? []));
  });
});

/**
 * A post in each language that names a customer and a code name, promises in ACME's own
 * words, links inside ACME and quotes a classification, without saying the author works
 * there.
 */
const LEAKY: Record<
  PostLanguage,
  { text: string; customer: string; codename: string; promises: string[]; label: string }
> = {
  en: {
    text: 'Globex asked about Project Falcon today: the new release is bulletproof, with zero downtime. Details (internal use only) are on https://jira.acme.internal/RR-1234 for the team.',
    customer: 'Globex',
    codename: 'Project Falcon',
    promises: ['bulletproof', 'zero downtime'],
    label: 'internal use only',
  },
  es: {
    text: 'Hoy Globex nos ha preguntado por Project Falcon: la nueva versión es a prueba de balas y tiene cero caídas. Los detalles (solo para uso interno) están en https://jira.acme.internal/RR-1234 para el equipo.',
    customer: 'Globex',
    codename: 'Project Falcon',
    promises: ['a prueba de balas', 'cero caídas'],
    label: 'solo para uso interno',
  },
  fr: {
    text: "Globex nous a interrogés sur Nightjar aujourd'hui\u00a0: la nouvelle version est à toute épreuve, avec zéro interruption. Les détails (usage interne uniquement) sont sur https://jira.acme.internal/RR-1234 pour l'équipe.",
    customer: 'Globex',
    codename: 'Nightjar',
    promises: ['à toute épreuve', 'zéro interruption'],
    label: 'usage interne uniquement',
  },
  de: {
    text: 'Initech hat heute nach Nightjar gefragt: Die neue Version ist bombensicher, mit null Ausfallzeit. Die Details (nur für den internen Gebrauch) stehen unter https://jira.acme.internal/RR-1234 fürs Team.',
    customer: 'Initech',
    codename: 'Nightjar',
    promises: ['bombensicher', 'null Ausfallzeit'],
    label: 'nur für den internen Gebrauch',
  },
  pt: {
    text: 'A Umbrella Health perguntou hoje sobre o Project Magpie: a nova versão é à prova de balas, com zero tempo de inatividade. Os detalhes (apenas para uso interno) estão em https://jira.acme.internal/RR-1234 para a equipe.',
    customer: 'Umbrella Health',
    codename: 'Project Magpie',
    promises: ['à prova de balas', 'zero tempo de inatividade'],
    label: 'apenas para uso interno',
  },
};

/**
 * A post in each language by someone who says they work at ACME, with the brand and product
 * misspelt, the embargoed product named and the share price asked about.
 */
const CHATTY: Record<PostLanguage, string> = {
  en: "I work at Acme Corp and I'm trying Roadrunner on the Stratus X2; has anyone seen how $ACME is doing today?",
  es: 'Trabajo en Acme Corp y estoy probando Roadrunner con el Stratus X2; ¿alguien ha visto cómo va hoy $ACME en bolsa?',
  fr: "Je travaille chez Acme Corp et je teste Roadrunner avec le Stratus X2\u00a0; quelqu'un a vu comment évolue $ACME en bourse aujourd'hui\u00a0?",
  de: 'Ich arbeite bei Acme Corp und teste gerade Roadrunner mit dem Stratus X2; hat jemand gesehen, wie sich $ACME heute an der Börse entwickelt?',
  pt: 'Trabalho na Acme Corp e estou testando o Roadrunner com o Stratus X2; alguém viu como está $ACME na bolsa hoje?',
};

/** "whitelist" as IT people write it in each language. */
const WHITELIST: Record<PostLanguage, string> = {
  en: 'Could you add our domain to the whitelist? Otherwise the e-mails end up in spam.',
  es: '¿Podéis añadir nuestro dominio a la whitelist? Si no, los correos acaban en la carpeta de spam.',
  fr: 'Pouvez-vous ajouter notre domaine à la whitelist\u00a0? Sinon, les e-mails finissent dans les indésirables.',
  de: 'Könnt ihr unsere Domain auf die Whitelist setzen? Sonst landen die Mails im Spam-Ordner.',
  pt: 'Vocês podem colocar nosso domínio na whitelist? Senão os e-mails vão parar na caixa de spam.',
};

/** Someone's e-mail address beside a client or patient word the starter knows in each language. */
const PERSONAL: Record<PostLanguage, { text: string; email: string }> = {
  en: {
    text: 'Thanks for the workshop today! For a reference, our client answers at dana.whitfield@northwind.example.',
    email: 'dana.whitfield@northwind.example',
  },
  es: {
    text: '¡Gracias por el taller de hoy! Si queréis referencias, nuestra cliente os responde en ana.martinez@ejemplo.es.',
    email: 'ana.martinez@ejemplo.es',
  },
  fr: {
    text: 'Merci pour ce beau témoignage\u00a0! Pour la contacter, notre patiente répond à claire.dubois@exemple.fr.',
    email: 'claire.dubois@exemple.fr',
  },
  de: {
    text: 'Danke für den tollen Workshop heute! Bei Fragen antwortet euch unsere Kundin unter julia.becker@beispiel.de.',
    email: 'julia.becker@beispiel.de',
  },
  pt: {
    text: 'Obrigado ao paciente pelo depoimento de hoje; o prontuário dele fica com a doutora, escreva para joao.souza@exemplo.com.br.',
    email: 'joao.souza@exemplo.com.br',
  },
};

describe.each(POST_LANGUAGES)('a post in %s', (language) => {
  it("gets ACME's confidentiality, promise and disclosure messages in its language", () => {
    const post = LEAKY[language];
    const findings = checker.check(post.text, { network: 'linkedin', now: NOW });
    expect(described(findings)).toEqual(
      sorted([
        expected('confidential.customers', post.customer, language),
        expected('confidential.codenames', post.codename, language),
        ...post.promises.map((promise) => expected('tone.promises', promise, language)),
        expected('confidential.internal-links', 'https://jira.acme.internal/RR-1234', language),
        expected('confidential.classification', post.label, language),
        expected('disclosure.affiliation', '', language),
      ]),
    );
  });

  it("gets ACME's brand, product, embargo and share-price messages in its language", () => {
    const findings = checker.check(CHATTY[language], { network: 'x', now: NOW });
    expect(described(findings)).toEqual(
      sorted([
        expected('style.brand-name', 'Acme Corp', language),
        expected('style.product-names', 'Roadrunner', language),
        expected('confidential.embargo', 'Stratus X2', language),
        expected('finance.cashtag', '$ACME', language),
      ]),
    );
  });

  it("gets ACME's inclusive-language message in its language", () => {
    const findings = checker.check(WHITELIST[language], { network: 'x', now: NOW });
    const match = language === 'de' ? 'Whitelist' : 'whitelist';
    expect(described(findings)).toEqual([expected('style.inclusive-language', match, language)]);
  });

  it("finds personal data beside the language's client words, with ACME's message in it", () => {
    const post = PERSONAL[language];
    const findings = checker.check(post.text, { network: 'x', now: NOW });
    expect(described(findings)).toEqual([
      expected('confidential.personal-data', post.email, language),
    ]);
  });
});

describe("ACME's approved content in five languages", () => {
  const entries = libraryEntries([starter, acme], NOW);
  const cases = entries.flatMap((entry) =>
    itemNetworks(entry.item).flatMap((network) =>
      POST_LANGUAGES.map((language) => ({ entry, id: entry.item.id, network, language })),
    ),
  );

  it('offers every item of the pack today', () => {
    expect(entries.map((entry) => entry.item.id).sort()).toEqual(
      acme.content.map((item) => item.id).sort(),
    );
  });

  it.each(acme.content.map((item) => [item.id, item] as const))(
    '%s has each of its wordings in every language',
    (_, item: ContentItem) => {
      const { text } = item;
      for (const language of OTHER_LANGUAGES) expect(text[language], language).toBeTruthy();
      for (const network of NETWORKS) {
        const own = text[network];
        if (own === undefined) continue;
        expect(typeof own, network).toBe('object');
        expect(Object.keys(own).sort(), network).toEqual(['default', ...OTHER_LANGUAGES].sort());
      }
    },
  );

  it.each(cases)('$id on $network in $language', ({ entry, network, language }) => {
    const { item } = entry;
    const text = contentText(item, network, language);
    if (language === 'en') {
      expect(text).toBe(contentText(item, network));
    } else {
      expect(text).not.toBe(contentText(item, network));
      if (language === 'fr') expect(text).not.toMatch(/ [:;?!»%]|« /);
    }
    // Read as its language, so that anything found in it is worded in that language.
    expect(detectLanguage(text)).toBe(language);

    const share = shareText(entry, network, language);
    expect(share.wording).toBe(text);
    for (const hashtag of item.hashtags ?? []) expect(share.text).toContain(hashtag);
    if (item.url) expect(share.link?.startsWith(item.url)).toBe(true);

    const findings = checker.check(share.text, { network, now: NOW });
    const problems = findings.filter((f) => f.severity !== 'info');
    expect(problems.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
