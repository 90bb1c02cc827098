import { z } from '../zod';
import { POST_LANGUAGES } from '../text/post-languages';

/**
 * The policy pack contract (`postguard/pack@1`), as zod schemas. Everything a pack may
 * say is declared here; the types the rest of the engine uses are inferred from it.
 * Unknown keys are refused so that a typo in a pack is an error, not a silent no-op.
 */

export const PACK_FORMAT = 'postguard/pack@1';
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

export const NETWORKS = ['x', 'facebook', 'linkedin'] as const;
export const Network = z.enum(NETWORKS);
export type Network = z.infer<typeof Network>;

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to March: only a date that survives the round trip is real.
  .refine(
    (s) => {
      const time = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
    },
    { message: 'not a real calendar date', params: { pgCode: 'PG207' } },
  );

const semver = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
    'expected a semantic version such as 2026.11.2',
  );

const packId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids use lower-case letters, digits, dots and dashes');

const ruleId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'rule ids are dotted names such as confidential.codenames',
  );

const httpUrl = z
  .string()
  .url({ message: 'expected a URL', abort: true })
  .refine((u) => /^https?:\/\//i.test(u), {
    message: 'expected an http or https URL',
    params: { pgCode: 'PG208' },
  });

/** Guide section and exercise ids: they end up in `guide.html#<id>`, so URL-safe. */
const guideId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'guide ids use lower-case letters, digits and dashes, such as disclose',
  );

export const Language = z.enum(POST_LANGUAGES);
export type Language = z.infer<typeof Language>;

const languages = z
  .array(Language)
  .min(1, 'name at least one language, or leave "languages" out for all')
  .optional();

/**
 * `value`, or the same thing per language: `{ "default": ..., "es": ..., "fr": ... }`. The
 * post's language picks the wording; the default is for the others.
 */
function localized<T extends z.ZodType>(value: T) {
  return z.union([
    value,
    z
      .object({
        default: value,
        en: value.optional(),
        es: value.optional(),
        fr: value.optional(),
        de: value.optional(),
        pt: value.optional(),
      })
      .strict(),
  ]);
}

/** Fields every rule has. */
const ruleBase = {
  id: ruleId.describe('Stable dotted id, such as confidential.codenames'),
  severity: Severity.describe('error asks the person to confirm before posting'),
  message: localized(z.string().min(1, 'a rule needs a message')).describe(
    'Shown to the person; {match} stands for the matched text. A string, or one per language: {"default": "...", "es": "..."}',
  ),
  link: httpUrl.optional().describe('The policy section that explains the rule'),
  networks: z.array(Network).min(1).optional().describe('Where the rule applies; default all'),
  enabled: z.boolean().optional().describe('false switches the rule off'),
  guide: guideId
    .optional()
    .describe('The id of the guide section that explains the rule: its cards link there ("Why?")'),
  languages: languages.describe(
    "The post languages the rule applies in; default the pack's, else all. A sentence whose language cannot be told is checked",
  ),
};

export const TermEntry = z.union([
  z.string().min(1, 'a term cannot be empty'),
  z
    .object({
      term: z.string().min(1, 'a term cannot be empty'),
      suggest: z.array(z.string()).optional(),
    })
    .strict(),
]);
export type TermEntry = z.infer<typeof TermEntry>;

/** Whether a terms rule has something to find; a `terms` or `swap` of the wrong type is its own problem. */
function hasATerm(rule: { terms?: unknown; swap?: unknown }): boolean {
  const { terms, swap } = rule;
  if (
    (terms !== undefined && !Array.isArray(terms)) ||
    (swap !== undefined && (typeof swap !== 'object' || swap === null))
  )
    return true;
  return (terms?.length ?? 0) > 0 || Object.keys(swap ?? {}).length > 0;
}

/**
 * A `terms` rule needs something to find: its `terms`, or the keys of its `swap` (which
 * are terms with their replacement, so a swap-only rule is complete as it is).
 */
