// Every compose box the fixtures reproduce, described the way a user reaches it: which page,
// what to click to reveal it, how to post. Tests take these from here, so a new box (a thread
// composer, a quote post) is one entry and every shared test runs on it.
//
// These selectors are the tests' view of the sites, kept apart from the extension's adapters on
// purpose: when an adapter's selector breaks, these still find the box and the test says so.
import type { Locator, Page } from 'playwright-core';
import { SITE_URLS } from './routes';
import type { SiteName } from './routes';
import { LINKEDIN_SHARE_SHADOW, LINKEDIN_TIPTAP_COMMENT } from './boxes-linkedin';
import { FB_COMMENT, FB_POST, bySubmitKey } from './boxes-facebook';

/** The editor library a fixture box runs (Quill is 1.3.x, what LinkedIn runs). */
export type EditorKind = 'draft' | 'lexical' | 'quill' | 'tiptap' | 'textarea';

export interface ComposeBoxFixture {
  /** The box's name in the fixture page's `window.__postguardFixture`, and in test titles. */
  name: string;
  site: SiteName;
  editor: EditorKind;
  /** The real URL the fixture page is served at. */
  url: string;
  /** Reveals the box on a freshly loaded page (opening its dialog if it has one) and returns it. */
  open(page: Page): Promise<Locator>;
  /** Posts what the box holds the way a user would: its Post button, or Enter in a comment. */
  submit(page: Page, box: Locator): Promise<void>;
  /** The key that starts a new line without posting. */
  newLineKey: 'Enter' | 'Shift+Enter';
  /** What the extension's site adapter should call this box. */
  context: 'post' | 'reply' | 'quote' | 'comment' | 'share';
}

async function visible(box: Locator): Promise<Locator> {
  await box.waitFor({ state: 'visible' });
  return box;
}

const X_BOX = '[data-testid="tweetTextarea_0"][role="textbox"]';

export const X_HOME: ComposeBoxFixture = {
  name: 'x-home',
  site: 'x',
  editor: 'draft',
  url: SITE_URLS.x,
  open: (page) => visible(page.locator(`[data-testid="primaryColumn"] ${X_BOX}`)),
  submit: (page) => page.locator('[data-testid="tweetButtonInline"]').click(),
  newLineKey: 'Enter',
  context: 'post',
};

export const X_REPLY: ComposeBoxFixture = {
  name: 'x-reply',
  site: 'x',
  editor: 'draft',
  url: SITE_URLS.x,
  async open(page) {
    await page
      .locator('[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="reply"]')
      .first()
      .click();
    return visible(page.locator(`[role="dialog"] ${X_BOX}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'reply',
};

export const X_QUOTE: ComposeBoxFixture = {
  name: 'x-quote',
  site: 'x',
  editor: 'draft',
  url: SITE_URLS.x,
  async open(page) {
    await page
      .locator('[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="quote"]')
      .first()
      .click();
    return visible(page.locator(`[role="dialog"] ${X_BOX}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'quote',
};

/** The composer that /compose/post opens over the timeline, reached by client-side navigation. */
export const X_COMPOSE_ROUTE: ComposeBoxFixture = {
  name: 'x-compose',
  site: 'x',
  editor: 'draft',
  url: SITE_URLS.x,
  async open(page) {
    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    await page.waitForURL('**/compose/post');
    return visible(page.locator(`[role="dialog"] ${X_BOX}`));
  },
  submit: (page) => page.locator('[role="dialog"] [data-testid="tweetButton"]').click(),
  newLineKey: 'Enter',
  context: 'post',
};

/** Facebook's home composer: "What's on your mind" → the "Create post" dialog. */
export const FACEBOOK_POST = FB_POST;
/** A feed post's "Comment as {Name}" box, posting with Enter (its Comment button: FB_COMMENT). */
export const FACEBOOK_COMMENT = bySubmitKey(FB_COMMENT);

/** LinkedIn's share box as served today: in the interop outlet's shadow root, on Quill 1. */
export const LINKEDIN_POST = LINKEDIN_SHARE_SHADOW;
/** LinkedIn's feed comment on the newer front end: TipTap. */
export const LINKEDIN_COMMENT = LINKEDIN_TIPTAP_COMMENT;

/** The main share box of each site: one per editor library. */
export const SHARE_BOXES: ComposeBoxFixture[] = [X_HOME, FACEBOOK_POST, LINKEDIN_POST];

export const COMPOSE_BOXES: ComposeBoxFixture[] = [
  X_HOME,
  X_REPLY,
  X_QUOTE,
  X_COMPOSE_ROUTE,
  FACEBOOK_POST,
  FACEBOOK_COMMENT,
  LINKEDIN_POST,
  LINKEDIN_COMMENT,
];
