import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Network } from '@/src/core/pack/schema';
import { openDatabase } from '@/src/store/db';
import type { Acknowledgement, PostguardDb, ShareEvent } from '@/src/store/schema';
import { MyActivity } from '@/src/ui/activity/MyActivity';
import { ActivitySection } from '@/src/ui/options/ActivitySection';
import {
  FULL_DISK_SHARE_PROBLEM,
  NOW,
  memoryWriteProblems,
  testPack,
  type MemoryWriteProblems,
} from './popup-fixtures';

let databases = 0;
const now = () => NOW;
const DAY = 86_400_000;

function share(overrides: Partial<ShareEvent>): ShareEvent {
  return {
    contentId: 'roadrunner-3-launch',
    network: 'x',
    action: 'posted',
    at: NOW.getTime(),
    packId: 'acme-social',
    packVersion: '2026.11.2',
    edited: false,
    ...overrides,
  };
}

const ACME = { id: 'acme-social', version: '2026.11.2' };
const STARTER = { id: 'postguard-starter', version: '1.0.0' };

/** Three "Post anyway": today on X, yesterday on LinkedIn (two rules, two packs), 8 days ago on Facebook. */
const ACKNOWLEDGEMENTS: Acknowledgement[] = [
  {
    ruleIds: ['confidential.codenames'],
    network: 'x',
    packs: [ACME],
    at: NOW.getTime() - 3 * 3_600_000,
  },
  {
    ruleIds: ['confidential.codenames', 'tone.all-caps'],
    network: 'linkedin',
    packs: [ACME, STARTER],
    at: NOW.getTime() - 1 * DAY,
  },
  {
    ruleIds: ['claims.guarantees'],
    network: 'facebook',
    packs: [STARTER],
    at: NOW.getTime() - 8 * DAY,
  },
];

/**
 * Three weeks of activity: this week 2 posts on X and 1 on LinkedIn, last week 1 on Facebook;
 * and the three "Post anyway" above.
 */
async function filledDb(): Promise<PostguardDb> {
  const db = openDatabase(`activity-test-${++databases}`);
  await db.acknowledgements.bulkAdd(ACKNOWLEDGEMENTS.map((ack) => ({ ...ack })));
  await db.shares.bulkAdd([
    share({ network: 'x', contentId: 'careers-winter', at: NOW.getTime() - 1 * DAY }),
    share({
      network: 'x',
      contentId: 'careers-winter',
      at: NOW.getTime() - 1 * DAY + 1000,
      edited: true,
    }),
    share({ network: 'linkedin', at: NOW.getTime() }),
    share({ network: 'linkedin', action: 'inserted', at: NOW.getTime() - 2000 }),
    share({ network: 'facebook', contentId: 'impact-report-2026', at: NOW.getTime() - 7 * DAY }),
    share({
      network: 'facebook',
      contentId: 'gone-item',
      action: 'inserted',
      at: NOW.getTime() - 20 * DAY,
    }),
  ]);
  return db;
}

const titles = new Map(testPack().content.map((item) => [item.id, item.title]));

interface Saved {
  name: string;
  type: string;
  text: string;
}

