import { describe, expect, it } from 'vitest';
import type { Checker } from '@/src/core';
import type { Finding } from '@/src/core/findings';
import { ComposeSession } from '@/src/compose/session';
import { OverlayHost } from '@/src/compose/overlay/host';
import { contentEditableDriver } from '@/src/sites/drivers/contenteditable';

/** A checker that records what it was asked and takes as long as told. */
function timedChecker(costMs: number | ((call: number) => number)): Checker & { texts: string[] } {
  const texts: string[] = [];
  const costOf = typeof costMs === 'number' ? () => costMs : costMs;
  return {
    texts,
    packs: [],
    rules: [],
    check(text: string): Finding[] {
      const until = performance.now() + costOf(texts.length);
      texts.push(text);
      while (performance.now() < until) {
        // Busy, as a slow rule would be.
      }
      return [];
    },
  } as unknown as Checker & { texts: string[] };
}

function setup(checker: Checker) {
  document.body.replaceChildren();
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  const box = {
    element,
    network: 'x' as const,
    context: 'post' as const,
    driver: contentEditableDriver,
  };
  const session = new ComposeSession(box, checker, new OverlayHost(document), {
    releaseSubmission: () => undefined,
  });
  return { element, session };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ComposeSession', () => {
  it('checks the text on every change while checks are fast', async () => {
    const checker = timedChecker(0);
    const { element, session } = setup(checker);
    element.textContent = 'a';
    await tick();
    element.textContent = 'ab';
    await tick();
    expect(checker.texts).toEqual(['', 'a', 'ab']);
    session.dispose();
  });

  it('does not check during IME composition, and checks when it ends', async () => {
    const checker = timedChecker(0);
    const { element, session } = setup(checker);
    element.dispatchEvent(new Event('compositionstart'));
    element.textContent = 'にほ';
    await tick();
    expect(checker.texts).toEqual(['']);
    element.textContent = '日本';
    element.dispatchEvent(new Event('compositionend'));
    await tick();
    expect(checker.texts).toEqual(['', '日本']);
    session.dispose();
  });

  it('waits for a pause in typing once checks are slower than a frame allows', async () => {
    const checker = timedChecker(12);
    const { element, session } = setup(checker);
    expect(checker.texts).toEqual(['']);
    for (const text of ['s', 'sl', 'slo', 'slow']) {
      element.textContent = text;
      await tick(20);
    }
    // The first check after the slow one already waits; none ran while typing went on.
    expect(checker.texts).toEqual(['']);
    await tick(200);
    expect(checker.texts).toEqual(['', 'slow']);
    session.dispose();
  });

  it('keeps checking on every change when one check among fast ones is slow (a GC pause)', async () => {
    // The third check (for "ab") takes 30 ms; the others none.
    const checker = timedChecker((call) => (call === 2 ? 30 : 0));
    const { element, session } = setup(checker);
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      element.textContent = text;
      await tick();
    }
    expect(checker.texts).toEqual(['', 'a', 'ab', 'abc', 'abcd']);
    session.dispose();
  });
});
