import type { BlockLayout } from '../text-model';
import { editableDriver } from './contenteditable';

/**
 * Draft.js renders each block as `[data-block="true"]`, with text in `[data-text="true"]` spans
 * and a `<br data-text="true">` in an empty block. A synthetic paste keeps blank-line
 * paragraphs; `execCommand('insertText')` loses them and, into an empty box, makes React unmount
 * X's composer.
 */
export const draftLayout: BlockLayout = {
  blocks: (box) => [...box.querySelectorAll('[data-block="true"]')],
  isIgnored: (element) => element.getAttribute('contenteditable') === 'false',
};

export const draftDriver = editableDriver('draft', draftLayout, 'paste');
