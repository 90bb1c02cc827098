import type { BlockLayout } from '../text-model';
import { editableDriver } from './contenteditable';

/**
 * Lexical renders each paragraph as a child of the root, text in `[data-lexical-text="true"]`
 * spans, and a line break (Shift+Enter) as `<br>`. It takes a synthetic paste into its state.
 */
export const lexicalLayout: BlockLayout = {
  blocks: (box) => [...box.children],
  isIgnored: (element) =>
    element.getAttribute('contenteditable') === 'false' ||
    element.hasAttribute('data-lexical-decorator'),
};

export const lexicalDriver = editableDriver('lexical', lexicalLayout, 'paste');
