import type {
  CheckOptions,
  CheckTier,
  Finding,
  ResolvedCheckOptions,
  Suggestion,
} from './findings';
import { localDate } from './dates';
import { detached, LruCache } from './nlp/lru';
import { clampRange } from './offsets';
import { fail, formatPath, ok, type PackError, type Result } from './pack/errors';
import { lastDefined, layerRules, orderLayers, type EffectiveRule } from './pack/layers';
import type { Network, Pack } from './pack/schema';
import { compileRule, ruleParts, type RulePart } from './rules/registry';
import {
  PARAGRAPH_MARGIN,
  RuleCompileError,
  type CompiledRule,
  type RuleScope,
} from './rules/types';
import { analyseText, paragraphs, type TextAnalysis } from './text/analysis';
import { languageAt } from './text/language';
import { POST_LANGUAGES, type PostLanguage } from './text/post-languages';
import { layerGuide, type LayeredGuide } from './guide/layers';

/**
 * The checker: packs layered and compiled once, then `check` on every keystroke. All the
 * work that depends only on the packs happens in `compilePacks`.
 */

export interface Checker {
  /** The packs in layer order: each after the packs it extends. */
  readonly packs: readonly Pack[];
  /** The rules in force after layering. */
  readonly rules: readonly EffectiveRule[];
  readonly org?: { name: string; aliases: string[] };
  /** From the last pack that has one; a finding's link when neither its rule nor its pack has one. */
  readonly policyUrl?: string;
  readonly links?: Pack['links'];
  /** The guide of the packs in force, layered; absent when no pack has one. */
  readonly guide?: LayeredGuide;
  /** Whether any rule in force is in the slow tier (see `CheckOptions.tier`). */
  readonly hasSlowRules: boolean;
  /** Findings sorted by start, then end, then rule id. */
  check(text: string, options: CheckOptions): Finding[];
}

/** A compiled part of a rule (see ruleParts), and its place among all parts of all rules. */
interface ActivePart {
  compiled: CompiledRule;
  scope: RuleScope;
  rule: ActiveRule;
  /** Findings come in this order where they tie in position and rule id, as they always did. */
  order: number;
}

interface ActiveRule {
  packId: string;
  networks: ReadonlySet<Network> | undefined;
  link: string | undefined;
  /** The guide section that explains the rule; checked to exist when the packs compile. */
  guide: string | undefined;
  /** The post languages the rule applies in; undefined for all of them. */
  languages: ReadonlySet<PostLanguage> | undefined;
  tier: CheckTier;
}

/**
 * The slow tier: finding people's names runs compromise's tagger (a few milliseconds on a long
 * post even per changed sentence); every other rule stays within a keystroke's share of a frame.
 */
function tierOf(rule: EffectiveRule['rule']): CheckTier {
  return rule.kind === 'entities' && rule.entities.includes('person') ? 'slow' : 'quick';
}

/**
 * Whether a finding at `offset` is in a language the rule applies in. A sentence whose
 * language cannot be told is checked: a missed warning costs more than a needless one.
 */
function inRuleLanguage(rule: ActiveRule, analysis: TextAnalysis, offset: number): boolean {
  if (!rule.languages) return true;
  const language = languageAt(analysis, offset);
  return language === undefined || rule.languages.has(language);
}

function clampSuggestion(text: string, suggestion: Suggestion): Suggestion {
  return {
    ...suggestion,
    edits: suggestion.edits.map((e) => ({ ...clampRange(text, e.start, e.end), text: e.text })),
  };
}

/** Makes a rule's raw finding safe to show: whole characters, `{match}` filled, a link. */
function finish(text: string, finding: Finding, active: ActiveRule): Finding {
  const { start, end } = clampRange(text, finding.start, finding.end);
  const match =
    start === finding.start && end === finding.end ? finding.match : text.slice(start, end);
  const link = finding.link ?? active.link;
  return {
    ...finding,
    ...(active.guide ? { guide: active.guide } : {}),
    packId: active.packId,
    // A function replacer, so a `$&` typed in the post is not read as a pattern.
    message: finding.message.replaceAll('{match}', () => match),
    ...(link ? { link } : {}),
    start,
    end,
    match,
    suggestions: finding.suggestions.map((s) => clampSuggestion(text, s)),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** A finding, and where it comes in a check's list among findings at the same place. */
interface Placed {
  finding: Finding;
  order: number;
  index: number;
}

function byPlace(a: Placed, b: Placed): number {
  return byPosition(a.finding, b.finding) || a.order - b.order || a.index - b.index;
}

/** The finding moved `by` characters, its fixes with it. */
function shifted(finding: Finding, by: number): Finding {
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    suggestions: finding.suggestions.map((suggestion) => ({
      ...suggestion,
      edits: suggestion.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })),
    })),
  };
}

