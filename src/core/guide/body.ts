import { LinkifyIt } from 'linkify-it';

/**
 * A guide section's body is plain text, never HTML: paragraphs split by a blank line, lines
 * that start with "- " or "* " (or "1. ") as lists, `[text](https://...)` and bare http(s)
 * links, `[text](#section-id)` for another section. The result is data the pages render with
 * text nodes and the CLI writes as Markdown, so nothing in a pack can reach a page as markup.
 * As in Markdown, a single line break inside a paragraph or an item is a space.
 */

export type GuideInline =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string };

export type GuideBlock =
  | { kind: 'paragraph'; inlines: GuideInline[] }
  | { kind: 'list'; ordered: boolean; items: GuideInline[][] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const EXPLICIT_LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|#)[^)\s]+)\)/gi;
const SECTION_HREF = /^#[a-z0-9][a-z0-9-]*$/;

// Only links written with their scheme: "example.com" in a sentence stays text.
const linkify = new LinkifyIt().set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

function isSafeHref(href: string): boolean {
  if (SECTION_HREF.test(href)) return true;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function bareLinks(text: string): GuideInline[] {
  const out: GuideInline[] = [];
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!/^https?:$/i.test(match.schema) || !isSafeHref(match.url)) continue;
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    out.push({ kind: 'link', text: match.text, href: match.url });
    at = match.lastIndex;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** The text and links of one paragraph or list item. */
export function parseInlines(text: string): GuideInline[] {
  const out: GuideInline[] = [];
  let at = 0;
  for (const match of text.matchAll(EXPLICIT_LINK)) {
    const [whole, label = '', href = ''] = match;
    if (!isSafeHref(href)) continue;
    if (match.index > at) out.push(...bareLinks(text.slice(at, match.index)));
    out.push({ kind: 'link', text: label, href });
    at = match.index + whole.length;
  }
  if (at < text.length) out.push(...bareLinks(text.slice(at)));
  return out;
}

type ListKind = 'bullet' | 'numbered';

interface OpenBlock {
  kind: 'paragraph' | ListKind;
  /** A paragraph's lines, or a list's items (each its lines). */
  parts: string[][];
}

function closeBlock(block: OpenBlock): GuideBlock {
  const joined = block.parts.map((lines) => lines.join(' ').replace(/\s+/g, ' ').trim());
  if (block.kind === 'paragraph')
    return { kind: 'paragraph', inlines: parseInlines(joined[0] ?? '') };
  return { kind: 'list', ordered: block.kind === 'numbered', items: joined.map(parseInlines) };
}

export function parseGuideBody(body: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  let open: OpenBlock | undefined;
  const finish = () => {
    if (open) blocks.push(closeBlock(open));
    open = undefined;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      finish();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const kind: ListKind = bullet ? 'bullet' : 'numbered';
      if (open?.kind !== kind) {
        finish();
        open = { kind, parts: [] };
      }
      open.parts.push([item[1] ?? '']);
      continue;
    }
    // A line under a list item that does not start one carries that item on.
    if (open && open.kind !== 'paragraph') {
      if (/^\s/.test(line)) {
        open.parts.at(-1)?.push(line);
        continue;
      }
      finish();
    }
    if (!open) open = { kind: 'paragraph', parts: [[]] };
    open.parts[0]?.push(line);
  }
  finish();
  return blocks;
}

/** The plain words of a body, for search and screen-reader summaries. */
export function inlineText(inlines: readonly GuideInline[]): string {
  return inlines.map((inline) => inline.text).join('');
}
