// Facebook's compose boxes as served today: the home composer, a post's "Comment as {Name}" box,
// the "Reply to {Name}" box under a comment, and a Page's two-step composer, each in English,
// and the same boxes with Spanish (es_LA) or Thai (th_TH) labels.
//
// Controls are found by structure and role plus the words of the page's own language, taken from
// the fixture's label tables: a box in Spanish is never found by an English word.
import type { Locator, Page } from 'playwright-core';
import {
  COMMENTER,
  FACEBOOK_LABELS,
  PAGE,
  SIGNED_IN_USER,
  fill,
} from '../../fixtures/src/facebook/labels';
import type { FacebookLabels, FacebookLocale } from '../../fixtures/src/facebook/labels';
import type { ComposeBoxFixture } from './boxes';
import { SITE_URLS } from './routes';

export interface FacebookBoxFixture extends ComposeBoxFixture {
  locale: FacebookLocale;
  /** The words the box's page shows, in its language. */
  labels: FacebookLabels;
  /**
   * Set on boxes that post two ways: `submit` clicks their Comment button, and this key (pressed
   * in the box) posts too. `bySubmitKey(fixture)` gives the fixture that posts with it.
   */
  submitByKey?: 'Enter';
  /**
   * The control that must be aria-disabled while the box is empty: the Post or Comment button,
   * or for a Page's post the Next button (Post comes only in the second dialog).
   */
  submitControl(page: Page, box: Locator): Locator;
}

export const LEXICAL_BOX = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
/** The container of the comment box's submit; a reply box's submit has none (one id a page). */
export const COMMENT_SUBMIT_CONTAINER = '#focused-state-composer-submit';

async function visible(box: Locator): Promise<Locator> {
  await box.waitFor({ state: 'visible' });
  return box;
}

function urlFor(path: string, locale: FacebookLocale): string {
  const url = new URL(path, SITE_URLS.facebook);
  if (locale !== 'en_US') url.searchParams.set('locale', locale);
  return url.href;
}

/** A role="button" whose aria-label is exactly `label`. */
const buttonLabelled = (label: string) => `[role="button"][aria-label="${label}"]`;

/** The composer (its <form>) a comment or reply box sits in. */
const formOf = (box: Locator) => box.locator('xpath=ancestor::form[1]');

function postBox(locale: FacebookLocale): FacebookBoxFixture {
  const labels = FACEBOOK_LABELS[locale];
  const postButton = (page: Page) => page.locator(`[role="dialog"] ${buttonLabelled(labels.post)}`);
  return {
    name: 'facebook-post',
    site: 'facebook',
    editor: 'lexical',
    url: urlFor('/', locale),
    locale,
    labels,
    async open(page) {
      const prompt = fill(labels.whatsOnYourMind, { name: SIGNED_IN_USER.firstName });
      await page.locator('[role="main"] [role="button"]', { hasText: prompt }).click();
      return visible(page.locator(`[role="dialog"] ${LEXICAL_BOX}`));
    },
    submit: (page) => postButton(page).click(),
    submitControl: postButton,
    newLineKey: 'Enter',
    context: 'post',
  };
}

function commentBox(locale: FacebookLocale): FacebookBoxFixture {
  const labels = FACEBOOK_LABELS[locale];
  const submitControl = (_page: Page, box: Locator) =>
    formOf(box).locator(`${COMMENT_SUBMIT_CONTAINER} ${buttonLabelled(labels.comment)}`);
  return {
    name: 'facebook-comment',
    site: 'facebook',
    editor: 'lexical',
    url: urlFor('/', locale),
    locale,
    labels,
    open: (page) =>
      visible(
        page.locator(
          `[role="feed"] form ${LEXICAL_BOX}[aria-label="${fill(labels.commentAs, { name: SIGNED_IN_USER.name })}"]`,
        ),
      ),
    submit: (page, box) => submitControl(page, box).click(),
    submitByKey: 'Enter',
    submitControl,
    newLineKey: 'Shift+Enter',
    context: 'comment',
  };
}

