import { afterEach, describe, expect, it } from 'vitest';
import {
  filterBounds,
  matchesFilter,
  tallyShares,
  topItems,
  weeklyFigures,
  weeklyFiguresFromRows,
} from '@/src/store/activity';
import { acknowledgementsToCsv, sharesToCsv, sharesToJson } from '@/src/store/exports';
import { recentWeeks, weekOf } from '@/src/store/weeks';
import type { Acknowledgement, ShareEvent } from '@/src/store/schema';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

const row = (overrides: Partial<ShareEvent>): ShareEvent => ({
  id: 1,
  contentId: 'q4-report',
  network: 'x',
  action: 'posted',
  at: at(2026, 11, 24),
  packId: 'acme-social',
  packVersion: '2026.11.2',
  edited: false,
  ...overrides,
});

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('weeks', () => {
  it('names a week by its Monday, Monday through Sunday', () => {
    expect(weekOf(at(2026, 11, 23, 0))).toBe('2026-11-23'); // Monday, midnight
    expect(weekOf(at(2026, 11, 26))).toBe('2026-11-23');
    expect(weekOf(new Date(2026, 10, 29, 23, 59, 59).getTime())).toBe('2026-11-23'); // Sunday night
    expect(weekOf(at(2026, 11, 30, 0))).toBe('2026-11-30');
    expect(weekOf(at(2027, 1, 1))).toBe('2026-12-28'); // across the new year
  });

  it('lists recent weeks oldest first, ending with this week, across a DST change', () => {
    process.env.TZ = 'Europe/Berlin';
    // Clocks went back on 25 October 2026.
    expect(recentWeeks(new Date(2026, 10, 4), 4)).toEqual([
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
    ]);
    expect(weekOf(new Date(2026, 9, 25, 23, 30).getTime())).toBe('2026-10-19');
    expect(weekOf(new Date(2026, 9, 26, 0, 30).getTime())).toBe('2026-10-26');
  });

  it('uses the week stored with a row over its time', () => {
    const figures = weeklyFiguresFromRows(
      [row({ at: at(2026, 11, 24), week: '2026-11-16' })],
      ['2026-11-16', '2026-11-23'],
    );
    expect(figures[0]!.posted.x).toBe(1);
    expect(figures[1]!.posted.x).toBe(0);
  });
});

describe('weekly figures', () => {
  const rows = [
    row({ network: 'x', action: 'posted', at: at(2026, 11, 24) }),
    row({ network: 'x', action: 'inserted', at: at(2026, 11, 24) }),
    row({ network: 'linkedin', action: 'posted', at: at(2026, 11, 18) }),
    row({ network: 'linkedin', action: 'posted', at: at(2026, 11, 17) }),
    row({ network: 'facebook', action: 'posted', at: at(2026, 10, 1) }), // outside the window
  ];
  const weeks = ['2026-11-09', '2026-11-16', '2026-11-23'];

  it('counts posts and inserts per network per week, with empty weeks present', () => {
    expect(weeklyFiguresFromRows(rows, weeks)).toEqual([
      {
        week: '2026-11-09',
        posted: { x: 0, facebook: 0, linkedin: 0 },
        inserted: { x: 0, facebook: 0, linkedin: 0 },
      },
      {
        week: '2026-11-16',
        posted: { x: 0, facebook: 0, linkedin: 2 },
        inserted: { x: 0, facebook: 0, linkedin: 0 },
      },
      {
        week: '2026-11-23',
        posted: { x: 1, facebook: 0, linkedin: 0 },
        inserted: { x: 1, facebook: 0, linkedin: 0 },
      },
    ]);
  });

  it('gives the same figures from tallies as from rows', () => {
    expect(weeklyFigures(tallyShares(rows).weekly, weeks)).toEqual(
      weeklyFiguresFromRows(rows, weeks),
    );
  });

  it('un-counts with a negative sign', () => {
    const plus = tallyShares(rows);
    const minus = tallyShares(rows, -1);
    expect(minus.weekly.map((t) => t.count)).toEqual(plus.weekly.map((t) => -t.count));
  });
});

describe('top items', () => {
  const tallies = tallyShares([
    row({ contentId: 'a', action: 'posted' }),
    row({ contentId: 'a', action: 'inserted' }),
    row({ contentId: 'b', action: 'posted', network: 'linkedin' }),
    row({ contentId: 'b', action: 'posted', network: 'linkedin' }),
    row({ contentId: 'c', action: 'inserted' }),
    row({ contentId: 'd', action: 'inserted' }),
    row({ contentId: 'd', action: 'inserted' }),
  ]).items;

  it('orders by posts, then inserts, then id, and keeps the limit', () => {
    expect(topItems(tallies, { limit: 3 })).toEqual([
      { contentId: 'b', posted: 2, inserted: 0 },
      { contentId: 'a', posted: 1, inserted: 1 },
      { contentId: 'd', posted: 0, inserted: 2 },
    ]);
  });

  it('can look at one network', () => {
    expect(topItems(tallies, { limit: 5, network: 'linkedin' })).toEqual([
      { contentId: 'b', posted: 2, inserted: 0 },
    ]);
  });
});

