import { describe, expect, it } from 'vitest';
import { contentText, effectiveContent, tagLink } from '@/src/core/index';
import { makePack } from './helpers';

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: id,
  text: { default: `${id} text` },
  ...extra,
});

describe('effectiveContent', () => {
  const org = makePack({
    id: 'org',
    content: [
      item('always'),
      item('linkedin-only', { networks: ['linkedin'] }),
      item('november', { starts: '2026-11-01', expires: '2026-11-30' }),
      item('replaced'),
    ],
  });
  const team = makePack({
    id: 'team',
    extends: ['org'],
    content: [item('replaced', { title: 'newer' })],
  });

  it('filters by network and by the starts/expires days, both included', () => {
    const ids = (network: 'x' | 'linkedin', now: Date) =>
      effectiveContent([org], { network, now }).map((i) => i.id);
    expect(ids('x', new Date(2026, 9, 31))).toEqual(['always', 'replaced']);
    expect(ids('linkedin', new Date(2026, 10, 1, 0, 5))).toEqual([
      'always',
      'linkedin-only',
      'november',
      'replaced',
    ]);
    expect(ids('x', new Date(2026, 10, 30, 23, 59))).toEqual(['always', 'november', 'replaced']);
    expect(ids('x', new Date(2026, 11, 1))).toEqual(['always', 'replaced']);
  });

  it('lets a later pack replace an item with the same id', () => {
    const items = effectiveContent([org, team], { network: 'x', now: new Date(2026, 0, 1) });
    expect(items.find((i) => i.id === 'replaced')?.title).toBe('newer');
    expect(items.filter((i) => i.id === 'replaced')).toHaveLength(1);
  });

  it('picks the text for the network, else the default', () => {
    const pack = makePack({
      content: [item('q4', { text: { default: 'Long version', x: 'Short!' } })],
    });
    const [q4] = pack.content;
    expect(q4 && [contentText(q4, 'x'), contentText(q4, 'linkedin')]).toEqual([
      'Short!',
      'Long version',
    ]);
  });
});

describe('tagLink', () => {
  const utm = {
    source: '{network}',
    medium: 'employee-advocacy',
    campaign: '{campaign}',
    content: '{id}',
  };

  it('fills {network}, {campaign} and {id}', () => {
    expect(
      tagLink('https://acme.example/q4', utm, {
        network: 'linkedin',
        campaign: 'q4-impact',
        id: 'q4-report',
      }),
    ).toBe(
      'https://acme.example/q4?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q4-impact&utm_content=q4-report',
    );
  });

  it('keeps the URL’s own parameters, exactly as written, and its fragment', () => {
    expect(
      tagLink('https://acme.example/q4?ref=a%20b&utm_source=newsletter#part', utm, {
        network: 'x',
        campaign: 'c',
        id: 'i',
      }),
    ).toBe(
      'https://acme.example/q4?ref=a%20b&utm_source=newsletter&utm_medium=employee-advocacy&utm_campaign=c&utm_content=i#part',
    );
  });

  it('leaves out parameters that come out empty, and encodes values', () => {
    expect(
      tagLink(
        'https://acme.example/',
        { source: '{network}', campaign: '{campaign}', term: 'a b&c' },
        { network: 'x', id: 'i' },
      ),
    ).toBe('https://acme.example/?utm_source=x&utm_term=a+b%26c');
  });

  it('accepts keys already prefixed with utm_', () => {
    expect(
      tagLink(
        'https://acme.example/',
        { utm_source: '{network}' },
        { network: 'facebook', id: 'i' },
      ),
    ).toBe('https://acme.example/?utm_source=facebook');
  });

  it('adds nothing without utm, or to something that is not a URL', () => {
    expect(tagLink('https://acme.example/?a=1', undefined, { network: 'x', id: 'i' })).toBe(
      'https://acme.example/?a=1',
    );
    expect(tagLink('https://acme.example/?a=1', {}, { network: 'x', id: 'i' })).toBe(
      'https://acme.example/?a=1',
    );
    expect(tagLink('not a url', utm, { network: 'x', id: 'i' })).toBe('not a url');
  });
});

describe('content text as a plain string', () => {
  it('is the default wording, on every network', () => {
    const pack = makePack({
      content: [{ id: 'night', title: 'Night', text: 'What a night.' }],
    });
    const [only] = pack.content;
    expect(only?.text).toEqual({ default: 'What a night.' });
    if (only) expect(contentText(only, 'linkedin')).toBe('What a night.');
  });
});
