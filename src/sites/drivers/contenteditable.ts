import type { EditorDriver } from '../types';
import { TextModel, type BlockLayout } from '../text-model';
import { deleteByCommand, pasteText, selectText, typeByCommand } from './input';

const BLOCK_TAGS = new Set([
  'DIV',
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
]);

/** A plain contenteditable: lines are block children, or the box itself when it has none. */
export const plainBlocks: BlockLayout = {
  blocks(box) {
    const children = [...box.children];
    const hasInlineText = [...box.childNodes].some(
      (node) => node.nodeType === 3 && (node as Text).data.trim().length > 0,
    );
    if (hasInlineText || children.length === 0 || !children.every((c) => BLOCK_TAGS.has(c.tagName)))
      return [box];
    return children;
  },
  isIgnored: (element) => element.getAttribute('contenteditable') === 'false',
};

/** How a contenteditable driver sends text into its editor once the range is selected. */
export type InputPath = 'paste' | 'command';

/** A driver for a contenteditable editor with the given layout and input path. */
export function editableDriver(
  kind: EditorDriver['kind'],
  layout: BlockLayout,
  input: InputPath,
): EditorDriver {
  return {
    kind,
    read: (element) => TextModel.read(element, layout),
    async replace(element, start, end, text) {
      if (!(await selectText(element, layout, start, end))) return;
      const doc = element.ownerDocument;
      if (input === 'command') typeByCommand(doc, text);
      else if (text.length > 0) pasteText(element, text);
      else if (end > start) deleteByCommand(doc);
    },
  };
}

/**
 * Any other contenteditable box on a supported site (the site changed its editor): the browser's
 * own commands, whose result edit.ts checks before it trusts it.
 */
export const genericDriver = editableDriver('generic', plainBlocks, 'command');
