import type { Pack, Rule } from '../src/core/index';

/**
 * Synthetic packs and posts for the benchmarks: realistic shapes (code names, customer
 * names, multi-word product names), made from a seeded generator so every run measures
 * the same thing.
 */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'zen',
  'ix',
  'ar',
  'sol',
  'bri',
  'dan',
  'el',
  'fy',
  'gor',
  'hal',
  'is',
  'jun',
  'kor',
  'lum',
  'nor',
  'op',
  'pha',
  'qui',
  'rus',
  'sta',
  'tal',
  'ul',
  'vex',
  'wyn',
];
const COMPANY = [
  'Traders',
  'Holdings',
  'Logistics',
  'Bank',
  'Health',
  'Energy',
  'Partners',
  'Labs',
  'Foods',
  'Airlines',
  'Insurance',
  'Retail',
];
const PRODUCT = [
  'Gateway',
  'Cloud',
  'Studio',
  'Engine',
  'Platform',
  'Suite',
  'Hub',
  'Connect',
  'Vision',
  'Pay',
];
const PROSE = (
  'we are excited to share that our team has been working hard on something new for customers ' +
  'this quarter the results show strong growth across every region and I am proud of everyone ' +
  'who helped make it happen thanks to our partners and the community for the support along the way ' +
  'looking forward to the conference next month where we will talk about what comes next ' +
  'if you want to learn more reach out or visit the website and follow along for updates'
).split(' ');

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function makeName(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < count; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return capitalise(name);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` distinct terms: code names, "Project X", customers, products, three-word names. */
export function syntheticTerms(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const terms = new Set<string>();
  while (terms.size < count) {
    const roll = random();
    const name = makeName(random);
    if (roll < 0.2) terms.add(name);
    else if (roll < 0.6) terms.add(`Project ${name}`);
    else if (roll < 0.8) terms.add(`${name} ${pick(random, COMPANY)}`);
    else if (roll < 0.9) terms.add(`${name} ${pick(random, PRODUCT)}`);
    else terms.add(`${name} ${makeName(random)} ${pick(random, PRODUCT)}`);
  }
  return [...terms];
}

const PEOPLE = [
  'Maria Chen',
  'Dana Okafor',
  'James Whitfield',
  'Priya Raman',
  'Tomás Ortega',
  'Lena Fischer',
  'Sam Adeyemi',
  'Hannah Lee',
];

export interface PostShape {
  /**
   * Sentences as people write them (8 to 24 words, a full stop, now and then a paragraph);
   * `false` makes one run-on sentence of the whole post, which compromise tags in time that
   * grows faster than its length.
   */
  sentences?: boolean;
  /**
   * A person's name as every sentence's third word: the worst case for names, since a
   * sentence that names someone is always tagged by compromise (nlp/name-gate.ts).
   */
  nameInEverySentence?: boolean;
}

/**
 * A post of about `length` characters of prose with a few terms, people's names, hashtags,
 * emoji, a link and a phone number, in sentences and paragraphs unless told otherwise.
 */
export function syntheticPost(
  length: number,
  terms: readonly string[],
  seed = 2,
  shape: PostShape = {},
): string {
  const sentences = shape.sentences ?? true;
  const random = seededRandom(seed);
  let post = '';
  let words = 0;
  let wanted = 8 + Math.floor(random() * 17);
  let inParagraph = 0;
  while (post.length < length) {
    const roll = random();
    let part: string;
    if (roll < 0.01) part = pick(random, terms);
    else if (roll < 0.02) part = `#${pick(random, terms).replace(/\s+/g, '')}`;
    else if (roll < 0.03) part = pick(random, ['🎉', '👍🏽', '👩‍💻', '🚀']);
    else if (roll < 0.035) part = 'https://example.com/news/2026/launch';
    else if (roll < 0.04) part = '555-123-4567';
    else if (roll < 0.05) part = pick(random, PEOPLE);
    else part = pick(random, PROSE);
    if (sentences && shape.nameInEverySentence && words === 2) part = pick(random, PEOPLE);
    if (sentences && words === 0) part = capitalise(part);
    post += post === '' || post.endsWith('\n') ? part : ` ${part}`;
    words += 1;
    if (sentences && words >= wanted) {
      const end = random();
      post += end < 0.1 ? '!' : end < 0.15 ? '?' : '.';
      words = 0;
      wanted = 8 + Math.floor(random() * 17);
      inParagraph += 1;
      if (inParagraph >= 3 && random() < 0.35) {
        post += '\n\n';
        inParagraph = 0;
      }
    }
  }
  return post.slice(0, length);
}

function base(id: string): Omit<Pack, 'rules'> {
  return {
    format: 'postguard/pack@1',
    id,
    name: 'Benchmark pack',
    version: '1.0.0',
    policyUrl: 'https://intranet.acme.example/social-media-policy',
    org: { name: 'ACME', aliases: ['ACME Corp', '@acme', '#acme'] },
    content: [],
  };
}

/** Rules of every kind, with a terms rule of `termCount` terms. Kinds not built yet find nothing. */
export function syntheticPack(termCount: number, seed = 1): Pack {
  const terms = syntheticTerms(termCount, seed);
  const rules: Rule[] = [
    {
      id: 'confidential.codenames',
      kind: 'terms',
      severity: 'error',
      message: '{match} is confidential.',
      terms,
      exceptions: ['Falcon Heavy'],
      swap: { 'Acme corp': 'ACME' },
    },
    {
      id: 'confidential.markers',
      kind: 'pattern',
      severity: 'error',
      message: 'This looks internal: {match}',
      patterns: [
        '(?i)internal only|do not share',
        '\\bQ[1-4] (?:results|earnings) before \\d{1,2} \\w+',
        'ACME-\\d{4,}',
      ],
    },
    {
      id: 'privacy.entities',
      kind: 'entities',
      severity: 'warning',
      message: 'Personal data: {match}',
      entities: ['email', 'phone', 'money', 'url', 'person', 'percent'],
      allow: ['press@acme.example', '*.acme.example'],
    },
    {
      id: 'disclosure.employee',
      kind: 'disclosure',
      severity: 'warning',
      message: 'Say that you work at ACME.',
      markers: ['#ACMEemployee', 'I work at {org}', 'my employer'],
      fix: ' #ACMEemployee',
    },
    {
      id: 'tone.basics',
      kind: 'tone',
      severity: 'info',
      message: 'Check the tone: {match}',
      checks: ['profanity', 'insult', 'shouting', 'absolutes', 'official-voice'],
    },
    {
      id: 'length.limits',
      kind: 'length',
      severity: 'warning',
      message: 'Too long for this network.',
    },
  ];
  return { ...base(`bench-${termCount}`), rules };
}

/**
 * The same pack without `person` among its entities: what every other rule costs, to show how
 * much of a check finding person names takes (compromise over the whole post).
 */
export function withoutPerson(pack: Pack): Pack {
  return {
    ...pack,
    id: `${pack.id}-no-person`,
    rules: pack.rules.map((rule) =>
      'kind' in rule && rule.kind === 'entities'
        ? { ...rule, entities: rule.entities.filter((entity) => entity !== 'person') }
        : rule,
    ),
  };
}
