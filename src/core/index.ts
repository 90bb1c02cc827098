/**
 * Postguard's checking engine: the public API that the extension and the CLI share.
 *
 *   const pack = parsePack(json);            // Result<Pack>: errors with JSON paths
 *   const checker = compilePacks([pack.value]); // layering + compile, once per pack load
 *   checker.value.check(text, { network: 'linkedin' }); // Finding[], on every keystroke
 */
export { parsePack } from './pack/parse';
export { compilePacks, type Checker } from './checker';
export { formatPackError, type PackError, type Result } from './pack/errors';
export type { EffectiveRule } from './pack/layers';
export {
  effectiveContent,
  contentText,
  tagLink,
  type ContentQuery,
  type TagContext,
} from './content';
export {
  layerGuide,
  guideOfPacks,
  guideMarkdown,
  parseGuideBody,
  textFingerprint,
  type GuideBlock,
  type GuideInline,
  type LayeredExercise,
  type LayeredGuide,
  type LayeredSection,
} from './guide';
export { DEFAULT_MAX_LENGTH } from './rules/length';
export { RULE_COMPILERS } from './rules/registry';
export type { CheckOptions, Edit, Finding, Suggestion } from './findings';
export { applyTextEdits } from './edits';
export { SEVERITY_ORDER, severityRank, worstSeverity } from './severity';
export {
  MAX_PACK_BYTES,
  NETWORKS,
  PACK_FORMAT,
  type ContentItem,
  type Network,
  type Pack,
  type Rule,
  type RuleKind,
  type Severity,
} from './pack/schema';