/**
 * What a paragraph's findings, with its margins, are kept as: per part, from its start; and
 * per part as last placed in a text, at `placedAt`: typing moves only the paragraphs after the
 * edit, so the others' findings are handed out again as they were, not copied to the same
 * offsets every check (nothing that receives findings changes them).
 */
interface KnownParagraph {
  findings: (Finding[] | undefined)[];
  placedAt: number;
  placed: (Finding[] | undefined)[];
}

/**
 * The paragraphs known for one stretch of text (a paragraph and its margins), by where the
 * paragraph is in it and the options. Keyed by the stretch as it is cut from the text: a key
 * joined from it and the rest would be copied whole to be looked up, every stretch every check.
 */
type KnownStretch = Map<string, KnownParagraph>;

/**
 * Paragraphs checked before, by their text with its margins and what else a paragraph rule
 * may read (RuleScope): typing changes one paragraph, and the others keep their findings.
 * Bounded by characters, for pasted pages.
 */
const KNOWN_PARAGRAPHS = 1_024;
const KNOWN_CHARACTERS = 300_000;

function ruleIndex(pack: Pack, rule: EffectiveRule['rule']): number {
  return pack.rules.indexOf(rule);
}

export interface CompileOptions {
  /**
   * `false` checks every rule whole on the whole text, as the checker did before it kept
   * paragraphs (RuleScope), and every finder whole too, keeping nothing by paragraph
   * (eachParagraph in text/analysis.ts): what the tests of both compare with. Default true.
   */
  byParagraph?: boolean;
}

export function compilePacks(
  packs: readonly Pack[],
  options: CompileOptions = {},
): Result<Checker> {
  const byParagraph = options.byParagraph !== false;
  const partsOf = !byParagraph
    ? (rule: EffectiveRule['rule']): RulePart[] => [{ rule, scope: 'post' }]
    : ruleParts;
  const layered = orderLayers(packs);
  if (!layered.ok) return layered;
  const ordered = layered.value;
  const rules = layerRules(ordered);
  const orgDeclared = lastDefined(ordered, 'org');
  const org = orgDeclared
    ? { name: orgDeclared.name, aliases: orgDeclared.aliases ?? [] }
    : undefined;
  const policyUrl = lastDefined(ordered, 'policyUrl');
  const packById = new Map(ordered.map((p) => [p.id, p]));
  const guide = layerGuide(ordered);
  const sectionIds = new Set(guide?.sections.map((section) => section.id));

  const errors: PackError[] = [];
  const active: ActiveRule[] = [];
  const parts: ActivePart[] = [];
  for (const effective of rules) {
    const pack = packById.get(effective.packId);
    if (!pack) continue;
    const path = `rules[${ruleIndex(pack, effective.rule)}]`;
    const section = effective.rule.guide;
    if (section !== undefined && !sectionIds.has(section)) {
      errors.push({
        code: 'missing-guide-section',
        pgCode: 'PG404',
        packId: pack.id,
        path: `${path}.guide`,
        message: `names the guide section "${section}", which no pack in force has`,
      });
      continue;
    }
    const languages = effective.rule.languages ?? pack.languages;
    try {
      const context = { pack, org, languages: languages ?? POST_LANGUAGES };
      const compiledParts = partsOf(effective.rule).map((part) => ({
        compiled: compileRule(part.rule, context),
        scope: part.scope,
      }));
      const rule: ActiveRule = {
        packId: pack.id,
        networks: effective.rule.networks ? new Set(effective.rule.networks) : undefined,
        // The rule's own pack knows best where its policy lives; the top pack otherwise.
        link: effective.rule.link ?? pack.policyUrl ?? policyUrl,
        guide: section,
        languages:
          languages && POST_LANGUAGES.some((language) => !languages.includes(language))
            ? new Set(languages)
            : undefined,
        tier: tierOf(effective.rule),
      };
      active.push(rule);
      for (const { compiled, scope } of compiledParts) {
        parts.push({ compiled, scope, rule, order: parts.length });
      }
    } catch (error) {
      if (error instanceof RuleCompileError) {
        const inner = formatPath(error.path);
        errors.push({
          code: 'compile',
          pgCode: 'PG403',
          packId: pack.id,
          path: !inner || inner.startsWith('[') ? path + inner : `${path}.${inner}`,
          message: error.message,
        });
      } else {
        // A compiler bug must not take the whole checker down with it; say which rule.
        const message = error instanceof Error ? error.message : String(error);
        errors.push({
          code: 'compile',
          pgCode: 'PG403',
          packId: pack.id,
          path,
          message: `could not be compiled: ${message}`,
        });
      }
    }
  }
  if (errors.length > 0) return fail(errors);
  const known = new LruCache<KnownStretch>(KNOWN_PARAGRAPHS, KNOWN_CHARACTERS);

  const checker: Checker = {
    packs: ordered,
    rules,
    ...(org ? { org } : {}),
    ...(policyUrl ? { policyUrl } : {}),
    ...(lastDefined(ordered, 'links') ? { links: lastDefined(ordered, 'links') } : {}),
    ...(guide ? { guide } : {}),
    hasSlowRules: active.some((rule) => rule.tier === 'slow'),
    check(text: string, options: CheckOptions): Finding[] {
      // Nothing to post, nothing to say: a compose session answers an empty box itself.
      if (text === '') return [];
      const resolved: ResolvedCheckOptions = {
        network: options.network,
        now: options.now ?? new Date(),
        language: options.language,
      };
      const analysis = analyseText(text, { byParagraph });
      const placed: Placed[] = [];
      const local: ActivePart[] = [];
      for (const part of parts) {
        const { rule } = part;
        if (rule.networks && !rule.networks.has(resolved.network)) continue;
        if (options.tier && rule.tier !== options.tier) continue;
        if (part.scope === 'paragraph') {
          local.push(part);
          continue;
        }
        checkPart(part, analysis, resolved).forEach((finding, index) => {
          placed.push({ finding, order: part.order, index });
        });
      }
      if (local.length > 0) checkParagraphs(text, analysis, local, resolved, known, placed);
      return placed.sort(byPlace).map((p) => p.finding);
    },
  };
  return ok(checker);
}