export const TermsRule = z
  .object({
    ...ruleBase,
    kind: z.literal('terms'),
    terms: z
      .array(TermEntry)
      .optional()
      .describe('Words and phrases to find; may be left out when swap has terms'),
    case: z.enum(['insensitive', 'sensitive']).optional(),
    exceptions: z
      .array(z.string().min(1))
      .optional()
      .describe('Phrases in which a hit does not count'),
    until: isoDate.optional().describe('YYYY-MM-DD: an embargo that ends on this day'),
    swap: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe('Terms with their one replacement: { "Acme Corp": "ACME" }'),
  })
  .strict()
  .refine(hasATerm, {
    message: 'a terms rule needs at least one term, in "terms" or as a key of "swap"',
    path: ['terms'],
    params: { pgCode: 'PG305' },
    // Also when other fields are wrong, so that every problem is reported at once.
    when: () => true,
  });

export const PatternRule = z
  .object({
    ...ruleBase,
    kind: z.literal('pattern'),
    patterns: z.array(z.string().min(1)).min(1, 'a pattern rule needs at least one pattern'),
    flags: z.enum(['', 'i']).optional(),
  })
  .strict();

export const ENTITY_TYPES = ['email', 'phone', 'money', 'url', 'person', 'percent'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const EntitiesRule = z
  .object({
    ...ruleBase,
    kind: z.literal('entities'),
    entities: z.array(EntityType).min(1),
    allow: z.array(z.string().min(1)).optional(),
    near: z.array(z.string().min(1)).optional(),
    window: z.number().int().positive().optional(),
    /** Regions whose national phone numbers to expect (ISO 3166 codes); the compiler checks each. */
    regions: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'regions are ISO 3166 codes such as "US" or "GB"'))
      .min(1)
      .optional(),
  })
  .strict();

const perNetworkNumber = z.union([
  z.number().int().nonnegative(),
  z
    .object({
      x: z.number().int().nonnegative().optional(),
      facebook: z.number().int().nonnegative().optional(),
      linkedin: z.number().int().nonnegative().optional(),
    })
    .strict(),
]);

export const DisclosureRule = z
  .object({
    ...ruleBase,
    kind: z.literal('disclosure'),
    triggers: z.array(z.string().min(1)).optional(),
    markers: localized(
      z.array(z.string().min(1)).min(1, 'a disclosure rule needs at least one marker'),
    ).describe("Any language's markers count as a disclosure; the fix uses the post's language"),
    within: perNetworkNumber.optional(),
    fix: localized(z.string().min(1)).optional(),
    fixAt: z.enum(['end', 'start']).optional(),
  })
  .strict();

export const TONE_CHECKS = [
  'profanity',
  'insult',
  'shouting',
  'absolutes',
  'official-voice',
  'slurs',
] as const;
export const ToneCheck = z.enum(TONE_CHECKS);
export type ToneCheck = z.infer<typeof ToneCheck>;

const wordListAdjustments = z
  .object({
    profanity: z.array(z.string().min(1)).optional(),
    slurs: z.array(z.string().min(1)).optional(),
    insult: z.array(z.string().min(1)).optional(),
    absolutes: z.array(z.string().min(1)).optional(),
    'official-voice': z.array(z.string().min(1)).optional(),
  })
  .strict();

export const ToneRule = z
  .object({
    ...ruleBase,
    kind: z.literal('tone'),
    checks: z.array(ToneCheck).min(1),
    /** Words or phrases added to / removed from the built-in lists, per check. */
    add: wordListAdjustments.optional(),
    remove: wordListAdjustments.optional(),
    /** Severity of profanity by the word's level; a level left out keeps the rule's severity. */
    severities: z
      .object({ mild: Severity.optional(), strong: Severity.optional() })
      .strict()
      .optional(),
  })
  .strict();

