import type { ComposeBox, ComposeContext, SiteAdapter } from './types';
import { lexicalDriver } from './drivers/lexical';
import { closestElement, queryAcrossShadows } from './dom';
import { labelMatcher, type LabelTable } from './labels';
import labelData from './data/facebook-labels.json';
import { t } from '../i18n/messages';

type Purpose =
  | 'postButton'
  | 'nextButton'
  | 'commentButton'
  | 'commentBox'
  | 'replyBox'
  | 'directMessageBox';
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
  commentForm: {
    selector: 'form',
    note: 'A comment or reply composer: a <form role="presentation"> around the box and its controls',
  },
  commentSubmit: {
    selector: '#focused-state-composer-submit [role="button"]',
    note: "The post's comment box's submit control (Enter submits too); a page holds the id once",
  },
  formButton: {
    selector: '[role="button"]',
    note: "A composer's controls: a reply's submit (no id) is the last one, or the one labelled Comment",
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

/** The composer form of a comment or reply box: a form holding a control besides the box. */
function commentForm(element: HTMLElement): HTMLFormElement | undefined {
  const form = element.closest<HTMLFormElement>(SELECTORS.commentForm.selector);
  return form?.querySelector(SELECTORS.formButton.selector) ? form : undefined;
}

function commentSubmit(element: HTMLElement): HTMLElement | undefined {
  const form = commentForm(element);
  if (!form) return undefined;
  const byId = form.querySelector<HTMLElement>(SELECTORS.commentSubmit.selector);
  if (byId) return byId;
  const controls = [...form.querySelectorAll<HTMLElement>(SELECTORS.formButton.selector)].filter(
    (control) => !element.contains(control),
  );
  return controls.find((control) => labels.is('commentButton', label(control))) ?? controls.at(-1);
}

function contextOf(element: HTMLElement): ComposeContext {
  const name = label(element);
  if (labels.startsWith('replyBox', name)) return 'reply';
  if (labels.startsWith('commentBox', name)) return 'comment';
  const form = commentForm(element);
  if (form) {
    // Structure, for a language the table does not list: only the post's own comment box has
    // the submit container's id; a reply's composer has the same controls without it.
    return form.querySelector(SELECTORS.commentSubmit.selector) ? 'comment' : 'reply';
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
    return submit && labels.is('nextButton', label(submit)) ? t('overlay_holdAtNext') : undefined;
  },
};
