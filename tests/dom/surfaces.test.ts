// The site adapters on today's surfaces (../shared/sites.md), as markup: LinkedIn's share box in a
// shadow root and its two comment editors, X's textarea, Facebook's comment controls in any
// language, and boxes no adapter knows. The fixtures' end-to-end tests run the same in Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import { xAdapter } from '@/src/sites/x';
import { facebookAdapter } from '@/src/sites/facebook';
import { linkedinAdapter } from '@/src/sites/linkedin';
import { editorMarkers, pathShape, unrecognisedBoxFrom } from '@/src/sites/generic';
import { closestElement, containsComposed, nearestMatch } from '@/src/sites/dom';

function page(html: string): void {
  document.body.innerHTML = html;
}

afterEach(() => document.body.replaceChildren());

function linkedinShadowShareBox(): { host: HTMLElement; editor: HTMLElement } {
  page('<div id="interop-outlet" data-testid="interop-shadowdom"></div>');
  const host = document.getElementById('interop-outlet')!;
  const root = host.attachShadow({ mode: 'open' });
  const modal = document.createElement('div');
  modal.setAttribute('data-test-modal-id', 'sharebox');
  modal.setAttribute('role', 'dialog');
  const container = document.createElement('div');
  container.className = 'ql-container';
  const editor = document.createElement('div');
  editor.className = 'ql-editor';
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('aria-label', 'Text editor for creating content');
  editor.append(document.createElement('p'));
  container.append(editor);
  const post = document.createElement('button');
  post.className = 'share-actions__primary-action';
  post.textContent = 'Post';
  modal.append(container, post);
  root.append(modal);
  return { host, editor };
}

describe('LinkedIn', () => {
  it('finds the share box inside the interop outlet’s open shadow root, and its Post button', () => {
    const { editor } = linkedinShadowShareBox();
    expect(document.querySelectorAll('.ql-editor')).toHaveLength(0);
    const [box] = linkedinAdapter.findBoxes(document);
    expect(box?.element).toBe(editor);
    expect(box?.context).toBe('post');
    expect(box?.driver.kind).toBe('quill1');
    expect(linkedinAdapter.findSubmit(box!)?.className).toBe('share-actions__primary-action');
    expect(linkedinAdapter.boxFrom(editor.firstChild!)?.element).toBe(editor);
  });

  it('tells TipTap comments from replies by their submit control, with no form', () => {
    page(`
      <div data-view-name="comment-box"><div class="tiptap ProseMirror" contenteditable="true" role="textbox"><p>x</p></div>
        <button data-view-name="comment-post">Comment</button></div>
      <article><div data-view-name="comment-box"><div class="tiptap ProseMirror" contenteditable="true" role="textbox"><p>y</p></div>
        <button data-view-name="comment-reply-post">Reply</button></div></article>`);
    const [comment, reply] = linkedinAdapter.findBoxes(document);
    expect([comment?.context, reply?.context]).toEqual(['comment', 'reply']);
    expect(comment?.driver.kind).toBe('prosemirror');
    expect(linkedinAdapter.findSubmit(comment!)?.dataset.viewName).toBe('comment-post');
    expect(linkedinAdapter.findSubmit(reply!)?.dataset.viewName).toBe('comment-reply-post');
  });

  it('finds the Ember pages’ comment button by its --cr class alone, and a reply inside a comment', () => {
    page(`
      <div class="comments-comment-box--cr"><form class="comments-comment-box__form">
        <div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true"><p>a</p></div></div>
        <button class="comments-comment-box__submit-button--cr">Comment</button></form></div>
      <article class="comments-comment-entity"><div class="comments-comment-box--cr"><form class="comments-comment-box__form">
        <div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true"><p>b</p></div></div>
        <button class="comments-comment-box__submit-button--cr">Reply</button></form></div></article>`);
    const [comment, reply] = linkedinAdapter.findBoxes(document);
    expect([comment?.context, reply?.context]).toEqual(['comment', 'reply']);
    expect(linkedinAdapter.findSubmit(comment!)?.textContent).toBe('Comment');
    expect(linkedinAdapter.findSubmit(reply!)?.textContent).toBe('Reply');
  });
});

describe('X', () => {
  it('takes the narrow layout’s textarea as a box, with the textarea driver', () => {
    page(`<main><div data-testid="tweetTextarea_0"><textarea role="textbox"></textarea></div>
      <button data-testid="tweetButtonInline">Post</button></main>`);
    const [box] = xAdapter.findBoxes(document);
    expect(box?.element.tagName).toBe('TEXTAREA');
    expect(box?.driver.kind).toBe('textarea');
    expect(xAdapter.findSubmit(box!)?.dataset.testid).toBe('tweetButtonInline');
  });

  it('tells a reply dialog from a quote dialog by what they show', () => {
    page(`
      <div role="dialog" aria-labelledby="modal-header"><div data-testid="tweetText">The post replied to</div>
        <div data-testid="tweetTextarea_0" contenteditable="true"></div></div>
      <div role="dialog" aria-labelledby="modal-header"><div data-testid="tweetTextarea_0" contenteditable="true"></div>
        <div data-testid="quoteTweet"><div data-testid="tweetText">Quoted</div></div></div>`);
    const [reply, quote] = xAdapter.findBoxes(document);
    expect([reply?.context, quote?.context]).toEqual(['reply', 'quote']);
  });
});

