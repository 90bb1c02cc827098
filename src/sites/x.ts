import type { ComposeBox, ComposeContext, EditorDriver, SiteAdapter } from './types';
import { draftDriver } from './drivers/draft';
import { textareaDriver } from './drivers/textarea';
import { closestElement, nearestMatch, queryAcrossShadows } from './dom';

// X (x.com, twitter.com). Stable hooks: data-testid and role; class names are generated.
const SELECTORS = {
  draftBox: {
    selector: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    note: 'The Draft.js editor of every composer (timeline, dialogs, each post of a thread: _0, _1, ...)',
  },
  textareaBox: {
    selector: '[data-testid^="tweetTextarea"] textarea, textarea[data-testid^="tweetTextarea"]',
    note: 'The plain <textarea> the narrow (mobile) layout composes in',
  },
  submit: {
    selector: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
    note: 'Post: tweetButtonInline on the timeline and inline replies, tweetButton in dialogs',
  },
  dialog: {
    selector: '[role="dialog"]',
    note: 'The modal layer: compose, reply and quote dialogs (aria-labelledby="modal-header")',
  },
  quotedPost: {
    selector: '[data-testid="quoteTweet"], [data-testid="attachments"] [role="link"]',
    note: 'The post being quoted, shown inside the composer of a quote dialog',
  },
  repliedPost: {
    selector: '[data-testid="tweetText"], [data-testid="tweet"]',
    note: "The post being replied to: the reply dialog's first tweetText, above the composer",
  },
  inlineReply: {
    selector: '[data-testid="inline_reply_offscreen"]',
    note: "The marker beside the inline reply composer on a post's own page",
  },
} as const;

const BOX = `${SELECTORS.draftBox.selector}, ${SELECTORS.textareaBox.selector}`;

function contextOf(element: HTMLElement): ComposeContext {
  const dialog = element.closest(SELECTORS.dialog.selector);
  if (dialog) {
    if (dialog.querySelector(SELECTORS.quotedPost.selector)) return 'quote';
    return dialog.querySelector(SELECTORS.repliedPost.selector) ? 'reply' : 'post';
  }
  const doc = element.ownerDocument;
  // The inline reply box under a post on its own page (/{handle}/status/{id}).
  if (/\/status\/\d+/.test(doc.location?.pathname ?? '')) {
    const scope = element.closest('main') ?? doc.body;
    if (
      scope.querySelector(SELECTORS.inlineReply.selector) ||
      scope.querySelector(SELECTORS.repliedPost.selector)
    )
      return 'reply';
  }
  return 'post';
}

function driverFor(element: HTMLElement): EditorDriver {
  return element.tagName === 'TEXTAREA' ? textareaDriver : draftDriver;
}

function toBox(element: HTMLElement): ComposeBox {
  return { element, network: 'x', context: contextOf(element), driver: driverFor(element) };
}

export const xAdapter: SiteAdapter = {
  network: 'x',
  hosts: ['x.com', 'twitter.com'],
  selectors: SELECTORS,
  boxFrom(node) {
    const element = closestElement(node, BOX);
    return element ? toBox(element) : undefined;
  },
  findBoxes: (root) => queryAcrossShadows(root, BOX, undefined).map(toBox),
  findSubmit: (box) =>
    nearestMatch(
      box.element,
      SELECTORS.submit.selector,
      box.element.closest(SELECTORS.dialog.selector),
    ),
  keyboardSubmit: () => ({ modEnter: true, plainEnter: false }),
};
