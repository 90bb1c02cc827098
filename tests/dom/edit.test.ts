// The editor-safe edit path (src/sites/edit.ts): edits go through a box's driver last first, the
// result is read back, and when the editor did not take an edit as asked, the text as it was is put
// back whole, so a fix never loses a character. The editors here are small model-first fakes that,
// like Draft.js, Lexical, Quill and ProseMirror, hold the text in a model and render from it.
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, insertText } from '@/src/sites/edit';
import { TextModel } from '@/src/sites/text-model';
import { plainBlocks } from '@/src/sites/drivers/contenteditable';
import { selectText } from '@/src/sites/drivers/input';
import type { ComposeBox, EditorDriver } from '@/src/sites/types';

type Behaviour = 'takes' | 'ignores' | 'drops-insertions';

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A model-first editor: one paragraph, its text in `model`, the DOM re-rendered from it. */
function modelEditor(initial: string, behaviour: Behaviour = 'takes') {
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  const editor = { model: initial, replacements: [] as Replacement[], behaviour };
  const render = () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = editor.model;
    element.replaceChildren(paragraph);
  };
  const driver: EditorDriver = {
    kind: 'generic',
    read: (box) => TextModel.read(box, plainBlocks),
    async replace(_box, start, end, text) {
      editor.replacements.push({ start, end, text });
      if (editor.behaviour === 'ignores') return;
      // Like Quill 1 under a synthetic paste: the selection goes, the new text never arrives.
      const inserted = editor.behaviour === 'drops-insertions' ? '' : text;
      editor.model = editor.model.slice(0, start) + inserted + editor.model.slice(end);
      // Some editors render a moment later (Quill's MutationObserver, React's batching).
      await new Promise((resolve) => setTimeout(resolve, 5));
      render();
    },
  };
  render();
  const box: ComposeBox = { element, network: 'linkedin', context: 'post', driver };
  return { box, editor };
}

afterEach(() => document.body.replaceChildren());

describe('applyEdits', () => {
  it('makes a fix’s edits last first, so each one’s offsets still hold, and reads the result back', async () => {
    const text = 'Short intro. Long middle part here. #ACMEemployee';
    const { box, editor } = modelEditor(text);
    // "Move up": insert the marker after the first sentence, remove it from the end.
    const outcome = await applyEdits(box, [
      { start: 12, end: 12, text: ' #ACMEemployee' },
      { start: 35, end: 49, text: '' },
    ]);
    expect(outcome).toEqual({
      ok: true,
      text: 'Short intro. #ACMEemployee Long middle part here.',
    });
    expect(editor.replacements.map((r) => r.start)).toEqual([35, 12]);
    expect(editor.model).toBe('Short intro. #ACMEemployee Long middle part here.');
  });

  it('says the edit was not taken when the editor ignored it, and the text is as it was', async () => {
    const { box, editor } = modelEditor('We tested Nightjar today', 'ignores');
    const outcome = await applyEdits(box, [{ start: 10, end: 18, text: 'the new build' }]);
    expect(outcome).toMatchObject({ ok: false, reason: 'not-taken', restored: true });
    expect(editor.model).toBe('We tested Nightjar today');
  });

  it('puts the whole text back when the editor lost characters (a paste Quill 1 ignored)', async () => {
    const { box, editor } = modelEditor('We tested Nightjar today', 'drops-insertions');
    const outcome = await applyEdits(box, [{ start: 10, end: 18, text: 'the new build' }]);
    // The editor deleted "Nightjar" and inserted nothing; the restore deletes everything and
    // inserts nothing too, so the person is told their text could not be put back exactly.
    expect(outcome).toMatchObject({ ok: false, reason: 'not-taken', restored: false });
    expect(editor.replacements.at(-1)).toEqual({
      start: 0,
      end: 'We tested  today'.length,
      text: 'We tested Nightjar today',
    });
  });

  it('restores the text when an edit landed wrong but the editor takes a whole replacement', async () => {
    const { box, editor } = modelEditor('Nightjar ships soon', 'drops-insertions');
    // The first replacement loses its insertion; from then on the editor behaves.
    const replace = box.driver.replace.bind(box.driver);
    let calls = 0;
    box.driver = {
      ...box.driver,
      async replace(element, start, end, text) {
        calls += 1;
        if (calls === 2) editor.behaviour = 'takes';
        return replace(element, start, end, text);
      },
    };
    const outcome = await applyEdits(box, [{ start: 0, end: 8, text: 'Our app' }]);
    expect(outcome).toMatchObject({ ok: false, restored: true, text: 'Nightjar ships soon' });
    expect(editor.model).toBe('Nightjar ships soon');
  });

  it('counts a non-breaking space the editor kept as the space it was asked for', async () => {
    const { box, editor } = modelEditor('Hello');
    const replace = box.driver.replace.bind(box.driver);
    box.driver = {
      ...box.driver,
      replace: (element, start, end, text) =>
        replace(element, start, end, text.replace(/ /g, '\u00a0')),
    };
    const outcome = await applyEdits(box, [{ start: 5, end: 5, text: ' world' }]);
    expect(outcome.ok).toBe(true);
    expect(editor.model).toBe('Hello\u00a0world');
  });

  it('does nothing to a box that left the page', async () => {
    const { box, editor } = modelEditor('Gone');
    box.element.remove();
    expect(await applyEdits(box, [{ start: 0, end: 4, text: 'x' }])).toMatchObject({
      ok: false,
      reason: 'no-box',
    });
    expect(editor.replacements).toEqual([]);
  });
});

describe('insertText', () => {
  it('inserts at the caret, with a space when the text before has none', async () => {
    const { box, editor } = modelEditor('Proud of the team');
    await selectText(box.element, plainBlocks, 8, 8);
    await insertText(box, 'all of');
    expect(editor.model).toBe('Proud of all of the team');
  });

  it('adds no space after whitespace or before text that starts with one', async () => {
    const { box, editor } = modelEditor('Read this: ');
    await selectText(box.element, plainBlocks, 11, 11);
    await insertText(box, 'https://acme.example');
    expect(editor.model).toBe('Read this: https://acme.example');
    document.getSelection()!.removeAllRanges();
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

describe('selectText', () => {
  it('selects exactly the range, and says so when the range is outside the text', async () => {
    const { box } = modelEditor('Hi guys, the Roadrunner demo is up');
    expect(await selectText(box.element, plainBlocks, 13, 23)).toBe(true);
    expect(document.getSelection()!.toString()).toBe('Roadrunner');
    expect(await selectText(box.element, plainBlocks, 2, 400)).toBe(false);
  });
});
