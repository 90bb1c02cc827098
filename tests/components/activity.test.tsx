import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Network } from '@/src/core/pack/schema';
import { openDatabase, type PostguardDb, type ShareEvent } from '@/src/store/db';
import { MyActivity } from '@/src/ui/activity/MyActivity';
import { ActivitySection } from '@/src/ui/options/ActivitySection';
import { NOW, testPack } from './popup-fixtures';

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

/** Three weeks of activity: this week 2 posts on X and 1 on LinkedIn, last week 1 on Facebook. */
async function filledDb(): Promise<PostguardDb> {
  const db = openDatabase(`activity-test-${++databases}`);
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
    const json = JSON.parse(saved[1]!.text) as { shares: { network: Network }[] };
    expect(json.shares).toHaveLength(6);
    expect(saved[1]!.name).toBe('postguard-activity-2026-11-24.json');
  });
});

describe('the options page’s activity section', () => {
  function renderSection(db: PostguardDb, saved: Saved[] = []) {
    render(
      <ActivitySection
        openDb={() => db}
        loadPacks={async () => [testPack()]}
        now={now}
        save={(name, type, text) => saved.push({ name, type, text })}
      />,
    );
  }

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
    const json = JSON.parse(saved[0]!.text) as { shares: { network: string }[] };
    expect(json.shares.map((s) => s.network)).toEqual(['linkedin', 'linkedin']);
    expect(saved[0]!.name).toMatch(/^postguard-activity-filtered-/);
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
