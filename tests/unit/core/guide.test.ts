import { describe, expect, it } from 'vitest';
import { compilePacks, guideMarkdown, parseGuideBody, parsePack } from '@/src/core/index';
import { compile, makePack } from './helpers';

const disclose = {
  id: 'disclose',
  title: 'Disclose who you work for',
  body: 'Say that you work here.\n\n- Add #ACMEemployee\n- Or "I work at ACME"',
};
const courteous = { id: 'courteous', title: 'Be courteous', body: 'Argue with ideas.' };
const exercise = {
  id: 'undisclosed-launch',
  title: 'A launch post without disclosure',
  network: 'linkedin',
  text: 'Our new app is out, go get it!',
};
const discloseRule = {
  id: 'disclosure.affiliation',
  kind: 'disclosure',
  severity: 'warning',
  message: 'Say that you work here',
  triggers: ['app'],
  markers: ['#ACMEemployee'],
  guide: 'disclose',
};

describe('guide in a pack', () => {
  it('is read with its sections and exercises, and a rule names a section', () => {
    const checker = compile(
      makePack({
        guide: { title: 'ACME on social media', sections: [disclose], exercises: [exercise] },
        rules: [discloseRule],
      }),
    );
    expect(checker.guide?.title).toBe('ACME on social media');
    expect(checker.guide?.sections.map((s) => s.id)).toEqual(['disclose']);
    expect(checker.guide?.exercises[0]).toMatchObject({
      id: 'undisclosed-launch',
      packId: 'acme',
      packVersion: '1.0.0',
    });
    const [finding] = checker.check('Try our app', { network: 'linkedin' });
    expect(finding?.ruleId).toBe('disclosure.affiliation');
    expect(finding?.guide).toBe('disclose');
  });

  it('leaves findings of rules without a section without one', () => {
    const checker = compile(
      makePack({
        guide: { sections: [disclose] },
        rules: [{ ...discloseRule, guide: undefined }],
      }),
    );
    const [finding] = checker.check('Try our app', { network: 'x' });
    expect(finding).toBeDefined();
    expect(finding && 'guide' in finding).toBe(false);
  });

  it('refuses a rule that names a section no pack in force has, with its path (PG404)', () => {
    const result = compilePacks([
      makePack({ guide: { sections: [courteous] }, rules: [discloseRule] }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        pgCode: 'PG404',
        code: 'missing-guide-section',
        packId: 'acme',
        path: 'rules[0].guide',
      }),
    ]);
    expect(result.errors[0]?.message).toContain('"disclose"');
  });

  it("accepts a section from the pack a rule's pack extends", () => {
    const base = makePack({ id: 'org', guide: { sections: [disclose] } });
    const team = makePack({ id: 'team', extends: ['org'], rules: [discloseRule] });
    const checker = compile(team, base);
    expect(checker.check('our app', { network: 'x' })[0]?.guide).toBe('disclose');
  });

  it('refuses a repeated section or exercise id within one pack (PG306)', () => {
    const result = parsePack({
      format: 'postguard/pack@1',
      id: 'acme',
      name: 'ACME',
      version: '1.0.0',
      guide: {
        sections: [disclose, { ...courteous, id: 'disclose' }],
        exercises: [exercise, exercise],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.pgCode, e.path])).toEqual([
      ['PG306', 'guide.sections[1].id'],
      ['PG306', 'guide.exercises[1].id'],
    ]);
  });

  it('reports a misspelt field and a bad id at their paths', () => {
    const result = parsePack({
      format: 'postguard/pack@1',
      id: 'acme',
      name: 'ACME',
      version: '1.0.0',
      guide: {
        sections: [{ ...disclose, titel: 'x' }],
        exercises: [{ ...exercise, id: 'Has Spaces', network: 'myspace' }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.errors.map((e) => `${e.pgCode} ${e.path} ${e.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^PG201 guide\.sections\[0\]\.titel unknown field \(did you mean "title"\?\)/,
        ),
        expect.stringMatching(/^PG206 guide\.exercises\[0\]\.id /),
        expect.stringMatching(/^PG204 guide\.exercises\[0\]\.network /),
      ]),
    );
  });
});

describe('guide layering', () => {
  const org = makePack({
    id: 'org',
    version: '2026.1.0',
    guide: { title: 'Org guide', sections: [disclose, courteous], exercises: [exercise] },
  });

  it('replaces sections and exercises by id in place, and adds new ones at the end', () => {
    const team = makePack({
      id: 'team',
      version: '3.0.0',
      extends: ['org'],
      guide: {
        sections: [
          { id: 'disclose', title: 'Say who you work for', body: 'Team wording.' },
          { id: 'team-only', title: 'Team', body: 'Ours.' },
        ],
        exercises: [{ ...exercise, text: 'Changed text' }],
      },
    });
    const guide = compile(org, team).guide;
    expect(guide?.title).toBe('Org guide');
    expect(guide?.sections.map((s) => [s.id, s.title, s.packId])).toEqual([
      ['disclose', 'Say who you work for', 'team'],
      ['courteous', 'Be courteous', 'org'],
      ['team-only', 'Team', 'team'],
    ]);
    const [replaced] = guide?.exercises ?? [];
    expect(replaced).toMatchObject({ packId: 'team', packVersion: '3.0.0', text: 'Changed text' });
    expect(replaced?.textHash).not.toBe(compile(org).guide?.exercises[0]?.textHash);
  });

  it('keeps the fingerprint of an unchanged exercise across pack versions', () => {
    const next = makePack({ ...org, version: '2026.2.0' });
    const before = compile(org).guide?.exercises[0];
    const after = compile(next).guide?.exercises[0];
    expect(after?.packVersion).toBe('2026.2.0');
    expect(after?.textHash).toBe(before?.textHash);
  });

  it('is absent when no pack has a guide', () => {
    expect(compile(makePack()).guide).toBeUndefined();
  });
});

describe('guide bodies', () => {
  it('reads paragraphs, lists, and links, as text and never markup', () => {
    const blocks = parseGuideBody(
      [
        'First line\nsame paragraph with <b>tags</b> and [the policy](https://acme.example/policy).',
        '',
        '- one',
        '  carried on',
        '* two, see https://acme.example/two.',
        '1. first',
        '2) second [back up](#disclose)',
        '',
        'A [script](javascript:alert(1)) link and [data](data:text/html,x) stay text.',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'First line same paragraph with <b>tags</b> and ' },
          { kind: 'link', text: 'the policy', href: 'https://acme.example/policy' },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'one carried on' }],
          [
            { kind: 'text', text: 'two, see ' },
            { kind: 'link', text: 'https://acme.example/two', href: 'https://acme.example/two' },
            { kind: 'text', text: '.' },
          ],
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          [{ kind: 'text', text: 'first' }],
          [
            { kind: 'text', text: 'second ' },
            { kind: 'link', text: 'back up', href: '#disclose' },
          ],
        ],
      },
      {
        kind: 'paragraph',
        inlines: [
          {
            kind: 'text',
            text: 'A [script](javascript:alert(1)) link and [data](data:text/html,x) stay text.',
          },
        ],
      },
    ]);
  });

  it('does not take a bare domain without its scheme for a link', () => {
    expect(parseGuideBody('See acme.example for more')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'See acme.example for more' }] },
    ]);
  });
});

describe('guide as Markdown', () => {
  it('publishes sections with anchors, escaped text, and exercises verbatim', () => {
    const checker = compile(
      makePack({
        guide: {
          title: 'ACME *social*',
          sections: [
            {
              id: 'disclose',
              title: '# Disclose',
              body: '<img src=x onerror=alert(1)>\n\n- [Policy](https://acme.example/p)',
            },
          ],
          exercises: [{ ...exercise, text: 'Has ``` fences and <b>tags</b>' }],
        },
      }),
    );
    const markdown = guideMarkdown(checker.guide!);
    expect(markdown).toBe(
      [
        '# ACME \\*social\\*',
        '',
        '<a id="disclose"></a>',
        '',
        '## \\# Disclose',
        '',
        '\\<img src=x onerror=alert(1)\\>',
        '',
        '- [Policy](https://acme.example/p)',
        '',
        '## Exercises',
        '',
        'Each sample post below breaks the policy. Fix it in the guide page of the Postguard extension, where the practice box checks it as you type.',
        '',
        '<a id="undisclosed-launch"></a>',
        '',
        '### A launch post without disclosure (LinkedIn)',
        '',
        '````text',
        'Has ``` fences and <b>tags</b>',
        '````',
        '',
      ].join('\n'),
    );
  });
});
