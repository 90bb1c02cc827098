import { describe, expect, it } from 'vitest';
import { TextModel } from '@/src/sites/text-model';
import { draftLayout } from '@/src/sites/drivers/draft';
import { lexicalLayout } from '@/src/sites/drivers/lexical';
import { quillLayout } from '@/src/sites/drivers/quill';
import { plainBlocks } from '@/src/sites/drivers/contenteditable';

function mount(html: string): HTMLElement {
  const holder = document.createElement('div');
  // Test markup written here, mirroring what each editor renders.
  holder.innerHTML = html;
  document.body.replaceChildren(holder);
  return holder.querySelector<HTMLElement>('[contenteditable="true"]')!;
}

const draftBlock = (key: string, inner: string) =>
  `<div data-block="true" data-offset-key="${key}-0-0"><div class="public-DraftStyleDefault-block" data-offset-key="${key}-0-0">${inner}</div></div>`;

describe('TextModel', () => {
  it('reads Draft.js blocks joined by newlines, with empty blocks as empty lines', () => {
    const box = mount(
      `<div contenteditable="true" role="textbox"><div data-contents="true">` +
        draftBlock(
          'a',
          '<span data-offset-key="a-0-0"><span data-text="true">Hello </span></span><span data-offset-key="a-1-0"><span data-text="true">#ACME</span></span>',
        ) +
        draftBlock('b', '<span data-offset-key="b-0-0"><br data-text="true"></span>') +
        draftBlock(
          'c',
          '<span data-offset-key="c-0-0"><span data-text="true">Bye 👋🏽 now</span></span>',
        ) +
        `</div></div>`,
    );
    const model = TextModel.read(box, draftLayout);
    expect(model.text).toBe('Hello #ACME\n\nBye 👋🏽 now');
  });

  it('reads Lexical paragraphs and line breaks, ignoring the trailing placeholder <br>', () => {
    const box = mount(
      `<div contenteditable="true" data-lexical-editor="true"><p><span data-lexical-text="true">One</span><br><span data-lexical-text="true">two</span></p><p><br></p><p><span data-lexical-text="true">three</span><br><br></p></div>`,
    );
    expect(TextModel.read(box, lexicalLayout).text).toBe('One\ntwo\n\nthree\n');
  });

  it('reads Quill lines and list items and skips its cursor placeholder', () => {
    const box = mount(
      `<div class="ql-editor" contenteditable="true"><p>First <strong>bold</strong></p><ol><li>a</li><li>b</li></ol><p>x<span class="ql-cursor"><span class="ql-cursor-inner">\uFEFF</span></span>y</p></div>`,
    );
    expect(TextModel.read(box, quillLayout).text).toBe('First bold\na\nb\nxy');
  });

  it('treats a plain contenteditable with inline text as one block', () => {
    const box = mount(`<div contenteditable="true">Hi <b>there</b><br>you</div>`);
    expect(TextModel.read(box, plainBlocks).text).toBe('Hi there\nyou');
  });

  it('maps offsets to DOM points and back across nodes and lines', () => {
    const box = mount(
      `<div contenteditable="true" data-lexical-editor="true"><p><span>ab</span><span>cd</span></p><p><span>ef</span></p></div>`,
    );
    const model = TextModel.read(box, lexicalLayout);
    expect(model.text).toBe('abcd\nef');
    const spans = box.querySelectorAll('span');
    const c = model.pointAt(2, 'after')!;
    expect(c.node).toBe(spans[1]!.firstChild);
    expect(c.offset).toBe(0);
    const endOfB = model.pointAt(2, 'before')!;
    expect(endOfB.node).toBe(spans[0]!.firstChild);
    expect(endOfB.offset).toBe(2);
    const e = model.pointAt(5)!;
    expect(e.node).toBe(spans[2]!.firstChild);
    expect(model.offsetOf(spans[2]!.firstChild!, 1)).toBe(6);
    expect(model.offsetOf(spans[1]!.firstChild!, 2)).toBe(4);
    // A range's string has no line separator: "d", then "ef" in the next paragraph.
    expect(model.rangeOf(3, 7)!.toString()).toBe('def');
  });

  it('keeps UTF-16 offsets so that emoji before a term do not shift it', () => {
    const box = mount(`<div contenteditable="true"><p>👩🏽‍💻 Project Falcon</p></div>`);
    const model = TextModel.read(box, plainBlocks);
    const start = model.text.indexOf('Project');
    expect(model.rangeOf(start, start + 'Project Falcon'.length)!.toString()).toBe(
      'Project Falcon',
    );
  });
});
