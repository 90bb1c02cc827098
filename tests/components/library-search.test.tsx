import { describe, expect, it } from 'vitest';
import { parsePack } from '@/src/core';
import { filterEntries, libraryEntries, NO_FILTER } from '@/src/ui/popup/library';

const parsed = parsePack({
  format: 'postguard/pack@1',
  id: 'acme',
  name: 'ACME',
  version: '1.0.0',
  content: [
    {
      id: 'hiring',
      title: 'Hiring',
      text: {
        default: 'We are hiring in Madrid.',
        es: 'Buscamos gente en Madrid.',
        linkedin: { default: 'ACME is hiring.', fr: 'ACME recrute des ingénieurs.' },
      },
    },
  ],
});
if (!parsed.ok) throw new Error('test pack does not parse');
const entries = libraryEntries([parsed.value], new Date('2026-12-03T12:00:00Z'));
const found = (query: string) =>
  filterEntries(entries, { ...NO_FILTER, query }).map((e) => e.item.id);

describe('the library search', () => {
  it('searches every wording: per language and each network’s in each language', () => {
    expect(found('buscamos')).toEqual(['hiring']);
    expect(found('ingenieurs')).toEqual(['hiring']);
    expect(found('ACME is hiring')).toEqual(['hiring']);
  });

  it('never searches a wording’s object form', () => {
    expect(found('object')).toEqual([]);
  });
});
