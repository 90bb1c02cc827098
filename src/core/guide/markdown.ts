import type { Network } from '../pack/schema';
import { parseGuideBody, type GuideBlock, type GuideInline } from './body';
import type { LayeredGuide } from './layers';

/**
 * The guide as Markdown, to publish on the intranet the same guide the extension shows.
 * Text is escaped so that a pack's words are never read as Markdown or HTML; the only markup
 * written is Postguard's own (headings, lists, links, the section anchors).
 */

const NETWORK_NAMES: Record<Network, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
};

export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>{}|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      // What would start a heading, a quote or a list at the start of a line.
      .replace(/^(\s*)([#>+=-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

function inlineMarkdown(inlines: readonly GuideInline[]): string {
  return inlines
    .map((inline) =>
      inline.kind === 'text'
        ? escapeMarkdown(inline.text)
        : `[${escapeMarkdown(inline.text)}](${inline.href.replace(/[()<> ]/g, encodeURIComponent)})`,
    )
    .join('');
}

function blockMarkdown(block: GuideBlock): string {
  if (block.kind === 'paragraph') return inlineMarkdown(block.inlines);
  return block.items
    .map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlineMarkdown(item)}`)
    .join('\n');
}

/** A fence longer than any run of backticks in the text, so the sample post stays verbatim. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

export function guideMarkdown(guide: LayeredGuide): string {
  const parts: string[] = [`# ${escapeMarkdown(guide.title)}`];
  for (const section of guide.sections) {
    parts.push(`<a id="${section.id}"></a>\n\n## ${escapeMarkdown(section.title)}`);
    parts.push(...parseGuideBody(section.body).map(blockMarkdown));
  }
  if (guide.exercises.length > 0) {
    parts.push('## Exercises');
    parts.push(
      escapeMarkdown(
        'Each sample post below breaks the policy. Fix it in the guide page of the Postguard extension, where the practice box checks it as you type.',
      ),
    );
    for (const exercise of guide.exercises) {
      parts.push(
        `<a id="${exercise.id}"></a>\n\n### ${escapeMarkdown(exercise.title)} (${NETWORK_NAMES[exercise.network]})`,
      );
      parts.push(fenced(exercise.text));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
