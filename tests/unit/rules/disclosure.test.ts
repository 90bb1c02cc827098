import { describe, expect, it } from 'vitest';
import type { DisclosureRule } from '@/src/core/pack/schema';
import { compileDisclosureRule } from '@/src/core/rules/disclosure';
import { applyEdits, base, compileWith, context, run } from './helpers';

function disclosure(fields: Partial<DisclosureRule> = {}) {
  return compileWith(compileDisclosureRule, {
    ...base,
    message: 'Say that you work at ACME.',
    kind: 'disclosure',
    markers: ['#ACMEemployee', 'I work at {org}', 'my employer'],
    fix: ' #ACMEemployee',
    ...fields,
  });
}

const filler = (n: number) => 'We shipped a lot of good things this quarter and more. '.repeat(n);

describe('disclosure: triggers', () => {
  const rule = disclosure();

  it.each([
    'Loving the new ACME release',
    'Loving the new #ACME release',
    'Thanks @acme for the release',
    "ACME's new release is out",
    'acme did it again',
    'Big day at ACME Corp',
    'Big day at #ACMECorp',
    'Big day at acme-corp',
    "ACMECorp's big day",
  ])('reports a post that mentions the org: %j', (text) => {
    expect(run(rule, text)).toHaveLength(1);
  });

  it.each(['Loving the new release', 'Join #acmelife today', 'Pacmen and acmeish things', ''])(
    'reports nothing without a mention: %j',
    (text) => {
      expect(run(rule, text)).toEqual([]);
    },
  );

  it('uses the rule’s own triggers instead of the org’s names when given', () => {
    const own = disclosure({ triggers: ['Falcon', 'our product'] });
    expect(run(own, 'Falcon is live')).toHaveLength(1);
    expect(run(own, 'ACME is live')).toEqual([]);
  });

  it('has no triggers without an org or triggers of its own', () => {
    const rule = compileWith(
      compileDisclosureRule,
      { ...base, kind: 'disclosure', markers: ['#ACMEemployee'] },
      { ...context, org: undefined },
    );
    expect(run(rule, 'ACME rocks')).toEqual([]);
  });

  it('gives one finding per post, however many mentions', () => {
    expect(run(rule, 'ACME, #ACME, @acme and ACME Corp')).toHaveLength(1);
  });
});

describe('disclosure: markers', () => {
  const rule = disclosure();

  it.each([
    'Loving the new ACME release #ACMEemployee',
    'Loving the new ACME release #acmeemployee',
    'I work at ACME and love this release',
    'I work at ACME Corp and love this release',
    'I work at #ACME and love this release',
    'ACME release #IWorkAtACME',
    'Proud of what my employer ACME shipped',
  ])('accepts a disclosure: %j', (text) => {
    expect(run(rule, text, 'linkedin')).toEqual([]);
  });

  it('does not take a marker’s words apart for a marker', () => {
    expect(run(rule, 'ACME release. I work at home.')).toHaveLength(1);
    expect(run(rule, 'ACME release #ACMEemployees2 #employee')).toHaveLength(1);
  });
});

