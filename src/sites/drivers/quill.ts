import type { EditorDriver } from '../types';
import { deleteSelectionByCommand } from './contenteditable';

/**
 * Quill renders one block element per line (`<p>`, list items inside `<ol>`), and a
 * `.ql-cursor` span holding a zero-width placeholder while formatting is pending.
 */
export const quillDriver: EditorDriver = {
  name: 'quill',
  blocks: (box) =>
    [...box.children].flatMap((child) =>
      child.tagName === 'OL' || child.tagName === 'UL' ? [...child.children] : [child],
    ),
  isIgnored: (element) =>
    element.classList.contains('ql-cursor') || element.getAttribute('contenteditable') === 'false',
  deleteSelection: deleteSelectionByCommand,
};