describe('log filters', () => {
  it('takes whole days on the person’s calendar, both ends included', () => {
    const filter = { from: '2026-11-20', to: '2026-11-24' };
    const { start, end } = filterBounds(filter);
    expect(start).toBe(new Date(2026, 10, 20).getTime());
    expect(end).toBe(new Date(2026, 10, 25).getTime());
    expect(matchesFilter(row({ at: new Date(2026, 10, 24, 23, 59).getTime() }), filter)).toBe(true);
    expect(matchesFilter(row({ at: new Date(2026, 10, 25, 0, 0).getTime() }), filter)).toBe(false);
    expect(matchesFilter(row({ at: new Date(2026, 10, 19, 23, 59).getTime() }), filter)).toBe(
      false,
    );
  });

  it('combines network and action', () => {
    expect(
      matchesFilter(row({ network: 'x', action: 'posted' }), { network: 'x', action: 'posted' }),
    ).toBe(true);
    expect(
      matchesFilter(row({ network: 'x', action: 'inserted' }), { network: 'x', action: 'posted' }),
    ).toBe(false);
    expect(matchesFilter(row({ network: 'facebook' }), { network: 'x' })).toBe(false);
  });
});

describe('export', () => {
  const rows = [
    row({ id: 1, at: Date.UTC(2026, 10, 24, 9, 30), week: '2026-11-23', edited: true }),
    row({
      id: 2,
      contentId: 'say "hi", all',
      network: 'linkedin',
      action: 'inserted',
      week: '2026-11-23',
    }),
    row({ id: 3, contentId: '=HYPERLINK("http://evil.example")', week: '2026-11-23' }),
  ];

  it('writes CSV with a header, quoting, CRLF, and no formulas a spreadsheet would run', () => {
    const csv = sharesToCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,at,week,network,action,contentId,packId,packVersion,edited');
    expect(lines[1]).toBe(
      '1,2026-11-24T09:30:00.000Z,2026-11-23,x,posted,q4-report,acme-social,2026.11.2,true',
    );
    expect(lines[2]).toContain(',"say ""hi"", all",');
    expect(lines[3]).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('writes JSON that reads back to the same rows, never with any post text', () => {
    const parsed = JSON.parse(sharesToJson(rows)) as {
      format: string;
      shares: Record<string, unknown>[];
    };
    expect(parsed.format).toBe('postguard/activity@1');
    expect(parsed.shares).toHaveLength(3);
    expect(parsed.shares[0]).toEqual({
      id: 1,
      at: Date.UTC(2026, 10, 24, 9, 30),
      time: '2026-11-24T09:30:00.000Z',
      week: '2026-11-23',
      network: 'x',
      action: 'posted',
      contentId: 'q4-report',
      packId: 'acme-social',
      packVersion: '2026.11.2',
      edited: true,
    });
    expect(Object.keys(parsed.shares[0]!)).not.toContain('text');
  });

  it('an empty log exports a header alone', () => {
    expect(sharesToCsv([])).toBe(
      'id,at,week,network,action,contentId,packId,packVersion,edited\r\n',
    );
    expect(JSON.parse(sharesToJson([])).shares).toEqual([]);
  });
});

describe('“Post anyway” exports', () => {
  const acknowledgements: Acknowledgement[] = [
    {
      id: 1,
      ruleIds: ['confidential.codenames', 'tone.all-caps'],
      network: 'linkedin',
      packs: [
        { id: 'acme-social', version: '2026.11.2' },
        { id: 'postguard-starter', version: '1.0.0' },
      ],
      at: Date.UTC(2026, 10, 24, 9, 30),
    },
    {
      id: 2,
      ruleIds: ['=cmd|calc'],
      network: 'x',
      packs: [{ id: 'acme-social', version: '2026.11.2' }],
      at: Date.UTC(2026, 10, 24, 10),
    },
  ];

  it('writes CSV with rules and packs, and no formulas', () => {
    expect(acknowledgementsToCsv(acknowledgements).split('\r\n')).toEqual([
      'id,at,network,ruleIds,packs',
      '1,2026-11-24T09:30:00.000Z,linkedin,confidential.codenames tone.all-caps,acme-social@2026.11.2 postguard-starter@1.0.0',
      "2,2026-11-24T10:00:00.000Z,x,'=cmd|calc,acme-social@2026.11.2",
      '',
    ]);
    expect(acknowledgementsToCsv([])).toBe('id,at,network,ruleIds,packs\r\n');
  });

  it('adds them to the log’s JSON next to the shares, only when given', () => {
    expect(Object.keys(JSON.parse(sharesToJson([])) as object)).toEqual(['format', 'shares']);
    const parsed = JSON.parse(sharesToJson([row({})], acknowledgements)) as {
      format: string;
      shares: unknown[];
      acknowledgements: unknown[];
    };
    expect(parsed.format).toBe('postguard/activity@1');
    expect(parsed.shares).toHaveLength(1);
    expect(parsed.acknowledgements).toEqual([
      {
        id: 1,
        at: Date.UTC(2026, 10, 24, 9, 30),
        time: '2026-11-24T09:30:00.000Z',
        network: 'linkedin',
        ruleIds: ['confidential.codenames', 'tone.all-caps'],
        packs: [
          { id: 'acme-social', version: '2026.11.2' },
          { id: 'postguard-starter', version: '1.0.0' },
        ],
      },
      {
        id: 2,
        at: Date.UTC(2026, 10, 24, 10),
        time: '2026-11-24T10:00:00.000Z',
        network: 'x',
        ruleIds: ['=cmd|calc'],
        packs: [{ id: 'acme-social', version: '2026.11.2' }],
      },
    ]);
  });
});
