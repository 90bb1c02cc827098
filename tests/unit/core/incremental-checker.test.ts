import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePacks, formatPackError, type Checker, type Network } from '@/src/core/index';
import { analyseText, paragraphs, tokenize } from '@/src/core/text/analysis';
import { makePack } from './helpers';
import { CORPUS_POSTS } from './corpus-posts';

/**
 * The checker keeps each paragraph's findings for the rules that declare them paragraph-local
 * (RuleScope), cuts a tone rule into parts by check, and builds the words of a text from
 * those of its sentences. Whatever the edits, a check must answer exactly what checking every
 * rule whole on the whole text answers (`byParagraph: false`). Posts are built from the
 * labelled corpus and paragraphs that the paragraph rules find things in (insults, shouting,
 * addresses, Spanish sentences short enough to borrow their neighbours' words for their
 * language); each run applies a random sequence of edits and compares after every step, with
 * the network and the date changing too. The seed is fixed so a failure reproduces.
 */

const SEED = 20_261_204;

const pack = makePack({
  policyUrl: 'https://acme.example/policy',
  org: { name: 'ACME', aliases: ['ACME Corp', '@acme'] },
  rules: [
    {
      id: 'terms',
      kind: 'terms',
      severity: 'error',
      message: { default: '{match} is confidential', es: '{match} es confidencial' },
      terms: ['Project Falcon', 'leak', 'Acme Corp', { term: 'Initech', suggest: ['a customer'] }],
      until: '2026-06-01',
    },
    {
      id: 'pattern',
      kind: 'pattern',
      severity: 'warning',
      message: '{match}',
      patterns: ['(?i)internal only', 'ACME-\\d{4,}'],
    },
    {
      id: 'people',
      kind: 'entities',
      severity: 'warning',
      message: 'Personal data: {match}',
      entities: ['email', 'phone', 'money', 'url', 'person', 'percent'],
      allow: ['*.acme.example'],
    },
    {
      // No person and no near words: checked paragraph by paragraph.
      id: 'contact',
      kind: 'entities',
      severity: 'info',
      message: { default: 'Contact details: {match}', es: 'Datos de contacto: {match}' },
      entities: ['email', 'phone', 'url', 'money', 'percent'],
    },
    {
      id: 'disclosure',
      kind: 'disclosure',
      severity: 'warning',
      message: 'Say you work at ACME.',
      markers: ['#ACMEemployee', 'I work at {org}'],
      fix: ' #ACMEemployee',
    },
    {
      // Every check: insult and shouting per paragraph, the others on the whole post.
      id: 'tone',
      kind: 'tone',
      severity: 'info',
      message: { default: 'Tone: {match}', es: 'Tono: {match}' },
      checks: ['profanity', 'insult', 'shouting', 'absolutes', 'official-voice', 'slurs'],
    },
    {
      // Only in English sentences: each finding asks its sentence's language.
      id: 'tone.english',
      kind: 'tone',
      severity: 'warning',
      message: 'English tone: {match}',
      checks: ['shouting', 'insult'],
      languages: ['en'],
    },
    {
      id: 'length',
      kind: 'length',
      severity: 'warning',
      message: 'Too long',
      max: { x: 280, linkedin: 900, facebook: 1200 },
    },
  ],
});

function compile(byParagraph: boolean): Checker {
  const result = compilePacks([pack], { byParagraph });
  if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  return result.value;
}

const incremental = compile(true);
const whole = compile(false);

const CORPUS = CORPUS_POSTS;

const PARAGRAPHS = [
  'You are such an idiot. What a moron! Total clowns.',
  'WE ARE HIRING NOW in NYC. STOP IT NOW. Thanks NASA and ESA.',
  'Write to maria.chen@gmail.com or call 415-555-0100, about the $4.2M deal (12% off).',
  'Hola. Sí. Eres un idiota. ESTO ES INACEPTABLE.',
  'Gracias a todos. Nos vemos pronto. ¡Qué día!',
  'Merci. Vous êtes nuls. Bonne journée.',
  'Thanks to Sarah Chen and Dr. Raj Patel. I work at ACME, on Project Falcon.',
  'On behalf of ACME, this is guaranteed to work 100%. Views are my own.',
  'See https://example.com/news/2026/launch and ACME-12345, internal only.',
  'He said “no.\n\nBob Smith will call.” and left (really.\n\ntwice).',
  'LOUD',
  'ok',
];

const paragraph = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PARAGRAPHS) },
  { weight: 2, arbitrary: fc.constantFrom(...CORPUS) },
);

const BLANK = fc.constantFrom('\n\n', '\n\n\n', '\n \n', ' \n\n  ', '\r\n\r\n');

const post = fc
  .array(fc.tuple(paragraph, BLANK), { minLength: 2, maxLength: 6 })
  .map((parts) => parts.map(([text, blank], i) => (i === 0 ? text : blank + text)).join(''));

