// The compose boxes the cross-browser behaviours run on, described over the driver interface:
// the same boxes, URLs and selectors as boxes.ts gives Playwright, one per editor library.
import { FACEBOOK_LABELS, SIGNED_IN_USER, fill } from '../../fixtures/src/facebook/labels';
import type { FacebookLabels } from '../../fixtures/src/facebook/labels';
import type { FixturePost, FixtureWindow } from '../../fixtures/src/shared/recorder';
import { click, clickByText, waitForCondition, waitForSelector, type DriverPage } from './driver';
import { SITE_URLS, type SiteName } from './routes';

export interface DriverBox {
  /** The box's name in the fixture's `window.__postguardFixture`. */
  name: string;
  site: SiteName;
  editor: 'draft' | 'lexical' | 'quill' | 'tiptap' | 'textarea' | 'contenteditable';
  url: string;
  /** The window size the box is reached at (X's narrow layout); desktop when absent. */
  viewport?: { width: number; height: number };
  /** Reveals the box on a freshly loaded page; returns its selector. */
  open(page: DriverPage): Promise<string>;
  /** Posts as a person does: a click on the site's button, or a key in the box. */
  submit: SubmitWay;
  /** Other ways the same box posts (X's Ctrl+Enter, a Facebook comment's button). */
  alsoSubmit?: SubmitWay[];
  /**
   * A box that posts in two steps (a Facebook Page: Next, then "Post settings"): `submit` is the
   * first step, which Postguard holds; this is the second, clicked once the first went through.
   */
  secondStep?: { click: string; holdNote?: RegExp };
  newLineKey: 'Enter' | 'Shift+Enter';
  /** What the site adapter should call the box (the badge's `data-context`). */
  context: 'post' | 'reply' | 'quote' | 'comment';
}

/** A click on a control, or a key pressed in the box. */
export type SubmitWay = { click: string } | { key: 'Enter' | 'Control+Enter' };

export function describeWay(way: SubmitWay): string {
  return 'click' in way ? 'its button' : way.key;
}

const X_BOX = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][role="textbox"]';
const X_DRAFT = '[data-testid="tweetTextarea_0"][role="textbox"]';
const QUILL = '.ql-editor[contenteditable="true"]';
const EMBER_DIALOG = '#artdeco-modal-outlet [role="dialog"]';
const EMBER_COMMENT_BOX = '.feed-shared-update-v2__comments-container > .comments-comment-box--cr';
const LEXICAL = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const SHARE_DIALOG = '#interop-outlet >>> [data-test-modal-id="sharebox"][role="dialog"]';
const TIPTAP_COMMENT =
  '[data-view-name="comment-box"] div.tiptap.ProseMirror[contenteditable="true"][role="textbox"][aria-label="Text editor for creating comment"]';
const labels = FACEBOOK_LABELS.en_US;

/**
 * A Facebook comment or reply box's Comment button: the one in the box's own form (a reply's has
 * no id; a comment's sits in `#focused-state-composer-submit`).
 */
export function facebookCommentButton(
  words: FacebookLabels,
  label: 'commentAs' | 'replyTo',
  name: string,
): string {
  const form = `form:has(${LEXICAL}[aria-label="${fill(words[label], { name })}"])`;
  const container = label === 'commentAs' ? ' #focused-state-composer-submit' : '';
  return `${form}${container} [role="button"][aria-label="${words.comment}"]`;
}
const DESKTOP = { width: 1280, height: 900 };

async function shown(page: DriverPage, selector: string): Promise<string> {
  await waitForSelector(page, selector, 'visible');
  return selector;
}

/** A Draft.js box in the dialog a timeline post's Reply or Quote button opens. */
function xDialogBox(name: string, action: 'reply' | 'quote'): DriverBox {
  return {
    name,
    site: 'x',
    editor: 'draft',
    url: SITE_URLS.x,
    async open(page) {
      await click(
        page,
        `[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="${action}"]`,
      );
      return shown(page, `[role="dialog"] ${X_DRAFT}`);
    },
    submit: { click: '[role="dialog"] [data-testid="tweetButton"]' },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context: action,
  };
}

