import { describe, expect, it } from 'vitest';
import { adapterForHost, SITE_ADAPTERS } from '@/src/sites';
import { xAdapter } from '@/src/sites/x';
import { facebookAdapter } from '@/src/sites/facebook';
import { linkedinAdapter } from '@/src/sites/linkedin';

function page(html: string): void {
  document.body.innerHTML = html;
}

describe('site adapters', () => {
  it('pick the adapter by host name, and none for other sites', () => {
    expect(adapterForHost('x.com')).toBe(xAdapter);
    expect(adapterForHost('twitter.com')).toBe(xAdapter);
    expect(adapterForHost('www.facebook.com')).toBe(facebookAdapter);
    expect(adapterForHost('www.linkedin.com')).toBe(linkedinAdapter);
    expect(adapterForHost('example.com')).toBeUndefined();
    expect(new Set(SITE_ADAPTERS.map((a) => a.network))).toEqual(
      new Set(['x', 'facebook', 'linkedin']),
    );
  });

  it('X: finds the timeline composer and its inline Post button; a dialog with a post is a reply', () => {
    page(`
      <main><div class="composer">
        <div class="DraftEditor-root"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"></div></div></div>
        <button data-testid="tweetButtonInline">Post</button>
      </div></main>
      <div role="dialog">
        <article data-testid="tweet">Someone's post</article>
        <div class="DraftEditor-root"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"></div></div></div>
        <button data-testid="tweetButton">Reply</button>
      </div>`);
    const [home, reply] = xAdapter.findBoxes(document);
    expect(home!.context).toBe('post');
    expect(xAdapter.findSubmit(home!)!.dataset.testid).toBe('tweetButtonInline');
    expect(reply!.context).toBe('reply');
    expect(xAdapter.findSubmit(reply!)!.dataset.testid).toBe('tweetButton');
    expect(xAdapter.boxFrom(reply!.element.firstChild!)!.element).toBe(reply!.element);
    expect(xAdapter.keyboardSubmit(home!)).toEqual({ modEnter: true, plainEnter: false });
  });

  it('X: a dialog quoting a post is a quote', () => {
    page(
      `<div role="dialog"><div contenteditable="true" data-testid="tweetTextarea_0"></div><div data-testid="quoteTweet">quoted</div><button data-testid="tweetButton">Post</button></div>`,
    );
    expect(xAdapter.findBoxes(document)[0]!.context).toBe('quote');
  });

  it('Facebook: the Create post dialog has a div Post button; comments submit on Enter', () => {
    page(`
      <div role="dialog" aria-label="Create post">
        <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="What's on your mind?"></div>
        <div aria-label="Post" role="button">Post</div>
      </div>
      <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…"></div></div>`);
    const [post, comment] = facebookAdapter.findBoxes(document);
    expect(post!.context).toBe('post');
    expect(facebookAdapter.findSubmit(post!)!.getAttribute('aria-label')).toBe('Post');
    expect(facebookAdapter.keyboardSubmit(post!).plainEnter).toBe(false);
    expect(comment!.context).toBe('comment');
    expect(facebookAdapter.findSubmit(comment!)).toBeUndefined();
    expect(facebookAdapter.keyboardSubmit(comment!)).toEqual({ modEnter: false, plainEnter: true });
  });

  it('Facebook: a Messenger chat box is a direct message, not a post: left alone', () => {
    page(`
      <div role="dialog" aria-label="Create post">
        <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="What's on your mind?"></div>
      </div>
      <div aria-label="Chat with Sam"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message"></div></div>`);
    const boxes = facebookAdapter.findBoxes(document);
    expect(boxes.map((box) => box.element.getAttribute('aria-label'))).toEqual([
      "What's on your mind?",
    ]);
    const chat = document.querySelector<HTMLElement>('[aria-label="Message"]')!;
    expect(facebookAdapter.boxFrom(chat)).toBeUndefined();
  });

  it('LinkedIn: the share modal and a comment box each find their own submit control', () => {
    page(`
      <div role="dialog"><div class="share-creation-state__text-editor"><div class="ql-editor" contenteditable="true" role="textbox"></div></div>
        <button class="share-actions__primary-action">Post</button></div>
      <div class="feed"><form class="comments-comment-box__form"><div class="ql-editor" contenteditable="true"></div>
        <button class="comments-comment-box__submit-button">Comment</button></form></div>`);
    const [share, comment] = linkedinAdapter.findBoxes(document);
    expect(share!.context).toBe('post');
    expect(linkedinAdapter.findSubmit(share!)!.className).toBe('share-actions__primary-action');
    expect(comment!.context).toBe('comment');
    expect(linkedinAdapter.findSubmit(comment!)!.className).toBe(
      'comments-comment-box__submit-button',
    );
  });
});
