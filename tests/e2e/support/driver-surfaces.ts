// The compose surfaces beyond the ten main boxes (driver-boxes.ts), over the driver interface:
// Facebook's replies and a Page's two-step post, in English and with Spanish (es_LA) and Thai
// (th_TH) labels; LinkedIn's replies on both front ends; X's inline reply, the /compose/post
// route and the narrow layout's other textareas. The same boxes as the Playwright fixtures in
// boxes-*.ts, found the same way: by structure, role and the page's own words.
import {
  COMMENTER,
  FACEBOOK_LABELS,
  PAGE,
  SIGNED_IN_USER,
  fill,
  type FacebookLocale,
} from '../../fixtures/src/facebook/labels';
import { click, clickByText, waitForCondition, waitForSelector, type DriverPage } from './driver';
import { facebookCommentButton, type DriverBox } from './driver-boxes';
import { SITE_URLS } from './routes';

const LEXICAL = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const X_DRAFT = '[data-testid="tweetTextarea_0"][role="textbox"]';
const X_TEXTAREA = '[data-testid="tweetTextarea_0"] textarea[role="textbox"]';
const QUILL = '.ql-editor[contenteditable="true"]';
const TIPTAP = 'div.tiptap.ProseMirror[contenteditable="true"][role="textbox"]';
const TIPTAP_COMMENT = `[data-view-name="comment-box"] ${TIPTAP}[aria-label="Text editor for creating comment"]`;
const TIPTAP_REPLY = `[data-view-name="comment-container"] [data-view-name="comment-box"] ${TIPTAP}[aria-label="Text editor for creating reply"]`;
const EMBER_COMMENT_BOX = '.feed-shared-update-v2__comments-container > .comments-comment-box--cr';
const EMBER_COMMENT = `${EMBER_COMMENT_BOX} form.comments-comment-box__form .comments-comment-texteditor ${QUILL}`;
const EMBER_REPLY_BOX = 'article.comments-comment-entity .comments-comment-box--cr';
const NARROW = { width: 400, height: 800 };
/** The comment a reply box is opened under, posted through the page's own UI first. */
const COMMENT_REPLIED_TO = 'A comment to reply to';

async function shown(page: DriverPage, selector: string): Promise<string> {
  await waitForSelector(page, selector, 'visible');
  return selector;
}

/** Marks the first `selector` match whose text contains `text`, so a selector can name it. */
async function markByText(
  page: DriverPage,
  selector: string,
  text: string,
  marker: string,
): Promise<string> {
  await waitForCondition(
    page,
    ({ wanted, words, attribute }) => {
      const found = [...document.querySelectorAll(wanted)].find((element) =>
        (element.textContent ?? '').includes(words),
      );
      found?.setAttribute(attribute, '');
      return found !== undefined;
    },
    { wanted: selector, words: text, attribute: marker },
    `${selector} holding "${text}"`,
  );
  return `[${marker}]`;
}

/** Posts a comment as a person would, so the page has one to reply to. */
async function postComment(page: DriverPage, box: string, submit: string): Promise<void> {
  await click(page, box);
  await page.type(COMMENT_REPLIED_TO);
  await click(page, submit);
}

function facebookUrl(path: string, locale: FacebookLocale): string {
  const url = new URL(path, SITE_URLS.facebook);
  if (locale !== 'en_US') url.searchParams.set('locale', locale);
  return url.href;
}

function facebookPost(locale: FacebookLocale): DriverBox {
  const words = FACEBOOK_LABELS[locale];
  return {
    name: 'facebook-post',
    site: 'facebook',
    editor: 'lexical',
    url: facebookUrl('/', locale),
    async open(page) {
      const prompt = fill(words.whatsOnYourMind, { name: SIGNED_IN_USER.firstName });
      await clickByText(page, '[role="main"] [role="button"]', prompt);
      return shown(page, `[role="dialog"] ${LEXICAL}`);
    },
    submit: { click: `[role="dialog"] [role="button"][aria-label="${words.post}"]` },
    newLineKey: 'Enter',
    context: 'post',
  };
}

function facebookComment(locale: FacebookLocale): DriverBox {
  const words = FACEBOOK_LABELS[locale];
  return {
    name: 'facebook-comment',
    site: 'facebook',
    editor: 'lexical',
    url: facebookUrl('/', locale),
    open: (page) =>
      shown(
        page,
        `[role="feed"] form ${LEXICAL}[aria-label="${fill(words.commentAs, { name: SIGNED_IN_USER.name })}"]`,
      ),
    submit: { click: facebookCommentButton(words, 'commentAs', SIGNED_IN_USER.name) },
    alsoSubmit: [{ key: 'Enter' }],
    newLineKey: 'Shift+Enter',
    context: 'comment',
  };
}

function facebookReply(locale: FacebookLocale): DriverBox {
  const words = FACEBOOK_LABELS[locale];
  return {
    name: 'facebook-reply',
    site: 'facebook',
    editor: 'lexical',
    url: facebookUrl('/', locale),
    async open(page) {
      const comment = `[role="article"][aria-label="${fill(words.commentBy, { name: COMMENTER })}"]`;
      // The Reply button's only name is its words, in the page's language.
      await clickByText(page, `${comment} [role="button"]`, words.reply, 'exact');
      return shown(
        page,
        `form ${LEXICAL}[aria-label="${fill(words.replyTo, { name: COMMENTER })}"]`,
      );
    },
    submit: { click: facebookCommentButton(words, 'replyTo', COMMENTER) },
    alsoSubmit: [{ key: 'Enter' }],
    newLineKey: 'Shift+Enter',
    context: 'reply',
  };
}

