import type { ComposeBox, ComposeContext, SiteAdapter } from './types';
import { quillDriver } from './drivers/quill';
import { closestElement, nearestMatch } from './dom';

// LinkedIn composes with Quill.
const BOX = '.ql-editor[contenteditable="true"]';
const COMMENT_FORM = '.comments-comment-box__form, .comments-comment-texteditor';
const COMMENT_SUBMIT = '.comments-comment-box__submit-button';
const SHARE_SCOPE = '[role="dialog"], .share-box, .share-creation-state';
const SHARE_SUBMIT = '.share-actions__primary-action';

function contextOf(element: HTMLElement): ComposeContext {
  if (element.closest(COMMENT_FORM)) {
    // A comment box nested under another comment is a reply.
    return element.closest('.comments-comment-item, .comments-comment-entity')
      ? 'reply'
      : 'comment';
  }
  return 'post';
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'linkedin', context: contextOf(element), driver: quillDriver };
}

export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  hosts: ['www.linkedin.com'],
  boxSelector: BOX,
  boxFrom(node) {
    const element = closestElement(node, BOX);
    return element ? toBox(element) : undefined;
  },
  findBoxes: (root) => [...root.querySelectorAll<HTMLElement>(BOX)].map(toBox),
  findSubmit(box) {
    const form = box.element.closest(COMMENT_FORM);
    if (form) return nearestMatch(box.element, COMMENT_SUBMIT, form.parentElement);
    return nearestMatch(box.element, SHARE_SUBMIT, box.element.closest(SHARE_SCOPE));
  },
  keyboardSubmit: () => ({ modEnter: true, plainEnter: false }),
};