describe('Facebook', () => {
  const lexical = (label: string) =>
    `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="${label}"></div>`;

  it('holds a comment at its Comment control, in any language', () => {
    for (const label of [
      'Comment as Alex Morgan',
      'Comentar como Alex Morgan',
      'แสดงความคิดเห็นในชื่อ Alex Morgan',
    ]) {
      page(`<div role="article"><form>${lexical(label)}
        <div id="focused-state-composer-submit"><div role="button" aria-label="x">›</div></div></form></div>`);
      const [box] = facebookAdapter.findBoxes(document);
      expect(box?.context).toBe('comment');
      expect(facebookAdapter.findSubmit(box!)?.getAttribute('aria-label')).toBe('x');
      expect(facebookAdapter.keyboardSubmit(box!).plainEnter).toBe(true);
    }
  });

  it('tells a reply by its label, or by its composer where no label word is known', () => {
    page(`<div role="article">${lexical('Responder a Dana Rivers')}</div>`);
    expect(facebookAdapter.findBoxes(document)[0]?.context).toBe('reply');
    // Only the post's own comment box carries the submit container's id; a reply's composer has
    // the same controls without it.
    page(`<form role="presentation">${lexical('แสดงความคิดเห็นในชื่อ Alex')}
        <div id="focused-state-composer-submit"><div role="button" aria-label="ความคิดเห็น">›</div></div></form>
      <form role="presentation">${lexical('ตอบกลับ Dana Rivers')}
        <div role="button" aria-label="อีโมจิ">☺</div><div role="button" aria-label="ความคิดเห็น">›</div></form>`);
    const [comment, reply] = facebookAdapter.findBoxes(document);
    expect([comment?.context, reply?.context]).toEqual(['comment', 'reply']);
    expect(facebookAdapter.findSubmit(reply!)?.textContent).toBe('›');
  });

  it('finds a dialog’s Post (or a Page’s Next) by position when no label word is known', () => {
    page(`<div role="dialog"><div role="button" aria-label="ปิด">✕</div>${lexical('คุณกำลังคิดอะไรอยู่')}
      <div role="button" aria-label="รูปภาพ">📷</div><div role="button" aria-label="โพสต์">โพสต์</div></div>`);
    const [box] = facebookAdapter.findBoxes(document);
    expect(box?.context).toBe('post');
    expect(facebookAdapter.findSubmit(box!)?.getAttribute('aria-label')).toBe('โพสต์');
    page(`<div role="dialog">${lexical('¿Qué estás pensando?')}
      <div role="button" aria-label="Siguiente">Siguiente</div><div role="button" aria-label="Foto">📷</div></div>`);
    const [page2] = facebookAdapter.findBoxes(document);
    expect(facebookAdapter.findSubmit(page2!)?.getAttribute('aria-label')).toBe('Siguiente');
    expect(facebookAdapter.holdNote?.(page2!)).toMatch(/Next/);
  });

  it('leaves Messenger’s box alone in every listed language', () => {
    for (const label of ['Message', 'Mensaje', 'Nachricht', 'Mensagem']) {
      page(lexical(label));
      expect(facebookAdapter.findBoxes(document)).toEqual([]);
      expect(facebookAdapter.isExcluded?.(document.querySelector('[role="textbox"]')!)).toBe(true);
    }
  });
});

describe('boxes no adapter knows', () => {
  it('are taken when they look like a place to write: role=textbox or an editor’s marks', () => {
    page(`<div id="a" contenteditable="true" role="textbox"><p><b id="inner">hi</b></p></div>
      <div id="b" contenteditable="true" class="ProseMirror"><p>x</p></div>
      <textarea id="c" role="textbox"></textarea>
      <div role="search"><div id="d" contenteditable="true" role="textbox"></div></div>
      <div id="e" contenteditable="true"></div><textarea id="f"></textarea>`);
    const box = (id: string) => unrecognisedBoxFrom(document.getElementById(id)!, 'linkedin');
    expect(box('inner')?.element.id).toBe('a');
    expect(box('a')?.driver.kind).toBe('generic');
    expect(box('b')?.driver.kind).toBe('prosemirror');
    expect(box('c')?.driver.kind).toBe('textarea');
    expect([box('d'), box('e'), box('f')]).toEqual([undefined, undefined, undefined]);
    expect(box('a')?.unrecognised).toBe(true);
  });

  it('are noted by shape and marks, never by text or by names in the path', () => {
    page(
      `<div role="dialog"><div id="a" contenteditable="true" role="textbox" class="tiptap ProseMirror">Secret text</div></div>`,
    );
    const markers = editorMarkers(document.getElementById('a')!);
    expect(markers).toEqual([
      'contenteditable',
      'role=textbox',
      'prosemirror',
      'tiptap',
      'in-dialog',
    ]);
    expect(markers.join(' ')).not.toContain('Secret');
    expect(pathShape('/danarivers/status/123456')).toBe('/:x/status/:x');
    expect(pathShape('/feed/update/urn:li:activity:7/')).toBe('/feed/update/:x/');
    expect(pathShape('/')).toBe('/');
  });
});

describe('shadow DOM helpers', () => {
  it('climb out of shadow roots for closest, nearest and contains', () => {
    const { host, editor } = linkedinShadowShareBox();
    page('');
    document.body.append(host);
    const wrapper = document.createElement('section');
    wrapper.className = 'outer';
    host.replaceWith(wrapper);
    wrapper.append(host);
    expect(closestElement(editor, '.outer')).toBe(wrapper);
    expect(nearestMatch(editor, '.share-actions__primary-action')?.textContent).toBe('Post');
    expect(containsComposed(wrapper, editor)).toBe(true);
    expect(containsComposed(editor, wrapper)).toBe(false);
  });
});
