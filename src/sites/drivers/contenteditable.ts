import type { EditorDriver } from '../types';

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

/**
 * Deleting through `execCommand` makes the browser fire a trusted `beforeinput`, which
 * model-first editors (Lexical) take into their state; editors that reconcile from the DOM
 * (Draft.js, Quill) read the mutation back. It also lands on the browser's undo stack.
 */
export function deleteSelectionByCommand(box: HTMLElement): void {
  box.ownerDocument.execCommand('delete', false);
}

/** A plain contenteditable: lines are block children, or the box itself when it has none. */
export const contentEditableDriver: EditorDriver = {
  name: 'contenteditable',
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
  deleteSelection: deleteSelectionByCommand,
};
