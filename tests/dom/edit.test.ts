// The editor-safe edit path (src/sites/edit.ts) against a small editor that, like Draft.js,
// Lexical and Quill, takes pastes and deletions into a model of its own and renders from it.
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, insertText, replaceRange, selectRange } from '@/src/sites/edit';
import { TextModel } from '@/src/sites/text-model';
import { contentEditableDriver } from '@/src/sites/drivers/contenteditable';
import type { ComposeBox, EditorDriver } from '@/src/sites/types';

type Operation =
  | { kind: 'paste'; start: number; end: number; text: string }
  | { kind: 'delete'; start: number; end: number };

/** A model-first editor: one paragraph, its text in `model`, the DOM re-rendered from it. */
function modelEditor(initial: string) {
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  const editor = { model: initial, operations: [] as Operation[] };
  const render = () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = editor.model;
    element.replaceChildren(paragraph);
  };
  const selected = () => {
    const selection = document.getSelection()!;
    const text = TextModel.read(element, contentEditableDriver);
    const range = selection.getRangeAt(0);
    const start = text.offsetOf(range.startContainer, range.startOffset)!;
    const end = text.offsetOf(range.endContainer, range.endOffset)!;
    return { start, end };
  };
  element.addEventListener('paste', (event) => {
    event.preventDefault();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const { start, end } = selected();
    editor.operations.push({ kind: 'paste', start, end, text });
    editor.model = editor.model.slice(0, start) + text + editor.model.slice(end);
    render();
  });
  const driver: EditorDriver = {
    ...contentEditableDriver,
    deleteSelection() {
      const { start, end } = selected();
      editor.operations.push({ kind: 'delete', start, end });
      editor.model = editor.model.slice(0, start) + editor.model.slice(end);
      render();
    },
  };
  render();
  const box: ComposeBox = { element, network: 'linkedin', context: 'post', driver };
  return { box, editor };
}

afterEach(() => document.body.replaceChildren());

describe('replaceRange', () => {
  it('replaces a range by pasting over a selection of exactly that range', async () => {
    const { box, editor } = modelEditor('Hi guys, the Roadrunner demo is up');
    expect(await replaceRange(box, 13, 23, 'RoadRunner')).toBe(true);
    expect(editor.operations).toEqual([{ kind: 'paste', start: 13, end: 23, text: 'RoadRunner' }]);
    expect(editor.model).toBe('Hi guys, the RoadRunner demo is up');
  });

  it('deletes through the driver when the replacement is empty', async () => {
    const { box, editor } = modelEditor('We tested Nightjar today');
    expect(await replaceRange(box, 10, 19, '')).toBe(true);
    expect(editor.operations).toEqual([{ kind: 'delete', start: 10, end: 19 }]);
    expect(editor.model).toBe('We tested today');
  });

  it('does nothing for an empty range with empty text', async () => {
    const { box, editor } = modelEditor('Unchanged');
    expect(await replaceRange(box, 3, 3, '')).toBe(true);
    expect(editor.operations).toEqual([]);
  });

  it('says so when the range is outside the text', async () => {
    const { box, editor } = modelEditor('Short');
    expect(await selectRange(box, 2, 40)).toBe(false);
    expect(await replaceRange(box, 2, 40, 'x')).toBe(false);
    expect(editor.operations).toEqual([]);
  });
});

describe('applyEdits', () => {
  it('applies a fix’s edits last first, so each one’s offsets still hold', async () => {
    const text = 'Short intro. Long middle part here. #ACMEemployee';
    const { box, editor } = modelEditor(text);
    // "Move up": insert the marker after the first sentence, remove it from the end.
    const ok = await applyEdits(box, [
      { start: 12, end: 12, text: ' #ACMEemployee' },
      { start: 35, end: 49, text: '' },
    ]);
    expect(ok).toBe(true);
    expect(editor.operations.map((op) => op.kind)).toEqual(['delete', 'paste']);
    expect(editor.model).toBe('Short intro. #ACMEemployee Long middle part here.');
  });
});

describe('insertText', () => {
  it('inserts at the caret, with a space when the text before has none', async () => {
    const { box, editor } = modelEditor('Proud of the team');
    await selectRange(box, 8, 8);
    await insertText(box, 'all of');
    expect(editor.model).toBe('Proud of all of the team');
  });

  it('adds no space after whitespace or before text that starts with one', async () => {
    const { box, editor } = modelEditor('Read this: ');
    await selectRange(box, 11, 11);
    await insertText(box, 'https://acme.example');
    expect(editor.model).toBe('Read this: https://acme.example');
    await insertText(box, ' #ACMEemployee');
    expect(editor.model).toBe('Read this: https://acme.example #ACMEemployee');
  });

  it('inserts at the end when the caret is not in the box', async () => {
    const { box, editor } = modelEditor('Hello');
    document.getSelection()!.removeAllRanges();
    await insertText(box, 'world');
    expect(editor.model).toBe('Hello world');
  });

  it('fills an empty box without a leading space', async () => {
    const { box, editor } = modelEditor('');
    await insertText(box, 'First post');
    expect(editor.model).toBe('First post');
  });
});
