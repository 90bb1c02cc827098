import type { ComposeBox, ComposeContext, SiteAdapter } from './types';
import { draftDriver } from './drivers/draft';
import { closestElement, nearestMatch } from './dom';

// X (x.com, twitter.com) composes with Draft.js. Stable hooks: data-testid and role.
const BOX = '[data-testid^="tweetTextarea_"][contenteditable="true"]';
const SUBMIT = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';
const DIALOG = '[role="dialog"]';
/** The post being replied to or quoted, shown inside the composer. */
const QUOTED_POST = '[data-testid="quoteTweet"], [data-testid="attachments"] [role="link"]';
const REPLIED_POST = '[data-testid="tweet"]';

function contextOf(element: HTMLElement): ComposeContext {
  const dialog = element.closest(DIALOG);
  const scope = dialog ?? element.closest('main') ?? element.ownerDocument.body;
  if (dialog?.querySelector(QUOTED_POST)) return 'quote';
  if (dialog?.querySelector(REPLIED_POST)) return 'reply';
  // An inline reply box under a post on its own page.
  if (!dialog && /\/status\/\d+/.test(element.ownerDocument.location?.pathname ?? ''))
    return scope.querySelector(REPLIED_POST) ? 'reply' : 'post';
  return 'post';
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'x', context: contextOf(element), driver: draftDriver };
}

export const xAdapter: SiteAdapter = {
  network: 'x',
  hosts: ['x.com', 'twitter.com'],
  boxSelector: BOX,
  boxFrom(node) {
    const element = closestElement(node, BOX);
    return element ? toBox(element) : undefined;
  },
  findBoxes: (root) => [...root.querySelectorAll<HTMLElement>(BOX)].map(toBox),
  findSubmit: (box) => nearestMatch(box.element, SUBMIT, box.element.closest(DIALOG)),
  keyboardSubmit: () => ({ modEnter: true, plainEnter: false }),
};
