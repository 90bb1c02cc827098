import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/src/core/findings';
import { BoxOverlay } from '@/src/compose/overlay/box-overlay';
import type { CardActions } from '@/src/compose/overlay/card';
import { OverlayHost } from '@/src/compose/overlay/host';
import { standingFindings } from '@/src/compose/overlay/standing';
import type { BoxTextModel } from '@/src/sites/types';

const actions: CardActions = {
  applyFix: () => undefined,
  review: () => undefined,
  postAnyway: () => undefined,
  focusBox: () => undefined,
};

function found(ruleId: string, text: string, start: number, end: number): Finding {
  return {
    ruleId,
    packId: 'p',
    kind: ruleId === 'length' ? 'length' : 'terms',
    severity: 'warning',
    message: `${ruleId}: ${end - start}`,
    start,
    end,
    match: text.slice(start, end),
    suggestions: [],
  };
}

/** What the checker finds in these tests: X's limit, links and two code names. */
function findingsOf(text: string): Finding[] {
  const findings: Finding[] = [];
  if (text.length > 280) findings.push(found('length', text, 280, text.length));
  // A missing disclosure is a point at the end of the text.
  if (/\bACME\b/.test(text) && !/#ad\b/.test(text))
    findings.push(found('disclosure', text, text.trimEnd().length, text.trimEnd().length));
  for (const m of text.matchAll(/https:\/\/\S+|Nightjar|Magpie/g))
    findings.push(
      found(m[0].startsWith('http') ? 'link' : 'code', text, m.index, m.index + m[0].length),
    );
  return findings.sort((a, b) => a.start - b.start);
}

const modelOf = (text: string) =>
  ({ text, lineRects: () => [], caretRect: () => undefined }) as unknown as BoxTextModel;

let host: OverlayHost | undefined;
afterEach(() => {
  host?.remove();
  host = undefined;
  document.body.replaceChildren();
});

/** An overlay fed the findings of each text in turn; returns what it announced. */
function announcementsWhileTyping(texts: readonly string[]): string[] {
  host = new OverlayHost(document);
  const announced: string[] = [];
  vi.spyOn(host, 'announce').mockImplementation((text) => announced.push(text));
  const box = document.createElement('div');
  document.body.append(box);
  const overlay = new BoxOverlay(host, box, actions, { network: 'x', context: 'home' }, () => []);
  for (const text of texts) overlay.update(findingsOf(text), modelOf(text));
  return announced;
}

/** Every text a person makes typing `typed` after `before`, a character at a time. */
function typing(before: string, typed: string): string[] {
  return [...typed].map((_, i) => before + typed.slice(0, i + 1));
}

describe('what the overlay announces as the person types', () => {
  it('tells of the part past the limit once, not at every key typed past it', () => {
    const start = 'x'.repeat(270);
    const announced = announcementsWhileTyping(typing(start, ' and then some more words.'));
    expect(announced).toHaveLength(1);
    expect(announced[0]).toContain('length');
  });

  it('tells of a missing disclosure once, though its place moves on with every key', () => {
    const announced = announcementsWhileTyping(typing('', 'I love working at ACME on this team'));
    expect(announced).toHaveLength(1);
    expect(announced[0]).toContain('disclosure');
  });

  it('tells of a link once as it is typed, and again after it was deleted and typed anew', () => {
    const typed = typing('See ', 'https://intranet.acme.example/x');
    const deleted = ['See '];
    const announced = announcementsWhileTyping([...typed, ...deleted, ...typed]);
    expect(announced).toHaveLength(2);
  });

  it('tells of each new finding, the same rule at another place, or another term in place of one', () => {
    const announced = announcementsWhileTyping([
      'Nightjar',
      'Nightjar and Nightjar',
      // The first code name selected and replaced by another.
      'Magpie and Nightjar',
    ]);
    expect(announced).toHaveLength(3);
  });

  it('keeps findings that moved with an edit before them, and drops none that stand', () => {
    const before = 'Nightjar soon at https://intranet.acme.example/x';
    const after = `Oh, ${before}`;
    const standing = standingFindings(
      { text: before, findings: findingsOf(before) },
      { text: after, findings: findingsOf(after) },
    );
    expect([...standing].map((f) => f.ruleId)).toEqual(['code', 'link']);
  });
});
