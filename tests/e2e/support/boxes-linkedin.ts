// LinkedIn's compose boxes as the fixture serves them today, on both of LinkedIn's front ends:
// the newer React pages (https://www.linkedin.com/feed/: share box in the open shadow root of
// `#interop-outlet`, TipTap comments) and the older Ember pages (`?frontend=ember`, standing in
// for LinkedIn's server-side choice: artdeco share modal and comment forms, all Quill 1).
//
// Playwright's CSS locators pierce open shadow roots, so the shadow box is found like any other;
// `document.querySelector` in the page does not see it.
import type { Locator, Page } from 'playwright-core';
import type { ComposeBoxFixture } from './boxes';
import { SITE_URLS } from './routes';

const REACT_URL = SITE_URLS.linkedin;
const EMBER_URL = `${SITE_URLS.linkedin}?frontend=ember`;

async function visible(box: Locator): Promise<Locator> {
  await box.waitFor({ state: 'visible' });
  return box;
}

const SHARE_DIALOG = '#interop-outlet [data-test-modal-id="sharebox"][role="dialog"]';
const TIPTAP = 'div.tiptap.ProseMirror[contenteditable="true"][role="textbox"]';
const TIPTAP_COMMENT = `[data-view-name="comment-box"] ${TIPTAP}[aria-label="Text editor for creating comment"]`;
const TIPTAP_REPLY = `[data-view-name="comment-container"] [data-view-name="comment-box"] ${TIPTAP}[aria-label="Text editor for creating reply"]`;
const EMBER_DIALOG = '#artdeco-modal-outlet [role="dialog"]';
const EMBER_COMMENT_BOX = '.feed-shared-update-v2__comments-container > .comments-comment-box--cr';
const EMBER_REPLY_BOX = 'article.comments-comment-entity .comments-comment-box--cr';
const QUILL_EDITOR = '.ql-editor[contenteditable="true"]';

/** The comment a reply box is opened under, posted through the UI first. */
const COMMENT_REPLIED_TO = 'A comment to reply to';

export const LINKEDIN_SHARE_SHADOW: ComposeBoxFixture = {
  name: 'linkedin-post',
  site: 'linkedin',
  editor: 'quill',
  url: REACT_URL,
  async open(page) {
    await page.locator('[data-view-name="share-sharebox-focus"]').click();
    return visible(page.locator(`${SHARE_DIALOG} ${QUILL_EDITOR}[role="textbox"]`));
  },
  submit: (page) => page.locator(`${SHARE_DIALOG} button.share-actions__primary-action`).click(),
  newLineKey: 'Enter',
  context: 'post',
};

export const LINKEDIN_TIPTAP_COMMENT: ComposeBoxFixture = {
  name: 'linkedin-comment',
  site: 'linkedin',
  editor: 'tiptap',
  url: REACT_URL,
  open: (page) => visible(page.locator(TIPTAP_COMMENT)),
  submit: (page) => page.locator('button[data-view-name="comment-post"]').click(),
  newLineKey: 'Enter',
  context: 'comment',
};

export const LINKEDIN_TIPTAP_REPLY: ComposeBoxFixture = {
  name: 'linkedin-reply',
  site: 'linkedin',
  editor: 'tiptap',
  url: REACT_URL,
  async open(page) {
    await postComment(page, LINKEDIN_TIPTAP_COMMENT);
    await page
      .locator('[data-view-name="comment-container"]', { hasText: COMMENT_REPLIED_TO })
      .locator('button[data-view-name="comment-reply"]')
      .click();
    return visible(page.locator(TIPTAP_REPLY));
  },
  submit: (page) => page.locator('button[data-view-name="comment-reply-post"]').click(),
  newLineKey: 'Enter',
  context: 'reply',
};

export const LINKEDIN_EMBER_POST: ComposeBoxFixture = {
  name: 'linkedin-ember-post',
  site: 'linkedin',
  editor: 'quill',
  url: EMBER_URL,
  async open(page) {
    await page.locator('.share-box-feed-entry__trigger').click();
    return visible(
      page.locator(`${EMBER_DIALOG} .share-creation-state__text-editor ${QUILL_EDITOR}`),
    );
  },
  submit: (page) => page.locator(`${EMBER_DIALOG} button.share-actions__primary-action`).click(),
  newLineKey: 'Enter',
  context: 'post',
};

export const LINKEDIN_EMBER_COMMENT: ComposeBoxFixture = {
  name: 'linkedin-ember-comment',
  site: 'linkedin',
  editor: 'quill',
  url: EMBER_URL,
  open: (page) =>
    visible(
      page.locator(
        `${EMBER_COMMENT_BOX} form.comments-comment-box__form .comments-comment-texteditor ${QUILL_EDITOR}`,
      ),
    ),
  submit: (page) =>
    page.locator(`${EMBER_COMMENT_BOX} .comments-comment-box__submit-button--cr`).click(),
  newLineKey: 'Enter',
  context: 'comment',
};

export const LINKEDIN_EMBER_REPLY: ComposeBoxFixture = {
  name: 'linkedin-ember-reply',
  site: 'linkedin',
  editor: 'quill',
  url: EMBER_URL,
  async open(page) {
    await postComment(page, LINKEDIN_EMBER_COMMENT);
    await page
      .locator('article.comments-comment-entity', { hasText: COMMENT_REPLIED_TO })
      .locator('.comments-comment-social-bar__reply-action-button')
      .click();
    return visible(
      page.locator(
        `${EMBER_REPLY_BOX} form.comments-comment-box__form .comments-comment-texteditor ${QUILL_EDITOR}`,
      ),
    );
  },
  submit: (page) =>
    page.locator(`${EMBER_REPLY_BOX} .comments-comment-box__submit-button--cr`).click(),
  newLineKey: 'Enter',
  context: 'reply',
};

/** Posts a comment as a user would, so the page has one to reply to. */
async function postComment(page: Page, commentBox: ComposeBoxFixture): Promise<void> {
  const box = await commentBox.open(page);
  await box.click();
  await page.keyboard.type(COMMENT_REPLIED_TO);
  await commentBox.submit(page, box);
}

export const LINKEDIN_BOXES: ComposeBoxFixture[] = [
  LINKEDIN_SHARE_SHADOW,
  LINKEDIN_TIPTAP_COMMENT,
  LINKEDIN_TIPTAP_REPLY,
  LINKEDIN_EMBER_POST,
  LINKEDIN_EMBER_COMMENT,
  LINKEDIN_EMBER_REPLY,
];
