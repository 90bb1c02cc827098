export { guideOfPacks, layerGuide, textFingerprint, DEFAULT_GUIDE_TITLE } from './layers';
export type { LayeredExercise, LayeredGuide, LayeredSection } from './layers';
export { parseGuideBody, parseInlines, inlineText } from './body';
export type { GuideBlock, GuideInline } from './body';
export { guideMarkdown, escapeMarkdown } from './markdown';
