import type { BlockLayout } from '../text-model';
import { editableDriver } from './contenteditable';

/**
 * Quill 1 (what LinkedIn runs) renders one block element per line (`<p>`, list items inside
 * `<ol>`), and a `.ql-cursor` span holding a zero-width placeholder while formatting is pending.
 * It ignores a synthetic paste's data (it waits for the browser's native paste into its hidden
 * `.ql-clipboard`), so a paste over a selection would delete it and insert nothing: text goes in
 * through the browser's editing commands, which Quill's MutationObserver takes into its model.
 */
export const quillLayout: BlockLayout = {
  blocks: (box) =>
    [...box.children].flatMap((child) =>
      child.tagName === 'OL' || child.tagName === 'UL' ? [...child.children] : [child],
    ),
  isIgnored: (element) =>
    element.classList.contains('ql-cursor') || element.getAttribute('contenteditable') === 'false',
};

export const quillDriver = editableDriver('quill1', quillLayout, 'command');