/** The article of a comment (not a reply) by `author`, in the page's language. */
export function commentArticle(page: Page, labels: FacebookLabels, author: string): Locator {
  return page.locator(`[role="article"][aria-label="${fill(labels.commentBy, { name: author })}"]`);
}

/** The Reply button of an article (a comment or a reply), by its words in the page's language. */
export function replyButtonOf(article: Locator, labels: FacebookLabels): Locator {
  return article.getByRole('button', { name: labels.reply, exact: true });
}

/** The reply box addressed to `name` (the author of the comment or reply answered). */
export function replyBoxTo(page: Page, labels: FacebookLabels, name: string): Locator {
  return page.locator(`form ${LEXICAL_BOX}[aria-label="${fill(labels.replyTo, { name })}"]`);
}

function replyBox(locale: FacebookLocale): FacebookBoxFixture {
  const labels = FACEBOOK_LABELS[locale];
  const submitControl = (_page: Page, box: Locator) =>
    formOf(box).locator(buttonLabelled(labels.comment));
  return {
    name: 'facebook-reply',
    site: 'facebook',
    editor: 'lexical',
    url: urlFor('/', locale),
    locale,
    labels,
    async open(page) {
      await replyButtonOf(commentArticle(page, labels, COMMENTER), labels).click();
      return visible(replyBoxTo(page, labels, COMMENTER));
    },
    submit: (page, box) => submitControl(page, box).click(),
    submitByKey: 'Enter',
    submitControl,
    newLineKey: 'Shift+Enter',
    context: 'reply',
  };
}

/** "Post settings", the second dialog of a Page's post. */
export function postSettingsDialog(page: Page, labels: FacebookLabels): Locator {
  return page.locator('[role="dialog"]', { hasText: labels.postSettings });
}

function pagePostBox(locale: FacebookLocale): FacebookBoxFixture {
  const labels = FACEBOOK_LABELS[locale];
  const next = (page: Page) => page.locator(`[role="dialog"] ${buttonLabelled(labels.next)}`);
  return {
    name: 'facebook-page-post',
    site: 'facebook',
    editor: 'lexical',
    url: urlFor(PAGE.path, locale),
    locale,
    labels,
    async open(page) {
      await page
        .locator('[role="main"] [role="button"]', { hasText: labels.whatsOnYourMindPage })
        .click();
      return visible(page.locator(`[role="dialog"] ${LEXICAL_BOX}`));
    },
    /** Next, then the Post button of "Post settings". */
    async submit(page) {
      await next(page).click();
      await postSettingsDialog(page, labels).locator(buttonLabelled(labels.post)).click();
    },
    submitControl: next,
    newLineKey: 'Enter',
    context: 'post',
  };
}

/** The same box, posting with its `submitByKey` (Enter) instead of its button. */
export function bySubmitKey(fixture: FacebookBoxFixture): FacebookBoxFixture {
  const key = fixture.submitByKey;
  if (!key) throw new Error(`${fixture.name} posts only with its button`);
  return { ...fixture, submit: (_page, box) => box.press(key) };
}

export const FB_POST = postBox('en_US');
export const FB_COMMENT = commentBox('en_US');
export const FB_REPLY = replyBox('en_US');
export const FB_PAGE_POST = pagePostBox('en_US');
export const FB_COMMENT_ES = commentBox('es_LA');
export const FB_REPLY_ES = replyBox('es_LA');
export const FB_PAGE_POST_ES = pagePostBox('es_LA');
export const FB_POST_TH = postBox('th_TH');
export const FB_COMMENT_TH = commentBox('th_TH');
export const FB_REPLY_TH = replyBox('th_TH');

export const FACEBOOK_BOXES: FacebookBoxFixture[] = [
  FB_POST,
  FB_COMMENT,
  FB_REPLY,
  FB_PAGE_POST,
  FB_COMMENT_ES,
  FB_REPLY_ES,
  FB_PAGE_POST_ES,
  FB_POST_TH,
  FB_COMMENT_TH,
  FB_REPLY_TH,
];