export const DRIVER_BOXES: DriverBox[] = [
  {
    name: 'x-home',
    site: 'x',
    editor: 'draft',
    url: SITE_URLS.x,
    open: (page) => shown(page, X_BOX),
    submit: { click: '[data-testid="tweetButtonInline"]' },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context: 'post',
  },
  {
    name: 'facebook-post',
    site: 'facebook',
    editor: 'lexical',
    url: SITE_URLS.facebook,
    async open(page) {
      const prompt = fill(labels.whatsOnYourMind, { name: SIGNED_IN_USER.firstName });
      await clickByText(page, '[role="main"] [role="button"]', prompt);
      return shown(page, `[role="dialog"] ${LEXICAL}`);
    },
    submit: { click: `[role="dialog"] [role="button"][aria-label="${labels.post}"]` },
    newLineKey: 'Enter',
    context: 'post',
  },
  {
    name: 'facebook-comment',
    site: 'facebook',
    editor: 'lexical',
    url: SITE_URLS.facebook,
    open: (page) =>
      shown(
        page,
        `[role="feed"] form ${LEXICAL}[aria-label="${fill(labels.commentAs, { name: SIGNED_IN_USER.name })}"]`,
      ),
    submit: { key: 'Enter' },
    alsoSubmit: [{ click: facebookCommentButton(labels, 'commentAs', SIGNED_IN_USER.name) }],
    newLineKey: 'Shift+Enter',
    context: 'comment',
  },
  {
    name: 'linkedin-post',
    site: 'linkedin',
    editor: 'quill',
    url: SITE_URLS.linkedin,
    async open(page) {
      await click(page, '[data-view-name="share-sharebox-focus"]');
      return shown(page, `${SHARE_DIALOG} .ql-editor[contenteditable="true"][role="textbox"]`);
    },
    submit: { click: `${SHARE_DIALOG} button.share-actions__primary-action` },
    newLineKey: 'Enter',
    context: 'post',
  },
  {
    name: 'x-narrow-compose',
    site: 'x',
    editor: 'textarea',
    url: SITE_URLS.x,
    viewport: { width: 400, height: 800 },
    async open(page) {
      await click(page, '[data-testid="SideNav_NewTweet_Button"]');
      return shown(
        page,
        '[role="dialog"] [data-testid="tweetTextarea_0"] textarea[role="textbox"]',
      );
    },
    submit: { click: '[role="dialog"] [data-testid="tweetButton"]' },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context: 'post',
  },
  {
    name: 'linkedin-comment',
    site: 'linkedin',
    editor: 'tiptap',
    url: SITE_URLS.linkedin,
    open: (page) => shown(page, TIPTAP_COMMENT),
    submit: { click: 'button[data-view-name="comment-post"]' },
    newLineKey: 'Enter',
    context: 'comment',
  },
  xDialogBox('x-reply', 'reply'),
  xDialogBox('x-quote', 'quote'),
  {
    name: 'linkedin-ember-post',
    site: 'linkedin',
    editor: 'quill',
    url: `${SITE_URLS.linkedin}?frontend=ember`,
    async open(page) {
      await click(page, '.share-box-feed-entry__trigger');
      return shown(page, `${EMBER_DIALOG} .share-creation-state__text-editor ${QUILL}`);
    },
    submit: { click: `${EMBER_DIALOG} button.share-actions__primary-action` },
    newLineKey: 'Enter',
    context: 'post',
  },
  {
    name: 'linkedin-ember-comment',
    site: 'linkedin',
    editor: 'quill',
    url: `${SITE_URLS.linkedin}?frontend=ember`,
    open: (page) =>
      shown(
        page,
        `${EMBER_COMMENT_BOX} form.comments-comment-box__form .comments-comment-texteditor ${QUILL}`,
      ),
    submit: { click: `${EMBER_COMMENT_BOX} .comments-comment-box__submit-button--cr` },
    newLineKey: 'Enter',
    context: 'comment',
  },
];

/** Loads the box's page at its real URL and reveals the box. */
export async function openDriverBox(page: DriverPage, box: DriverBox): Promise<string> {
  // A person types in the tab in front: Firefox gives a background tab no focus events.
  await page.bringToFront();
  await page.setViewport(box.viewport ?? DESKTOP);
  await page.goto(box.url);
  await waitForCondition(page, () => '__postguardFixture' in window, undefined, 'the fixture API');
  return box.open(page);
}

/** Clicks into the box and types at its end, one key press per character. */
export async function typeIntoBox(
  page: DriverPage,
  box: DriverBox,
  selector: string,
  text: string,
): Promise<void> {
  await click(page, selector);
  await page.press('Control+End');
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) await page.press(box.newLineKey);
    if (line !== '') await page.type(line);
  }
}

export function boxState(page: DriverPage, box: DriverBox): Promise<string> {
  return page.evaluate(
    (name) => (window as unknown as FixtureWindow).__postguardFixture.state(name),
    box.name,
  );
}

export function boxPosts(page: DriverPage): Promise<FixturePost[]> {
  return page.evaluate(
    () => (window as unknown as FixtureWindow).__postguardFixture.posts,
    undefined,
  );
}

/** Presses the box's Post control (or key), without waiting for a post. */
export function pressSubmit(page: DriverPage, box: DriverBox, selector: string) {
  return submitBy(page, box.submit, selector);
}

/** Posts what the box holds, both steps where its site takes two; returns what was posted. */
export async function postAndRead(
  page: DriverPage,
  box: DriverBox,
  selector: string,
): Promise<string> {
  const before = (await boxPosts(page)).length;
  await pressSubmit(page, box, selector);
  if (box.secondStep) await click(page, box.secondStep.click);
  const deadline = Date.now() + 10_000;
  while ((await boxPosts(page)).length <= before) {
    if (Date.now() > deadline) throw new Error(`${box.name}: nothing was posted`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await boxPosts(page))[before]!.text;
}

/** Submits one way: a click on the control, or the key pressed in the box. */
export async function submitBy(page: DriverPage, way: SubmitWay, selector: string) {
  if ('click' in way) return click(page, way.click);
  await click(page, selector);
  await page.press(way.key);
}
