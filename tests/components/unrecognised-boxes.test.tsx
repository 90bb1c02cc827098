import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  UnrecognisedBoxSighting,
  UnrecognisedBoxesSource,
} from '@/src/store/unrecognised-boxes';
import { UnrecognisedBoxesSection } from '@/src/ui/options/UnrecognisedBoxesSection';
import { NOW } from './popup-fixtures';

const HOUR = 3_600_000;

const linkedinComment: UnrecognisedBoxSighting = {
  network: 'linkedin',
  host: 'www.linkedin.com',
  pathShape: '/feed/update/:id/',
  markers: ['contenteditable', 'role=textbox', 'tiptap'],
  firstSeen: NOW.getTime() - 48 * HOUR,
  lastSeen: NOW.getTime() - HOUR,
  count: 7,
};

const xHome: UnrecognisedBoxSighting = {
  network: 'x',
  host: 'x.com',
  pathShape: '/home',
  markers: [],
  firstSeen: NOW.getTime() - 2 * HOUR,
  lastSeen: NOW.getTime() - 2 * HOUR,
  count: 1,
};

/** Plays extension storage: answers the watch when told, records each clear. */
function fakeSource(initial: UnrecognisedBoxSighting[] | null) {
  const listeners = new Set<(sightings: UnrecognisedBoxSighting[]) => void>();
  let current = initial;
  let clears = 0;
  let failClear: Error | undefined;
  const source: UnrecognisedBoxesSource = {
    watch(listener) {
      listeners.add(listener);
      if (current) listener(current);
      return () => listeners.delete(listener);
    },
    async clear() {
      clears++;
      if (failClear) throw failClear;
      emit([]);
    },
  };
  function emit(sightings: UnrecognisedBoxSighting[]) {
    current = sightings;
    act(() => listeners.forEach((listener) => listener(sightings)));
  }
  return {
    source,
    emit,
    clears: () => clears,
    watching: () => listeners.size,
    failClearWith(error: Error) {
      failClear = error;
    },
  };
}

function fakeClipboard(fails = false) {
  const copied: string[] = [];
  return {
    copied,
    copy: async (text: string) => {
      if (fails) throw new DOMException('Document is not focused.', 'NotAllowedError');
      copied.push(text);
    },
  };
}

function renderSection(
  source: UnrecognisedBoxesSource,
  copy: (text: string) => Promise<void> = fakeClipboard().copy,
) {
  return render(
    <UnrecognisedBoxesSection
      source={source}
      copy={copy}
      version="1.4.0"
      browser="Chromium 142"
      now={() => NOW}
    />,
  );
}

const heading = () =>
  screen.getByRole('heading', { name: 'Compose boxes Postguard did not recognise' });
const dataRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('Compose boxes Postguard did not recognise', () => {
  it('says in one line that none were seen', () => {
    renderSection(fakeSource([]).source);
    expect(heading()).toBeTruthy();
    expect(
      screen.getByText('Postguard has not seen any compose box it did not recognise.').tagName,
    ).toBe('P');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says nothing about none until storage has answered', () => {
    renderSection(fakeSource(null).source);
    expect(heading()).toBeTruthy();
    expect(screen.queryByText(/has not seen any compose box/)).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each box: site, page shape, editor markers, first and last seen, times', () => {
    renderSection(fakeSource([linkedinComment, xHome]).source);
    expect(screen.getByText(/the site may have changed/).textContent).toMatch(
      /still checks what you write in them, but\s+some fixes may not be offered.*Tell your admin.*never what you wrote/s,
    );
    const table = screen.getByRole('table', { name: 'Boxes seen (2)' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Site', 'Page shape', 'Editor markers', 'First seen', 'Last seen', 'Times']);

    const [linkedin, x] = dataRows();
    expect(within(linkedin!).getByRole('rowheader').textContent).toBe(
      'LinkedIn (www.linkedin.com)',
    );
    const cells = within(linkedin!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe('/feed/update/:id/');
    expect(cells[1]).toBe('contenteditable, role=textbox, tiptap');
    expect(cells[4]).toBe('7');
    expect(
      [...linkedin!.querySelectorAll('time')].map((time) => time.getAttribute('dateTime')),
    ).toEqual([
      new Date(linkedinComment.firstSeen).toISOString(),
      new Date(linkedinComment.lastSeen).toISOString(),
    ]);

    expect(within(x!).getByRole('rowheader').textContent).toBe('X (x.com)');
    expect(within(x!).getAllByRole('cell')[1]!.textContent).toBe('none');
  });

  it('follows the stored list as boxes are seen, and stops watching when gone', () => {
    const fake = fakeSource([]);
    const view = renderSection(fake.source);
    fake.emit([linkedinComment]);
    expect(dataRows()).toHaveLength(1);
    expect(screen.queryByText(/has not seen any compose box/)).toBeNull();

    fake.emit([{ ...linkedinComment, count: 8, lastSeen: NOW.getTime() }, xHome]);
    const rows = dataRows();
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getAllByRole('cell')[4]!.textContent).toBe('8');

    view.unmount();
    expect(fake.watching()).toBe(0);
  });

  it('"Copy for your admin" copies a plain-text report and says "Copied"', async () => {
    const clipboard = fakeClipboard();
    renderSection(fakeSource([linkedinComment, xHome]).source, clipboard.copy);
    await userEvent.click(screen.getByRole('button', { name: 'Copy for your admin' }));
    expect(screen.getByRole('status').textContent).toBe('Copied');
    expect(clipboard.copied).toEqual([
      [
        'Compose boxes Postguard did not recognise',
        `Postguard 1.4.0, copied ${NOW.toISOString()}`,
        'Browser: Chromium 142',
        '',
        'Postguard noticed these compose boxes on supported sites but no site adapter recognised them:',
        'the site may have changed. Postguard still checked them; some fixes may not have been offered.',
        'Nothing written in the boxes or shown on the pages was recorded.',
        '',
        '1. LinkedIn (www.linkedin.com) /feed/update/:id/',
        '   Editor markers: contenteditable, role=textbox, tiptap',
        `   Seen 7 times: first ${new Date(linkedinComment.firstSeen).toISOString()}, last ${new Date(linkedinComment.lastSeen).toISOString()}`,
        '',
        '2. X (x.com) /home',
        '   Editor markers: none',
        `   Seen 1 time: first ${new Date(xHome.firstSeen).toISOString()}, last ${new Date(xHome.lastSeen).toISOString()}`,
        '',
      ].join('\n'),
    ]);
  });

  it('"Copied" goes when the list changes: it was said of the older list', async () => {
    const fake = fakeSource([linkedinComment]);
    renderSection(fake.source);
    await userEvent.click(screen.getByRole('button', { name: 'Copy for your admin' }));
    expect(screen.getByRole('status').textContent).toBe('Copied');
    fake.emit([linkedinComment, xHome]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says so when the browser does not allow copying', async () => {
    renderSection(fakeSource([linkedinComment]).source, fakeClipboard(true).copy);
    await userEvent.click(screen.getByRole('button', { name: 'Copy for your admin' }));
    expect(screen.getByRole('status').textContent).toBe(
      'The browser did not allow copying. Select the table and copy it by hand.',
    );
  });

  it('"Clear" empties the list and puts the focus on the line that says none', async () => {
    const fake = fakeSource([linkedinComment, xHome]);
    renderSection(fake.source);
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(fake.clears()).toBe(1);
    const none = await screen.findByText(
      'Postguard has not seen any compose box it did not recognise.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.activeElement).toBe(none);

    // A box seen after the clear shows again.
    fake.emit([xHome]);
    expect(dataRows()).toHaveLength(1);
  });

  it('keeps the list and says why when clearing fails', async () => {
    const fake = fakeSource([linkedinComment]);
    fake.failClearWith(new Error('Storage is not available'));
    renderSection(fake.source);
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The list was not cleared: Storage is not available',
    );
    expect(dataRows()).toHaveLength(1);
  });
});