const TYPED = fc.constantFrom(
  'a',
  'K',
  ' ',
  '.',
  '. ',
  '!',
  '\n',
  '\n\n',
  ' idiot',
  ' you moron',
  ' WE ARE LOUD',
  'LOUD ',
  ' Sarah Chen',
  ' ACME',
  ' leak',
  ' a@b.example',
  ' 555-123-4567',
  ' hola',
  ' eres',
  '“',
  '”',
  '(',
  ')',
  '👩🏽‍💻',
);

type Edit =
  | { kind: 'type'; at: number; chars: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'paste'; at: number; text: string }
  | { kind: 'join'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), chars: TYPED }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), text: paragraph }),
  },
  // A blank line deleted: two paragraphs become one.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), at: fc.nat() }) },
);

/** Never split a surrogate pair: nobody can type half an emoji. */
function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case 'type': {
      const at = safeOffset(text, e.at % (text.length + 1));
      return text.slice(0, at) + e.chars + text.slice(at);
    }
    case 'delete': {
      if (text.length === 0) return text;
      const at = safeOffset(text, e.at % text.length);
      return text.slice(0, at) + text.slice(safeOffset(text, at + e.count));
    }
    case 'paste': {
      const at = safeOffset(text, e.at % (text.length + 1));
      return `${text.slice(0, at)}\n\n${e.text}\n\n${text.slice(at)}`;
    }
    case 'join': {
      const breaks = [...text.matchAll(/\n\s*\n\s*/g)];
      const found = breaks[e.at % Math.max(1, breaks.length)];
      if (!found) return text;
      return `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`;
    }
  }
}

const network = fc.constantFrom<Network>('linkedin', 'x', 'facebook');
/** Either side of the terms rule's embargo. */
const now = fc.constantFrom(new Date(2026, 4, 31, 23, 59), new Date(2026, 5, 1, 0, 1));

describe('checking paragraph by paragraph', () => {
  it('cuts posts into paragraphs that cover them, at blank lines', () => {
    expect(paragraphs('a\n\nb')).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 4 },
    ]);
    expect(paragraphs('a\n \n  b\nc\n\n')).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 11 },
    ]);
    expect(paragraphs('one paragraph\nof two lines')).toEqual([{ start: 0, end: 26 }]);
    expect(paragraphs('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('finds what checking every rule whole finds, after every edit of a random sequence', () => {
    let steps = 0;
    const byRule = new Map<string, number>();
    fc.assert(
      fc.property(
        post,
        fc.array(fc.tuple(edit, network, now), { minLength: 1, maxLength: 12 }),
        (start, edits) => {
          let text = start;
          const first = { network: 'linkedin' as Network, now: new Date(2026, 0, 1) };
          expect(incremental.check(text, first)).toEqual(whole.check(text, first));
          for (const [e, net, date] of edits) {
            text = apply(text, e);
            const options = { network: net, now: date };
            const expected = whole.check(text, options);
            expect(incremental.check(text, options)).toEqual(expected);
            steps++;
            for (const id of new Set(expected.map((f) => f.ruleId)))
              byRule.set(id, (byRule.get(id) ?? 0) + 1);
          }
        },
      ),
      { seed: SEED, numRuns: 80 },
    );
    // The comparison means something only if the paragraph rules found things throughout.
    // (steps with a finding of the rule: the paragraph rules, and names, in most of them)
    for (const rule of ['tone', 'tone.english', 'contact', 'people'])
      expect(byRule.get(rule) ?? 0).toBeGreaterThan(steps / 2);
    expect(byRule.get('terms') ?? 0).toBeGreaterThan(steps / 10);
  }, 180_000);

  it('finds what checking every rule whole finds, in Spanish and mixed posts with messages in Spanish', () => {
    const options = { network: 'linkedin' as Network, language: 'es' as const };
    const text = PARAGRAPHS.join('\n\n');
    expect(incremental.check(text, options)).toEqual(whole.check(text, options));
    let typed = text;
    for (const word of ' Eres un idiota. ESTO ES INACEPTABLE.\n\nHola'.split(/(?= )/)) {
      typed += word;
      expect(incremental.check(typed, { network: 'linkedin' })).toEqual(
        whole.check(typed, { network: 'linkedin' }),
      );
    }
  });
});

describe('the words of a text built from its sentences', () => {
  it('are the words of the whole text, after every edit', () => {
    fc.assert(
      fc.property(post, fc.array(edit, { maxLength: 10 }), (start, edits) => {
        let text = start;
        expect(analyseText(text).words()).toEqual(tokenize(text));
        for (const e of edits) {
          text = apply(text, e);
          expect(analyseText(text).words()).toEqual(tokenize(text));
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
