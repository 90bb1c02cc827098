import type { EditorDriver } from '../types';
import { deleteSelectionByCommand } from './contenteditable';

/**
 * Lexical renders each paragraph as a child of the root, text in
 * `[data-lexical-text="true"]` spans, and a line break (Shift+Enter) as `<br>`.
 */
export const lexicalDriver: EditorDriver = {
  name: 'lexical',
  blocks: (box) => [...box.children],
  isIgnored: (element) =>
    element.getAttribute('contenteditable') === 'false' ||
    element.hasAttribute('data-lexical-decorator'),
  deleteSelection: deleteSelectionByCommand,
};
