import type { ComposeBox, ComposeContext, EditorDriver, SiteAdapter } from './types';
import { quillDriver } from './drivers/quill';
import { proseMirrorDriver } from './drivers/prosemirror';
import { closestElement, nearestMatch, queryAcrossShadows } from './dom';

// LinkedIn serves two front ends at once: a newer React one (data-view-name hooks, the share box
// inside the open shadow root of #interop-outlet, TipTap comments) and the older Ember pages (BEM
// classes, Quill 1 everywhere). Both are supported.
const SELECTORS = {
  quillBox: {
    selector: '.ql-editor[contenteditable="true"]',
    note: 'Quill 1 editors: the share box on both front ends, comments on the Ember pages',
  },
  tiptapBox: {
    selector: '.ProseMirror[contenteditable="true"]',
    note: 'TipTap (ProseMirror) comment and reply boxes of the newer front end',
  },
  tiptapCommentBox: {
    selector: '[data-view-name="comment-box"]',
    note: 'The newer front end wraps each comment or reply editor in this (no <form>)',
  },
  tiptapSubmit: {
    selector: 'button[data-view-name="comment-post"], button[data-view-name="comment-reply-post"]',
    note: 'Comment (comment-post) and Reply (comment-reply-post) on the newer front end',
  },
  tiptapReplySubmit: {
    selector: 'button[data-view-name="comment-reply-post"]',
    note: "A reply box's submit: what tells a reply from a comment on the newer front end",
  },
  emberCommentForm: {
    selector: '.comments-comment-box__form, .comments-comment-texteditor',
    note: 'The comment form of the Ember pages (the wrapper is comments-comment-box--cr)',
  },
  emberCommentSubmit: {
    selector: '.comments-comment-box__submit-button--cr, .comments-comment-box__submit-button',
    note: 'Comment on the Ember pages: only the --cr class is served today',
  },
  emberCommentBox: {
    selector: '.comments-comment-box--cr, .comments-comment-box, .comments-comment-box__form',
    note: 'The Ember comment box around the form and its submit button: where the button is sought',
  },
  emberComment: {
    selector: '.comments-comment-entity, .comments-comment-item',
    note: 'A posted comment on the Ember pages: a comment box inside one is a reply',
  },
  shareScope: {
    selector: '[data-test-modal-id="sharebox"], [role="dialog"], .share-box, .share-creation-state',
    note: 'The share modal ("Start a post"), in the shadow root or the artdeco modal outlet',
  },
  shareSubmit: {
    selector: 'button.share-actions__primary-action',
    note: "The share modal's Post, disabled until Quill's model has text",
  },
} as const;

const SHADOW_HOSTS = {
  selector: '#interop-outlet, [data-testid="interop-shadowdom"]',
  note: 'The interop host whose open shadow root holds the newer front end share box',
} as const;

const BOX = `${SELECTORS.quillBox.selector}, ${SELECTORS.tiptapBox.selector}`;

function isTipTap(element: HTMLElement): boolean {
  return element.matches(SELECTORS.tiptapBox.selector);
}

function tiptapSubmit(element: HTMLElement): HTMLElement | undefined {
  return nearestMatch(element, SELECTORS.tiptapSubmit.selector);
}

function contextOf(element: HTMLElement): ComposeContext {
  if (isTipTap(element)) {
    return tiptapSubmit(element)?.matches(SELECTORS.tiptapReplySubmit.selector)
      ? 'reply'
      : 'comment';
  }
  if (element.closest(SELECTORS.emberCommentForm.selector)) {
    return element.closest(SELECTORS.emberComment.selector) ? 'reply' : 'comment';
  }
  return 'post';
}

function driverFor(element: HTMLElement): EditorDriver {
  return isTipTap(element) ? proseMirrorDriver : quillDriver;
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'linkedin', context: contextOf(element), driver: driverFor(element) };
}

export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  hosts: ['www.linkedin.com'],
  selectors: SELECTORS,
  shadowHosts: SHADOW_HOSTS,
  boxFrom(node) {
    const element = closestElement(node, BOX);
    return element ? toBox(element) : undefined;
  },
  findBoxes: (root) => queryAcrossShadows(root, BOX, SHADOW_HOSTS.selector).map(toBox),
  findSubmit(box) {
    if (isTipTap(box.element)) return tiptapSubmit(box.element);
    if (box.element.closest(SELECTORS.emberCommentForm.selector)) {
      const scope = box.element.closest(SELECTORS.emberCommentBox.selector);
      return nearestMatch(box.element, SELECTORS.emberCommentSubmit.selector, scope);
    }
    return nearestMatch(
      box.element,
      SELECTORS.shareSubmit.selector,
      box.element.closest(SELECTORS.shareScope.selector),
    );
  },
  keyboardSubmit: () => ({ modEnter: true, plainEnter: false }),
};
