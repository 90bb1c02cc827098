import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePacks, formatPackError, type Checker, type Network } from '@/src/core/index';
import { makePack } from './helpers';

/**
 * The rules checked on the whole post every time (disclosure, official voice, entities'
 * `near` words) read their phrases paragraph by paragraph, each paragraph's answer kept by
 * its text (eachParagraph in text/analysis.ts): official voice keeps its phrases with their
 * negations read, the phrase matchers their hits. Whatever the edits, a check must answer
 * what the checker answers when it keeps nothing (`byParagraph: false`). The paragraphs are
 * made of what these rules read: the organisation, its markers, official-voice phrases with
 * and without a negation before them, disclaimers, in several languages.
 */

const SEED = 20_261_203;

const pack = makePack({
  org: { name: 'ACME', aliases: ['ACME Corp', '@acme'] },
  rules: [
    {
      id: 'disclosure',
      kind: 'disclosure',
      severity: 'warning',
      message: { default: 'Say you work at ACME.', es: 'Di que trabajas en ACME.' },
      markers: { default: ['#ACMEemployee', 'I work at {org}', 'my employer'], es: ['mi empresa'] },
      fix: ' #ACMEemployee',
    },
    {
      id: 'voice',
      kind: 'tone',
      severity: 'info',
      message: { default: 'Voice: {match}', es: 'Voz: {match}', fr: 'Voix : {match}' },
      checks: ['official-voice'],
    },
    {
      id: 'near',
      kind: 'entities',
      severity: 'info',
      message: 'Money near ACME: {match}',
      entities: ['money', 'percent'],
      near: ['ACME', 'revenue'],
    },
  ],
});

function compile(byParagraph: boolean): Checker {
  const result = compilePacks([pack], { byParagraph });
  if (!result.ok) throw new Error(result.errors.map(formatPackError).join('\n'));
  return result.value;
}

const kept = compile(true);
const whole = compile(false);

const PARAGRAPHS = [
  'On behalf of ACME, we are thrilled to announce the launch.',
  'I do not speak on behalf of ACME. Just my thoughts.',
  "ACME's official position is that revenue grew 12% to $4.2M.",
  'Hablo en nombre de ACME cuando digo esto.',
  'No hablo en nombre de ACME, ojo.',
  'La posición oficial de ACME es apoyar el plan.',
  "Au nom d'ACME, merci à tous.",
  'Im Namen von ACME danke ich allen.',
  'Views are my own.',
  'Las opiniones son mías.',
  'Proud to share what the team at ACME Corp built. #ACMEemployee',
  'I work at ACME and I love it.',
  'Thanks @acme for the invite!',
  'Nothing to see here, just a walk in the park.',
  'Revenue: $10M, up 5%.',
  'ok',
];

const paragraph = fc.constantFrom(...PARAGRAPHS);
const BLANK = fc.constantFrom('\n\n', '\n \n', ' \n\n  ', '\r\n\r\n', '\n');

const post = fc
  .array(fc.tuple(paragraph, BLANK), { minLength: 1, maxLength: 7 })
  .map((parts) => parts.map(([text, blank], i) => (i === 0 ? text : blank + text)).join(''));

const TYPED = fc.constantFrom(
  'a',
  ' ',
  '.',
  ',',
  '\n',
  '\n\n',
  ' not',
  ' no',
  ' ACME',
  ' on behalf of ACME',
  ' Views are my own.',
  '#',
);

type Edit =
  | { kind: 'type'; at: number; chars: string }
  | { kind: 'delete'; at: number; count: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), chars: TYPED }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      count: fc.integer({ min: 1, max: 12 }),
    }),
  },
);

function apply(text: string, e: Edit): string {
  if (e.kind === 'type') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.chars + text.slice(at);
  }
  if (text.length === 0) return text;
  const at = e.at % text.length;
  return text.slice(0, at) + text.slice(at + e.count);
}

const network = fc.constantFrom<Network>('linkedin', 'x', 'facebook');

describe('post rules reading paragraph by paragraph', () => {
  it('find what they find reading the whole post, after every edit of a random sequence', () => {
    const byRule = new Map<string, number>();
    let steps = 0;
    fc.assert(
      fc.property(
        post,
        fc.array(fc.tuple(edit, network), { minLength: 1, maxLength: 12 }),
        (start, edits) => {
          let text = start;
          for (const [e, net] of edits) {
            text = apply(text, e);
            const options = { network: net, now: new Date(2026, 0, 1) };
            const expected = whole.check(text, options);
            expect(kept.check(text, options)).toEqual(expected);
            steps++;
            for (const id of new Set(expected.map((f) => f.ruleId)))
              byRule.set(id, (byRule.get(id) ?? 0) + 1);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    // Each rule must have found things often for the comparison to mean something.
    for (const rule of ['disclosure', 'voice', 'near'])
      expect(byRule.get(rule) ?? 0).toBeGreaterThan(steps / 10);
  }, 120_000);
});