function facebookPagePost(locale: FacebookLocale): DriverBox {
  const words = FACEBOOK_LABELS[locale];
  return {
    name: 'facebook-page-post',
    site: 'facebook',
    editor: 'lexical',
    url: facebookUrl(PAGE.path, locale),
    async open(page) {
      await clickByText(page, '[role="main"] [role="button"]', words.whatsOnYourMindPage);
      return shown(page, `[role="dialog"] ${LEXICAL}`);
    },
    submit: { click: `[role="dialog"] [role="button"][aria-label="${words.next}"]` },
    // Only "Post settings" has a Post button: the first dialog's is Next.
    secondStep: {
      click: `[role="dialog"] [role="button"][aria-label="${words.post}"]`,
      // The note names the step in the page's words; Thai's are not matched here.
      holdNote: locale === 'th_TH' ? undefined : /Held at Next/,
    },
    newLineKey: 'Enter',
    context: 'post',
  };
}

function xNarrow(name: string, context: 'post' | 'reply' | 'quote'): DriverBox {
  return {
    name,
    site: 'x',
    editor: 'textarea',
    url: SITE_URLS.x,
    viewport: NARROW,
    async open(page) {
      if (context === 'post') return shown(page, `[data-testid="primaryColumn"] ${X_TEXTAREA}`);
      await click(
        page,
        `[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="${context}"]`,
      );
      return shown(page, `[role="dialog"] ${X_TEXTAREA}`);
    },
    submit: {
      click:
        context === 'post'
          ? '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]'
          : '[role="dialog"] [data-testid="tweetButton"]',
    },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context,
  };
}

export const SURFACE_BOXES: DriverBox[] = [
  facebookReply('en_US'),
  facebookPagePost('en_US'),
  facebookComment('es_LA'),
  facebookReply('es_LA'),
  facebookPagePost('es_LA'),
  facebookPost('th_TH'),
  facebookComment('th_TH'),
  facebookReply('th_TH'),
  {
    name: 'linkedin-reply',
    site: 'linkedin',
    editor: 'tiptap',
    url: SITE_URLS.linkedin,
    async open(page) {
      await postComment(page, TIPTAP_COMMENT, 'button[data-view-name="comment-post"]');
      const comment = await markByText(
        page,
        '[data-view-name="comment-container"]',
        COMMENT_REPLIED_TO,
        'data-postguard-test-comment',
      );
      await click(page, `${comment} button[data-view-name="comment-reply"]`);
      return shown(page, TIPTAP_REPLY);
    },
    submit: { click: 'button[data-view-name="comment-reply-post"]' },
    newLineKey: 'Enter',
    context: 'reply',
  },
  {
    name: 'linkedin-ember-reply',
    site: 'linkedin',
    editor: 'quill',
    url: `${SITE_URLS.linkedin}?frontend=ember`,
    async open(page) {
      await postComment(
        page,
        EMBER_COMMENT,
        `${EMBER_COMMENT_BOX} .comments-comment-box__submit-button--cr`,
      );
      const comment = await markByText(
        page,
        'article.comments-comment-entity',
        COMMENT_REPLIED_TO,
        'data-postguard-test-comment',
      );
      await click(page, `${comment} .comments-comment-social-bar__reply-action-button`);
      return shown(
        page,
        `${EMBER_REPLY_BOX} form.comments-comment-box__form .comments-comment-texteditor ${QUILL}`,
      );
    },
    submit: { click: `${EMBER_REPLY_BOX} .comments-comment-box__submit-button--cr` },
    newLineKey: 'Enter',
    context: 'reply',
  },
  {
    name: 'x-inline-reply',
    site: 'x',
    editor: 'draft',
    url: 'https://x.com/acme/status/1',
    open: (page) => shown(page, `[data-testid="inline_reply_offscreen"] ${X_DRAFT}`),
    submit: { click: '[data-testid="inline_reply_offscreen"] [data-testid="tweetButtonInline"]' },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context: 'reply',
  },
  {
    name: 'x-compose',
    site: 'x',
    editor: 'draft',
    url: SITE_URLS.x,
    async open(page) {
      // The side nav's Post link navigates client-side to /compose/post.
      await click(page, '[data-testid="SideNav_NewTweet_Button"]');
      await waitForCondition(
        page,
        () => location.pathname === '/compose/post',
        undefined,
        'the /compose/post route',
      );
      return shown(page, `[role="dialog"] ${X_DRAFT}`);
    },
    submit: { click: '[role="dialog"] [data-testid="tweetButton"]' },
    alsoSubmit: [{ key: 'Control+Enter' }],
    newLineKey: 'Enter',
    context: 'post',
  },
  xNarrow('x-narrow-home', 'post'),
  xNarrow('x-narrow-reply', 'reply'),
  xNarrow('x-narrow-quote', 'quote'),
];

/** The page language a surface is shown in, for test titles. */
export function localeOf(box: DriverBox): string {
  return new URL(box.url).searchParams.get('locale') ?? 'en_US';
}
