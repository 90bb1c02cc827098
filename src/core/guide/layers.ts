import type { GuideExercise, GuideSection, Pack } from '../pack/schema';
import { orderLayers } from '../pack/layers';

/**
 * The guide in force: the sections and exercises of every pack, layered like rules. A later
 * pack replaces a section or an exercise by id and keeps its place; a new id goes at the end.
 */

export interface LayeredSection extends GuideSection {
  /** The pack that last defined the section. */
  packId: string;
}

export interface LayeredExercise extends GuideExercise {
  packId: string;
  packVersion: string;
  /**
   * A fingerprint of the exercise's text (the pack's sample, not anything the person wrote): a
   * completion made on other text is open again.
   */
  textHash: string;
}

export interface LayeredGuide {
  title: string;
  sections: LayeredSection[];
  exercises: LayeredExercise[];
}

export const DEFAULT_GUIDE_TITLE = 'Posting about work: the guide';

/** FNV-1a over UTF-16 units, as 8 hex digits: stable, synchronous, enough to tell texts apart. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The guide of packs in layer order; undefined when no pack has a section or an exercise. */
export function layerGuide(ordered: readonly Pack[]): LayeredGuide | undefined {
  let title: string | undefined;
  const sections = new Map<string, LayeredSection>();
  const exercises = new Map<string, LayeredExercise>();
  for (const pack of ordered) {
    const guide = pack.guide;
    if (!guide) continue;
    if (guide.title !== undefined) title = guide.title;
    for (const section of guide.sections) sections.set(section.id, { ...section, packId: pack.id });
    for (const exercise of guide.exercises) {
      exercises.set(exercise.id, {
        ...exercise,
        packId: pack.id,
        packVersion: pack.version,
        textHash: textFingerprint(exercise.text),
      });
    }
  }
  if (sections.size === 0 && exercises.size === 0) return undefined;
  return {
    title: title ?? DEFAULT_GUIDE_TITLE,
    sections: [...sections.values()],
    exercises: [...exercises.values()],
  };
}

/**
 * The guide of `packs` as compilePacks layers it, without compiling their rules (the
 * background asks this on every start, beside the engine's own compile); undefined when the
 * packs cannot be layered (a missing parent, a cycle) or have no guide.
 */
export function guideOfPacks(packs: readonly Pack[]): LayeredGuide | undefined {
  const ordered = orderLayers(packs);
  return ordered.ok ? layerGuide(ordered.value) : undefined;
}
