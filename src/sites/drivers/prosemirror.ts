import { editableDriver, plainBlocks } from './contenteditable';

/**
 * ProseMirror (TipTap: LinkedIn's newer comments) renders paragraphs as `<p>` children of the
 * root, with a `<br class="ProseMirror-trailingBreak">` in an empty one. Text set in the DOM does
 * not reach its state; the browser's editing commands do (its DOM observer parses them), and its
 * history takes them, so Ctrl+Z undoes a fix.
 */
export const proseMirrorDriver = editableDriver(
  'prosemirror',
  {
    blocks: plainBlocks.blocks,
    isIgnored: (element) =>
      element.getAttribute('contenteditable') === 'false' ||
      element.classList.contains('ProseMirror-widget') ||
      element.classList.contains('ProseMirror-separator'),
  },
  'command',
);
