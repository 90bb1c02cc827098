import type {
  CheckOptions,
  CheckTier,
  Finding,
  ResolvedCheckOptions,
  Suggestion,
} from './findings';
import { clampRange } from './offsets';
import { fail, formatPath, ok, type PackError, type Result } from './pack/errors';
import { lastDefined, layerRules, orderLayers, type EffectiveRule } from './pack/layers';
import type { Network, Pack } from './pack/schema';
import { compileRule } from './rules/registry';
import { RuleCompileError, type CompiledRule } from './rules/types';
import { analyseText, type TextAnalysis } from './text/analysis';
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

interface ActiveRule {
  compiled: CompiledRule;
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
    packId: active.compiled.packId,
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

function ruleIndex(pack: Pack, rule: EffectiveRule['rule']): number {
  return pack.rules.indexOf(rule);
}

export function compilePacks(packs: readonly Pack[]): Result<Checker> {
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
      const compiled = compileRule(effective.rule, {
        pack,
        org,
        languages: languages ?? POST_LANGUAGES,
      });
      active.push({
        compiled,
        networks: effective.rule.networks ? new Set(effective.rule.networks) : undefined,
        // The rule's own pack knows best where its policy lives; the top pack otherwise.
        link: effective.rule.link ?? pack.policyUrl ?? policyUrl,
        guide: section,
        languages:
          languages && POST_LANGUAGES.some((language) => !languages.includes(language))
            ? new Set(languages)
            : undefined,
        tier: tierOf(effective.rule),
      });
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

  const checker: Checker = {
    packs: ordered,
    rules,
    ...(org ? { org } : {}),
    ...(policyUrl ? { policyUrl } : {}),
    ...(lastDefined(ordered, 'links') ? { links: lastDefined(ordered, 'links') } : {}),
    ...(guide ? { guide } : {}),
    hasSlowRules: active.some((rule) => rule.tier === 'slow'),
    check(text: string, options: CheckOptions): Finding[] {
      const resolved: ResolvedCheckOptions = {
        network: options.network,
        now: options.now ?? new Date(),
        language: options.language,
      };
      const analysis = analyseText(text);
      const findings: Finding[] = [];
      for (const rule of active) {
        if (rule.networks && !rule.networks.has(resolved.network)) continue;
        if (options.tier && rule.tier !== options.tier) continue;
        for (const finding of rule.compiled.check(analysis, resolved)) {
          if (inRuleLanguage(rule, analysis, finding.start))
            findings.push(finish(text, finding, rule));
        }
      }
      return findings.sort(byPosition);
    },
  };
  return ok(checker);
}