describe('disclosure: missing marker', () => {
  const rule = disclosure();

  it('puts an empty finding where the fix goes and offers it with its exact text', () => {
    const text = 'Loving the new ACME release!  ';
    const [finding] = run(rule, text);
    expect(finding).toMatchObject({
      start: 28,
      end: 28,
      match: '',
      kind: 'disclosure',
      message: 'Say that you work at ACME.',
    });
    expect(finding?.suggestions).toEqual([
      {
        label: 'Add " #ACMEemployee"',
        action: { verb: 'add', text: ' #ACMEemployee' },
        edits: [{ start: 28, end: 28, text: ' #ACMEemployee' }],
      },
    ]);
    const fixed = applyEdits(text, finding?.suggestions[0]?.edits ?? []);
    expect(fixed).toBe('Loving the new ACME release! #ACMEemployee  ');
    expect(run(rule, fixed)).toEqual([]);
  });

  it('adds a space when the fix has none, and fills {org} in the fix', () => {
    const own = disclosure({ fix: '#{org}employee' });
    const [finding] = run(own, 'Go ACME');
    expect(finding?.suggestions[0]).toEqual({
      label: 'Add " #ACMEemployee"',
      action: { verb: 'add', text: ' #ACMEemployee' },
      edits: [{ start: 7, end: 7, text: ' #ACMEemployee' }],
    });
  });

  it('inserts at the start with fixAt: "start"', () => {
    const own = disclosure({ fixAt: 'start' });
    const text = 'Loving the new ACME release';
    const [finding] = run(own, text);
    expect(finding).toMatchObject({ start: 0, end: 0 });
    expect(finding?.suggestions[0]?.label).toBe('Add "#ACMEemployee "');
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe(
      '#ACMEemployee Loving the new ACME release',
    );
  });

  it('puts the fix at the end of the first sentence inside the fold when the end is folded', () => {
    const text = `Big news from ACME today! ${filler(6)}`;
    const [finding] = run(rule, text, 'linkedin');
    expect(finding).toMatchObject({ start: 25, end: 25 });
    const fixed = applyEdits(text, finding?.suggestions[0]?.edits ?? []);
    expect(fixed.startsWith('Big news from ACME today! #ACMEemployee We shipped')).toBe(true);
    expect(run(rule, fixed, 'linkedin')).toEqual([]);
    // X shows the whole post: there the end is fine.
    expect(run(rule, text, 'x')[0]?.start).toBe(text.trimEnd().length);
  });

  it('uses a line end inside the fold, and not an abbreviation’s full stop', () => {
    const text = `Thanks to Dr. Smith and ACME\n${filler(6)}`;
    const [finding] = run(rule, text, 'linkedin');
    expect(finding).toMatchObject({ start: 28, end: 28 });
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? []).split('\n')[0]).toBe(
      'Thanks to Dr. Smith and ACME #ACMEemployee',
    );
  });

  it('falls back to the start when no sentence ends inside the fold', () => {
    const text = `ACME ${'and more '.repeat(40)}.`;
    const [finding] = run(rule, text, 'linkedin');
    expect(finding).toMatchObject({ start: 0, end: 0 });
    expect(finding?.suggestions[0]?.edits).toEqual([{ start: 0, end: 0, text: '#ACMEemployee ' }]);
  });

  it('offers no fix without a `fix` or a hashtag marker, and the first hashtag marker otherwise', () => {
    const { fix: _fix, ...withoutFix } = {
      ...base,
      kind: 'disclosure' as const,
      markers: ['I work at {org}'],
      fix: '',
    };
    const plain = compileWith(compileDisclosureRule, withoutFix);
    const [finding] = run(plain, 'ACME rocks');
    expect(finding).toMatchObject({ start: 10, end: 10, suggestions: [] });

    const hashtag = compileWith(compileDisclosureRule, {
      ...withoutFix,
      markers: ['I work at {org}', '#ACMEpartner'],
    });
    expect(run(hashtag, 'ACME rocks')[0]?.suggestions[0]?.label).toBe('Add " #ACMEpartner"');
  });
});

describe('disclosure: the fold', () => {
  const rule = disclosure();
  const late = `ACME launched today. ${filler(5)}#ACMEemployee`;

  it('accepts a late marker on X, which never folds', () => {
    expect(run(rule, late, 'x')).toEqual([]);
  });

  it('points at a marker past the LinkedIn fold and says it is folded', () => {
    const [finding] = run(rule, late, 'linkedin');
    const start = late.indexOf('#ACMEemployee');
    expect(start).toBeGreaterThan(210);
    expect(finding).toMatchObject({
      start,
      end: start + '#ACMEemployee'.length,
      match: '#ACMEemployee',
    });
    expect(finding?.message).toMatch(/^Say that you work at ACME\. .*see more.*210/);
  });

  it('offers to move the marker where it is seen', () => {
    const [finding] = run(rule, late, 'linkedin');
    const move = finding?.suggestions[0];
    expect(move?.label).toBe('Move "#ACMEemployee" up');
    const fixed = applyEdits(late, move?.edits ?? []);
    expect(fixed.startsWith('ACME launched today. #ACMEemployee We shipped')).toBe(true);
    expect(fixed.endsWith('and more.')).toBe(true);
    expect(run(rule, fixed, 'linkedin')).toEqual([]);
  });

  it('uses Facebook’s later fold', () => {
    expect(run(rule, late, 'facebook')).toEqual([]);
    const later = `ACME launched today. ${filler(9)}#ACMEemployee`;
    expect(run(rule, later, 'facebook')).toHaveLength(1);
  });

  it('counts where the marker starts, in UTF-16 code units', () => {
    const within = disclosure({ within: 21 });
    expect(run(within, 'ACME is great folks #ACMEemployee')).toEqual([]); // starts at 20
    expect(run(within, 'ACME is great folks! #ACMEemployee')).toHaveLength(1); // starts at 21
    // 14 code points but 22 UTF-16 code units before the marker.
    expect(run(within, 'ACME 🎉🎉🎉🎉🎉🎉🎉🎉 #ACMEemployee')).toHaveLength(1);
  });

  it('takes `within` per network, with the fold for networks it leaves out', () => {
    const perNetwork = disclosure({ within: { x: 10 } });
    const text = 'ACME launched today. #ACMEemployee';
    expect(run(perNetwork, text, 'x')).toHaveLength(1);
    expect(run(perNetwork, text, 'linkedin')).toEqual([]);
  });

  it('keeps offsets whole after emoji', () => {
    const text = `🎉🎉 ACME 🚀 launched! ${filler(5)}🎉 #ACMEemployee`;
    const [finding] = run(rule, text, 'linkedin');
    expect(finding?.match).toBe('#ACMEemployee');
  });
});
