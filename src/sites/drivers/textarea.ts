import type { EditorDriver } from '../types';
import { TextareaModel } from '../textarea-model';
import { deepActiveElement } from '../dom';

/**
 * A plain `<textarea>`, React-controlled on X. Setting `value` would not reach React's state
 * (its value tracker swallows the change) and would empty the undo stack; the browser's
 * `insertText` command on the textarea's own selection fires a trusted `input` event, which React
 * takes, and stays undoable.
 */
export const textareaDriver: EditorDriver = {
  kind: 'textarea',
  read: (element) => new TextareaModel(element as HTMLTextAreaElement),
  async replace(element, start, end, text) {
    const textarea = element as HTMLTextAreaElement;
    if (deepActiveElement(textarea.ownerDocument) !== textarea)
      textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    const doc = textarea.ownerDocument;
    if (text === '') doc.execCommand('delete', false);
    else doc.execCommand('insertText', false, text);
  },
};