export const LengthRule = z
  .object({
    ...ruleBase,
    kind: z.literal('length'),
    max: z
      .object({
        x: z.number().int().positive().optional(),
        facebook: z.number().int().positive().optional(),
        linkedin: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const Rule = z.discriminatedUnion('kind', [
  TermsRule,
  PatternRule,
  EntitiesRule,
  DisclosureRule,
  ToneRule,
  LengthRule,
]);
export type Rule = z.infer<typeof Rule>;
export type TermsRule = z.infer<typeof TermsRule>;
export type PatternRule = z.infer<typeof PatternRule>;
export type EntitiesRule = z.infer<typeof EntitiesRule>;
export type DisclosureRule = z.infer<typeof DisclosureRule>;
export type ToneRule = z.infer<typeof ToneRule>;
export type LengthRule = z.infer<typeof LengthRule>;
export type RuleKind = Rule['kind'];

type RuleSchema = (typeof Rule.options)[number];

/** Each kind's schema, by kind, taken from the union above: a kind is listed once. */
export const RULE_SCHEMAS = Object.fromEntries(
  Rule.options.map((schema) => [schema.shape.kind.value, schema]),
) as { [S in RuleSchema as z.infer<S>['kind']]: S };

/**
 * A rule in a pack that only adjusts an inherited rule: `{ "id": "...", "enabled": false }`
 * switches it off without restating it.
 */
export const RuleSwitch = z.object({ id: ruleId, enabled: z.literal(false) }).strict();
export type RuleSwitch = z.infer<typeof RuleSwitch>;

/** A network's wording: one text, or one per language. */
const NetworkWording = localized(z.string());

const ContentText = z
  .object({
    default: localized(z.string().min(1)),
    x: NetworkWording.optional(),
    facebook: NetworkWording.optional(),
    linkedin: NetworkWording.optional(),
    // A language's wording for every network that has none of its own in that language.
    en: z.string().min(1).optional(),
    es: z.string().min(1).optional(),
    fr: z.string().min(1).optional(),
    de: z.string().min(1).optional(),
    pt: z.string().min(1).optional(),
  })
  .strict();

export const ContentItem = z
  .object({
    id: packId,
    title: z.string().min(1),
    // A plain string is the natural way to write one wording: it is the default text.
    text: z.union([
      z
        .string()
        .min(1)
        .transform((text): z.output<typeof ContentText> => ({ default: text })),
      ContentText,
    ]),
    url: httpUrl.optional(),
    hashtags: z.array(z.string().regex(/^#\S+$/, 'hashtags start with #')).optional(),
    campaign: z.string().optional(),
    tags: z.array(z.string()).optional(),
    networks: z.array(Network).min(1).optional(),
    starts: isoDate.optional(),
    expires: isoDate.optional(),
  })
  .strict();
export type ContentItem = z.infer<typeof ContentItem>;

export const GuideSection = z
  .object({
    id: guideId,
    title: z.string().min(1),
    body: z
      .string()
      .min(1)
      .describe(
        'Plain text: paragraphs split by a blank line, lines starting "- " or "1. " are lists, [text](https://...) and bare https:// links',
      ),
  })
  .strict();
export type GuideSection = z.infer<typeof GuideSection>;

export const GuideExercise = z
  .object({
    id: guideId,
    title: z.string().min(1),
    network: Network.describe('The network whose rules the practice box checks with'),
    text: z.string().min(1).describe('A sample post with problems for the person to fix'),
  })
  .strict();
export type GuideExercise = z.infer<typeof GuideExercise>;

export const Guide = z
  .object({
    title: z.string().min(1).optional(),
    sections: z.array(GuideSection).default([]),
    exercises: z.array(GuideExercise).default([]),
  })
  .strict();
export type Guide = z.infer<typeof Guide>;

export const Pack = z
  .object({
    $schema: z.string().optional().describe('For editors: the pack JSON Schema'),
    format: z.literal(PACK_FORMAT, { message: `format must be "${PACK_FORMAT}"` }),
    id: packId.describe('Unique among the active packs, such as acme-social'),
    name: z.string().min(1).describe('Shown to people in the extension'),
    version: semver.describe('A semantic version; a source never moves to a lower one'),
    policyUrl: httpUrl.optional().describe('The written policy; the link of rules without one'),
    org: z
      .object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).optional() })
      .strict()
      .optional()
      .describe("The organisation's name and other ways people write it"),
    extends: z.array(packId).optional().describe('Ids of the packs this one builds on'),
    languages: languages.describe(
      'The post languages the rules of this pack apply in (en, es, fr, de, pt); default all',
    ),
    rules: z.array(z.union([Rule, RuleSwitch])).default([]),
    content: z.array(ContentItem).default([]).describe('Approved content to share'),
    guide: Guide.optional().describe(
      "The organisation's guide for staff: sections, and exercises to practise on",
    ),
    links: z
      .object({ utm: z.record(z.string(), z.string()).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;
