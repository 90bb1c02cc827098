import type { EditorDriver } from '../types';
import { deleteSelectionByCommand } from './contenteditable';

/**
 * Draft.js renders each block as `[data-block="true"]`, with text in `[data-text="true"]`
 * spans and a `<br data-text="true">` in an empty block.
 */
export const draftDriver: EditorDriver = {
  name: 'draft',
  blocks: (box) => [...box.querySelectorAll('[data-block="true"]')],
  isIgnored: (element) => element.getAttribute('contenteditable') === 'false',
  deleteSelection: deleteSelectionByCommand,
};
