import type { ComposeBox, ComposeContext, SiteAdapter } from './types';
import { lexicalDriver } from './drivers/lexical';
import { closestElement, queryAcrossShadows } from './dom';
import { labelMatcher, type LabelTable } from './labels';
import labelData from './data/facebook-labels.json';

type Purpose = 'postButton' | 'nextButton' | 'commentBox' | 'replyBox' | 'directMessageBox';
const labels = labelMatcher(labelData as unknown as LabelTable<Purpose>);

// Facebook composes with Lexical. Class names are generated and change, and every label is
// localised: structure and roles decide; label words (per language, as data) only confirm.
const SELECTORS = {
  box: {
    selector: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    note: 'Every Lexical editor: posts, comments, replies (and Messenger, which is left alone)',
  },
  dialog: {
    selector: '[role="dialog"]',
    note: '"Create post", "Share", and the Pages flow\'s "Post settings" step',
  },
  commentSubmit: {
    selector: '#focused-state-composer-submit [role="button"]',
    note: 'The Comment (or reply) control beside a focused comment box; Enter submits too',
  },
  comment: {
    selector: '[role="article"]',
    note: 'Feed posts and comments; a comment box inside a comment is a reply',
  },
  dialogButton: {
    selector: '[role="button"]',
    note: "A dialog's controls: Post (or Next on Pages) is the last one after the editor",
  },
  chat: {
    selector: '[role="complementary"], [data-pagelet*="Chat"], [aria-label][role="region"]',
    note: 'Messenger chat tabs docked on the page (direct messages: out of scope)',
  },
} as const;

function label(element: Element): string | null {
  return element.getAttribute('aria-label');
}

/** Messenger's chat box is Lexical too. Direct messages are private: out of Postguard's scope. */
function isDirectMessage(element: HTMLElement): boolean {
  return labels.startsWith('directMessageBox', label(element));
}

function commentSubmit(element: HTMLElement): HTMLElement | undefined {
  // The submit control sits within a few levels of its box; further up is another composer's.
  let node: Element | null = element;
  for (let depth = 0; node && depth < 6; depth += 1, node = node.parentElement) {
    const found = node.querySelector<HTMLElement>(SELECTORS.commentSubmit.selector);
    if (found) return found;
  }
  return undefined;
}

function commentDepth(element: HTMLElement): number {
  let depth = 0;
  for (let node = element.parentElement?.closest(SELECTORS.comment.selector); node; ) {
    depth += 1;
    node = node.parentElement?.closest(SELECTORS.comment.selector) ?? null;
  }
  return depth;
}

function contextOf(element: HTMLElement): ComposeContext {
  const name = label(element);
  if (labels.startsWith('replyBox', name)) return 'reply';
  if (labels.startsWith('commentBox', name)) return 'comment';
  if (commentSubmit(element)) {
    // Structure, for a language the table does not list: a box inside a comment inside a post.
    const inDialog = element.closest(SELECTORS.dialog.selector) !== null;
    return commentDepth(element) >= (inDialog ? 1 : 2) ? 'reply' : 'comment';
  }
  return 'post';
}

/** The dialog's Post (or Next): the last control after the editor that is not the editor's. */
function dialogSubmit(element: HTMLElement, dialog: Element): HTMLElement | undefined {
  const after = [...dialog.querySelectorAll<HTMLElement>(SELECTORS.dialogButton.selector)].filter(
    (button) =>
      !element.contains(button) &&
      element.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const named = after.filter(
    (button) => labels.is('postButton', label(button)) || labels.is('nextButton', label(button)),
  );
  return named[named.length - 1] ?? after[after.length - 1];
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'facebook', context: contextOf(element), driver: lexicalDriver };
}

export const facebookAdapter: SiteAdapter = {
  network: 'facebook',
  hosts: ['www.facebook.com'],
  selectors: SELECTORS,
  boxFrom(node) {
    const element = closestElement(node, SELECTORS.box.selector);
    return element && !isDirectMessage(element) ? toBox(element) : undefined;
  },
  isExcluded: isDirectMessage,
  findBoxes: (root) =>
    queryAcrossShadows(root, SELECTORS.box.selector, undefined)
      .filter((element) => !isDirectMessage(element))
      .map(toBox),
  findSubmit(box) {
    if (box.context === 'comment' || box.context === 'reply') return commentSubmit(box.element);
    const dialog = box.element.closest(SELECTORS.dialog.selector);
    // Posts are composed in a dialog; a box outside one with no comment control has no button.
    return dialog ? dialogSubmit(box.element, dialog) : undefined;
  },
  keyboardSubmit: (box) => ({
    modEnter: false,
    plainEnter: box.context === 'comment' || box.context === 'reply',
  }),
  holdNote(box) {
    const submit = this.findSubmit(box);
    return submit && labels.is('nextButton', label(submit))
      ? 'Held at Next: the text can still be changed here, and the next step only chooses where the post goes.'
      : undefined;
  },
};