/** One part's findings on the analysed text, in its rule's languages, made safe to show. */
function checkPart(
  part: ActivePart,
  analysis: TextAnalysis,
  options: ResolvedCheckOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const finding of part.compiled.check(analysis, options)) {
    if (inRuleLanguage(part.rule, analysis, finding.start))
      findings.push(finish(analysis.text, finding, part.rule));
  }
  return findings;
}

/**
 * The `paragraph` parts, paragraph by paragraph: each paragraph is checked with
 * PARAGRAPH_MARGIN characters either side (all such a rule may read), and keeps what starts
 * in it; the answer is kept by that text, the paragraph's place in it and the options such a
 * rule may read, so a paragraph that did not change is not checked again. What a part finds
 * in a paragraph is what it finds there in the whole text (see RuleScope), moved.
 */
function checkParagraphs(
  text: string,
  analysis: TextAnalysis,
  local: readonly ActivePart[],
  options: ResolvedCheckOptions,
  known: LruCache<KnownStretch>,
  placed: Placed[],
): void {
  const pieces = paragraphs(text);
  if (pieces.length === 1) {
    for (const part of local) {
      checkPart(part, analysis, options).forEach((finding, index) => {
        placed.push({ finding, order: part.order, index });
      });
    }
    return;
  }
  const optionsKey = `${options.network}|${options.language ?? ''}|${localDate(options.now)}`;
  const counts = new Map<number, number>();
  for (const { start, end } of pieces) {
    const from = Math.max(0, start - PARAGRAPH_MARGIN);
    const to = Math.min(text.length, end + PARAGRAPH_MARGIN);
    const window = text.slice(from, to);
    let stretch = known.get(window);
    if (!stretch) {
      stretch = new Map();
      known.set(window, stretch);
    }
    const place = `${start - from}|${end - from}|${optionsKey}`;
    let entry = stretch.get(place);
    if (!entry) {
      entry = { findings: [], placedAt: start, placed: [] };
      stretch.set(place, entry);
    }
    if (entry.placedAt !== start) {
      entry.placedAt = start;
      entry.placed = [];
    }
    let windowAnalysis: TextAnalysis | undefined;
    for (const part of local) {
      let findings = entry.findings[part.order];
      if (!findings) {
        // A copy: the findings kept (their matches, their fixes) are cut from it, and a cut of
        // the text would keep this version of the whole post alive as long as they are kept.
        // Read whole: the window's findings are kept here already, and its finders keeping its
        // pieces too was measured to save no time for 6 MB more kept while typing (bench row).
        windowAnalysis ??= analyseText(detached(window), { byParagraph: false });
        // The last paragraph also holds what starts at the very end (an empty range).
        const last = end === text.length;
        findings = checkPart(part, windowAnalysis, options)
          .filter(
            (f) =>
              f.start >= start - from && (f.start < end - from || (last && f.start === end - from)),
          )
          .map((f) => shifted(f, from - start));
        entry.findings[part.order] = findings;
      }
      let atStart = entry.placed[part.order];
      if (!atStart) {
        atStart = start === 0 ? findings : findings.map((finding) => shifted(finding, start));
        entry.placed[part.order] = atStart;
      }
      let index = counts.get(part.order) ?? 0;
      for (const finding of atStart) placed.push({ finding, order: part.order, index: index++ });
      counts.set(part.order, index);
    }
  }
}
