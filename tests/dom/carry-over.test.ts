import { describe, expect, it } from 'vitest';
import type { Finding } from '@/src/core/findings';
import { carryOver, changeBetween } from '@/src/compose/carry-over';

function nameAt(text: string, name: string): Finding {
  const start = text.indexOf(name);
  return {
    ruleId: 'names',
    packId: 'p',
    kind: 'entities',
    severity: 'warning',
    message: 'A name',
    start,
    end: start + name.length,
    match: name,
    suggestions: [
      {
        label: 'Remove',
        action: { verb: 'remove' },
        edits: [{ start, end: start + name.length, text: '' }],
      },
    ],
  };
}

describe('the one change between two texts', () => {
  it('is the replaced range, with what follows shifted', () => {
    expect(changeBetween('Ask Jane today', 'Ask Jane now')).toEqual({
      start: 9,
      oldEnd: 14,
      shift: -2,
    });
    expect(changeBetween('abc', 'abXc')).toEqual({ start: 2, oldEnd: 2, shift: 1 });
    expect(changeBetween('aa', 'aaa')).toEqual({ start: 2, oldEnd: 2, shift: 1 });
  });

  it('never splits an emoji', () => {
    // 🎉 and 🎊 share their first code unit.
    expect(changeBetween('x🎉', 'x🎊')).toEqual({ start: 1, oldEnd: 3, shift: 0 });
  });
});

describe('findings carried over an edit', () => {
  const before = 'Lunch with Jane Smith, then Bob Lee at three.';

  it('keeps those before the edit and moves those after it, fixes too', () => {
    const after = 'Big lunch with Jane Smith, then Bob Lee at three.';
    const carried = carryOver(
      [nameAt(before, 'Jane Smith'), nameAt(before, 'Bob Lee')],
      before,
      after,
    );
    expect(carried.map((f) => after.slice(f.start, f.end))).toEqual(['Jane Smith', 'Bob Lee']);
    expect(carried[1]?.suggestions[0]?.edits).toEqual([{ start: 32, end: 39, text: '' }]);
  });

  it('drops a finding the edit reaches, its edges included', () => {
    const grown = 'Lunch with Jane Smithers, then Bob Lee at three.';
    expect(carryOver([nameAt(before, 'Jane Smith')], before, grown)).toEqual([]);
    const inside = 'Lunch with Jan Smith, then Bob Lee at three.';
    const carried = carryOver(
      [nameAt(before, 'Jane Smith'), nameAt(before, 'Bob Lee')],
      before,
      inside,
    );
    expect(carried.map((f) => f.match)).toEqual(['Bob Lee']);
    expect(inside.slice(carried[0]!.start, carried[0]!.end)).toBe('Bob Lee');
  });

  it('keeps a finding when what changes beside it is not part of a word', () => {
    const text = 'Lunch with Jane Smith.';
    const after = 'Lunch with Jane Smith and Bob Lee.';
    expect(carryOver([nameAt(text, 'Jane Smith')], text, after).map((f) => f.match)).toEqual([
      'Jane Smith',
    ]);
    const before2 = 'Hi Jane';
    expect(carryOver([nameAt(before2, 'Jane')], before2, 'Hi, Jane')[0]?.start).toBe(4);
    expect(carryOver([nameAt(before2, 'Jane')], before2, 'HiJane')).toEqual([]);
  });

  it('gives the findings as they are when nothing changed', () => {
    const findings = [nameAt(before, 'Bob Lee')];
    expect(carryOver(findings, before, before)).toEqual(findings);
  });

  it('keeps a point at the end of the text at the end while the end is typed on or trimmed', () => {
    const disclosureAt = (at: number): Finding => ({
      ruleId: 'disclosure',
      packId: 'p',
      kind: 'disclosure',
      severity: 'warning',
      message: 'Say you work here',
      start: at,
      end: at,
      match: '',
      suggestions: [{ label: 'Add', edits: [{ start: at, end: at, text: ' #ACMEemployee' }] }],
    });
    const text = 'Proud of ACME';
    expect(carryOver([disclosureAt(13)], text, 'Proud of ACME!')).toEqual([disclosureAt(14)]);
    expect(carryOver([disclosureAt(13)], text, 'Proud of ACM')).toEqual([disclosureAt(12)]);
    expect(carryOver([disclosureAt(13)], text, 'Proud of ACME ')).toEqual([disclosureAt(13)]);
    // An edit before it moves it as any finding after the edit moves.
    expect(carryOver([disclosureAt(13)], text, 'So proud of ACME')).toEqual([disclosureAt(16)]);
  });
});