describe('My activity', () => {
  it('draws posts per week stacked by network, with a summary and a table for screen readers', async () => {
    const db = await filledDb();
    render(
      <MyActivity
        db={db}
        titles={titles}
        now={now}
        weekCount={4}
        onError={(e) => {
          throw e;
        }}
      />,
    );
    const chart = await screen.findByRole('img', { name: /Posts per week, by network/ });
    expect(chart.textContent).toContain('4 posts in the last 4 weeks; the most, 3, in the week of');
    const thisWeek = chart.querySelector('[data-week="2026-11-23"]')!;
    const bars = [...thisWeek.querySelectorAll('rect')].map((r) => [
      r.getAttribute('data-network'),
      r.getAttribute('data-count'),
    ]);
    expect(bars).toEqual([
      ['x', '2'],
      ['linkedin', '1'],
    ]);
    expect(chart.querySelector('[data-week="2026-11-16"] rect')?.getAttribute('data-network')).toBe(
      'facebook',
    );

    const table = screen.getByRole('table', { name: 'Posts and inserts per week' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toHaveLength(5);
    expect(screen.getByText('This week: 3 posts, 1 insert.')).toBeTruthy();
  });

  it('lists the items shared most, by title, and by id for items no pack has any more', async () => {
    const db = await filledDb();
    render(
      <MyActivity
        db={db}
        titles={titles}
        now={now}
        onError={(e) => {
          throw e;
        }}
      />,
    );
    await screen.findByText("We're hiring engineers");
    const items = [...document.querySelectorAll('.pg-top-items li')].map((li) => li.textContent);
    expect(items).toEqual([
      "We're hiring engineers 2 posts · 0 inserts",
      'RoadRunner 3.0 is here 1 post · 1 insert',
      'Our 2026 impact report 1 post · 0 inserts',
      'gone-item 0 posts · 1 insert',
    ]);
  });

  it('exports the whole log as CSV and as JSON', async () => {
    const db = await filledDb();
    const saved: Saved[] = [];
    render(
      <MyActivity
        db={db}
        titles={titles}
        now={now}
        onError={(e) => {
          throw e;
        }}
        save={(name, type, text) => saved.push({ name, type, text })}
      />,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/Exported 6 rows to postguard-activity-2026-11-24\.csv/);
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[0]!.type).toBe('text/csv;charset=utf-8');
    expect(saved[0]!.text.split('\r\n')).toHaveLength(8);
    expect(saved[0]!.text).toContain(',x,posted,careers-winter,acme-social,2026.11.2,true');
    const json = JSON.parse(saved[1]!.text) as {
      shares: { network: Network }[];
      acknowledgements: Record<string, unknown>[];
    };
    expect(json.shares).toHaveLength(6);
    expect(saved[1]!.name).toBe('postguard-activity-2026-11-24.json');
    expect(
      await screen.findByText(
        'Exported 6 rows and 3 “Post anyway” entries to postguard-activity-2026-11-24.json.',
      ),
    ).toBeTruthy();
    // Every "Post anyway", oldest first, with its rules and packs; never any post text.
    expect(json.acknowledgements).toEqual([
      {
        id: 3,
        at: NOW.getTime() - 8 * DAY,
        time: new Date(NOW.getTime() - 8 * DAY).toISOString(),
        network: 'facebook',
        ruleIds: ['claims.guarantees'],
        packs: [STARTER],
      },
      {
        id: 2,
        at: NOW.getTime() - DAY,
        time: new Date(NOW.getTime() - DAY).toISOString(),
        network: 'linkedin',
        ruleIds: ['confidential.codenames', 'tone.all-caps'],
        packs: [ACME, STARTER],
      },
      {
        id: 1,
        at: NOW.getTime() - 3 * 3_600_000,
        time: new Date(NOW.getTime() - 3 * 3_600_000).toISOString(),
        network: 'x',
        ruleIds: ['confidential.codenames'],
        packs: [ACME],
      },
    ]);
  });
});

describe('the options page’s activity section', () => {
  function renderSection(
    db: PostguardDb,
    saved: Saved[] = [],
    writeProblems: MemoryWriteProblems = memoryWriteProblems(),
  ) {
    render(
      <ActivitySection
        openDb={() => db}
        loadPacks={async () => [testPack()]}
        writeProblems={writeProblems}
        now={now}
        save={(name, type, text) => saved.push({ name, type, text })}
      />,
    );
  }

  const postedAnywayRows = () => {
    const table = screen.queryByRole('table', { name: 'Posted anyway, newest first' });
    if (!table) return [];
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell'));
  };

  const logRows = () => {
    const table = screen.queryByRole('table', { name: 'Your shares, newest first' });
    if (!table) return [];
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((cell) => cell.textContent),
      );
  };

  it('shows the log newest first with titles, and filters it by network, action and days', async () => {
    const db = await filledDb();
    renderSection(db);
    await screen.findByText('6 matching rows.');
    await waitFor(() =>
      expect(logRows()[0]).toEqual(['RoadRunner 3.0 is here', 'LinkedIn', 'Posted', 'No']),
    );
    expect(logRows()).toHaveLength(6);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'x');
    await screen.findByText('2 matching rows.');
    expect(logRows()).toEqual([
      ["We're hiring engineers", 'X', 'Posted', 'Yes'],
      ["We're hiring engineers", 'X', 'Posted', 'No'],
    ]);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'inserted');
    await screen.findByText('2 matching rows.');
    expect(logRows().map((r) => r[0])).toEqual(['RoadRunner 3.0 is here', 'gone-item']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Action' }), '');
    await userEvent.type(screen.getByLabelText('From'), '2026-11-16');
    await userEvent.type(screen.getByLabelText('To'), '2026-11-17');
    await screen.findByText('1 matching row.');
    expect(logRows()).toEqual([['Our 2026 impact report', 'Facebook', 'Posted', 'No']]);
  });

  it('exports what the filters select', async () => {
    const db = await filledDb();
    const saved: Saved[] = [];
    renderSection(db, saved);
    await screen.findByText('6 matching rows.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'linkedin');
    await screen.findByText('2 matching rows.');
    const log = screen.getByRole('group', { name: 'Filter the log' }).parentElement!;
    await userEvent.click(within(log).getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const json = JSON.parse(saved[0]!.text) as {
      shares: { network: string }[];
      acknowledgements: { network: string; ruleIds: string[] }[];
    };
    expect(json.shares.map((s) => s.network)).toEqual(['linkedin', 'linkedin']);
    expect(json.acknowledgements).toEqual([
      expect.objectContaining({
        network: 'linkedin',
        ruleIds: ['confidential.codenames', 'tone.all-caps'],
      }),
    ]);
    expect(saved[0]!.name).toBe('postguard-activity-filtered-2026-11-24.json');
  });

  it('lists each “Post anyway” newest first, with its rules and packs, by the log’s network and days', async () => {
    const db = await filledDb();
    renderSection(db);
    await screen.findByText('3 “Post anyway” entries.');
    const rows = postedAnywayRows();
    expect(rows.map((cells) => cells.slice(1).map((cell) => cell.textContent))).toEqual([
      ['X', 'confidential.codenames', 'acme-social 2026.11.2'],
      [
        'LinkedIn',
        'confidential.codenames, tone.all-caps',
        'acme-social 2026.11.2, postguard-starter 1.0.0',
      ],
      ['Facebook', 'claims.guarantees', 'postguard-starter 1.0.0'],
    ]);
    expect(rows.map((cells) => cells[0]!.querySelector('time')?.getAttribute('dateTime'))).toEqual(
      ACKNOWLEDGEMENTS.map((ack) => new Date(ack.at).toISOString()),
    );

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'linkedin');
    await screen.findByText('1 “Post anyway” entry.');
    expect(postedAnywayRows().map((cells) => cells[1]!.textContent)).toEqual(['LinkedIn']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), '');
    await userEvent.type(screen.getByLabelText('From'), '2026-11-10');
    await userEvent.type(screen.getByLabelText('To'), '2026-11-20');
    await screen.findByText('1 “Post anyway” entry.');
    expect(postedAnywayRows().map((cells) => cells[1]!.textContent)).toEqual(['Facebook']);

    // The action filter is for shares: a “Post anyway” is listed whatever it says.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'inserted');
    await screen.findByText('0 matching rows.');
    expect(postedAnywayRows()).toHaveLength(1);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), 'x');
    expect(
      await screen.findByText('No “Post anyway” for the network and days chosen.'),
    ).toBeTruthy();
    expect(postedAnywayRows()).toEqual([]);
  });

  it('says when there has been no “Post anyway”', async () => {
    const db = await filledDb();
    await db.acknowledgements.clear();
    renderSection(db);
    expect(await screen.findByText('You have not used “Post anyway”.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Posted anyway, newest first' })).toBeNull();
  });

  it('exports the “Post anyway” entries the filters select as CSV, rules and packs only', async () => {
    const db = await filledDb();
    const saved: Saved[] = [];
    renderSection(db, saved);
    await screen.findByText('3 “Post anyway” entries.');
    await userEvent.type(screen.getByLabelText('From'), '2026-11-23');
    await screen.findByText('2 “Post anyway” entries.');
    await userEvent.click(screen.getByRole('button', { name: 'Export “Post anyway” CSV' }));
    expect(
      await screen.findByText(
        'Exported 2 “Post anyway” entries to postguard-post-anyway-2026-11-24.csv.',
      ),
    ).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('text/csv;charset=utf-8');
    expect(saved[0]!.text.split('\r\n')).toEqual([
      'id,at,network,ruleIds,packs',
      `2,${new Date(NOW.getTime() - DAY).toISOString()},linkedin,confidential.codenames tone.all-caps,acme-social@2026.11.2 postguard-starter@1.0.0`,
      `1,${new Date(NOW.getTime() - 3 * 3_600_000).toISOString()},x,confidential.codenames,acme-social@2026.11.2`,
      '',
    ]);
  });

  it('shows a write the background could not make, with when, until it is dismissed', async () => {
    const db = await filledDb();
    const writeProblems = memoryWriteProblems(FULL_DISK_SHARE_PROBLEM);
    renderSection(db, [], writeProblems);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-problem')).toBe('full');
    expect(within(alert).getByText(FULL_DISK_SHARE_PROBLEM.message)).toBeTruthy();
    expect(alert.querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(FULL_DISK_SHARE_PROBLEM.at).toISOString(),
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(writeProblems.current()).toBeNull();
  });

  it('says when “From” is after “To”', async () => {
    const db = await filledDb();
    renderSection(db);
    await userEvent.type(screen.getByLabelText('From'), '2026-11-20');
    await userEvent.type(screen.getByLabelText('To'), '2026-11-10');
    expect(await screen.findByText(/“From” is after “To”/)).toBeTruthy();
  });

  it('shows a database that cannot be read, instead of an empty log', async () => {
    const db = openDatabase(`activity-broken-${++databases}`);
    await db.open();
    db.close();
    renderSection(db);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.getAttribute('data-problem')).toBe('unavailable');
    expect(alerts[0]!.textContent).toMatch(/would not open Postguard’s activity log/);
  });
});
