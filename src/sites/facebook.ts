import type { ComposeBox, ComposeContext, SiteAdapter } from './types';
import { lexicalDriver } from './drivers/lexical';
import { closestElement, nearestMatch } from './dom';

// Facebook composes with Lexical. Class names are generated and change: never use them.
const BOX = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const DIALOG = '[role="dialog"]';
const POST_BUTTON = '[aria-label="Post"][role="button"], [aria-label="Share now"][role="button"]';
const COMMENT_LABEL = /^(write a (comment|reply|public comment)|comment as|reply as|answer as)/i;

/**
 * Messenger's chat box on facebook.com is Lexical too (labelled "Message"). Direct messages
 * are private, not public posts: out of Postguard's scope.
 */
const DIRECT_MESSAGE_LABEL = /^message\b/i;
function isDirectMessage(element: HTMLElement): boolean {
  return DIRECT_MESSAGE_LABEL.test(element.getAttribute('aria-label') ?? '');
}

function isComment(element: HTMLElement): boolean {
  return COMMENT_LABEL.test(element.getAttribute('aria-label') ?? '');
}

function contextOf(element: HTMLElement): ComposeContext {
  if (isComment(element)) {
    return /^(write a reply|reply as)/i.test(element.getAttribute('aria-label') ?? '')
      ? 'reply'
      : 'comment';
  }
  const dialogLabel = element.closest(DIALOG)?.getAttribute('aria-label') ?? '';
  return /share/i.test(dialogLabel) ? 'share' : 'post';
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'facebook', context: contextOf(element), driver: lexicalDriver };
}

export const facebookAdapter: SiteAdapter = {
  network: 'facebook',
  hosts: ['www.facebook.com'],
  boxSelector: BOX,
  boxFrom(node) {
    const element = closestElement(node, BOX);
    return element && !isDirectMessage(element) ? toBox(element) : undefined;
  },
  findBoxes: (root) =>
    [...root.querySelectorAll<HTMLElement>(BOX)]
      .filter((element) => !isDirectMessage(element))
      .map(toBox),
  findSubmit(box) {
    // Comments have no button: Enter submits them.
    if (box.context === 'comment' || box.context === 'reply') return undefined;
    const dialog = box.element.closest(DIALOG);
    return nearestMatch(box.element, POST_BUTTON, dialog);
  },
  keyboardSubmit: (box) => ({
    modEnter: false,
    plainEnter: box.context === 'comment' || box.context === 'reply',
  }),
};
