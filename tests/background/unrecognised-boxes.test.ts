// @vitest-environment happy-dom
// The record of compose boxes no site adapter recognised, over WXT's fake browser storage, and the
// options page's section reading it there (happy-dom for that one).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_SIGHTINGS,
  clearUnrecognisedBoxes,
  recordUnrecognisedBox,
  storedUnrecognisedBoxes,
  unrecognisedBoxesItem,
  type UnrecognisedBoxReport,
  type UnrecognisedBoxSighting,
} from '@/src/store/unrecognised-boxes';
import { UnrecognisedBoxesSection } from '@/src/ui/options/UnrecognisedBoxesSection';

const NOW = new Date(2026, 11, 2, 9).getTime();

const linkedinComment: UnrecognisedBoxReport = {
  network: 'linkedin',
  host: 'www.linkedin.com',
  pathShape: '/feed/update/:id/',
  markers: ['tiptap', 'contenteditable', 'role=textbox'],
  at: NOW,
};

let consoleWarn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  consoleWarn.mockRestore();
});

/** What the raw storage holds under the item's key, as another reader would see it. */
async function rawStored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('unrecognisedBoxes'))['unrecognisedBoxes'];
}

describe('recordUnrecognisedBox', () => {
  it('stores a first sighting with sorted markers, seen once', async () => {
    await recordUnrecognisedBox(linkedinComment);
    expect(await unrecognisedBoxesItem.getValue()).toEqual([
      {
        network: 'linkedin',
        host: 'www.linkedin.com',
        pathShape: '/feed/update/:id/',
        markers: ['contenteditable', 'role=textbox', 'tiptap'],
        firstSeen: NOW,
        lastSeen: NOW,
        count: 1,
      },
    ]);
  });

  it('counts the same box again, whatever the order or repeats of its markers', async () => {
    await recordUnrecognisedBox(linkedinComment);
    await recordUnrecognisedBox({
      ...linkedinComment,
      markers: ['role=textbox', 'tiptap', 'contenteditable', 'tiptap'],
      at: NOW + 60_000,
    });
    // Reports can land out of order: an earlier one widens the range back.
    await recordUnrecognisedBox({ ...linkedinComment, at: NOW - 60_000 });
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      firstSeen: NOW - 60_000,
      lastSeen: NOW + 60_000,
      count: 3,
    });
  });

  it('keeps boxes apart that differ in site, host, path shape or markers', async () => {
    await recordUnrecognisedBox(linkedinComment);
    await recordUnrecognisedBox({ ...linkedinComment, network: 'facebook', at: NOW + 1 });
    await recordUnrecognisedBox({ ...linkedinComment, host: 'linkedin.com', at: NOW + 2 });
    await recordUnrecognisedBox({ ...linkedinComment, pathShape: '/feed/', at: NOW + 3 });
    await recordUnrecognisedBox({ ...linkedinComment, markers: ['tiptap'], at: NOW + 4 });
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored).toHaveLength(5);
    // Most recently seen first.
    expect(stored.map((sighting) => sighting.lastSeen)).toEqual([
      NOW + 4,
      NOW + 3,
      NOW + 2,
      NOW + 1,
      NOW,
    ]);
    expect(stored.every((sighting) => sighting.count === 1)).toBe(true);
  });

  it('cuts each marker to 40 characters and the list to 12', async () => {
    const long = `data-editor-${'x'.repeat(60)}`;
    const many = Array.from({ length: 20 }, (_, index) => `m${String(index).padStart(2, '0')}`);
    await recordUnrecognisedBox({ ...linkedinComment, markers: [long, ...many] });
    const [sighting] = await unrecognisedBoxesItem.getValue();
    expect(sighting!.markers).toHaveLength(12);
    expect(sighting!.markers[0]).toBe(long.slice(0, 40));
    expect(sighting!.markers.slice(1)).toEqual(many.slice(0, 11));
    expect(sighting!.markers.every((marker) => marker.length <= 40)).toBe(true);
  });

  it('keeps the 50 most recently seen boxes', async () => {
    for (let index = 0; index < MAX_SIGHTINGS + 5; index++)
      await recordUnrecognisedBox({
        ...linkedinComment,
        pathShape: `/p${index}/`,
        at: NOW + index,
      });
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored).toHaveLength(MAX_SIGHTINGS);
    const paths = stored.map((sighting) => sighting.pathShape);
    expect(paths).not.toContain('/p0/');
    expect(paths).not.toContain('/p4/');
    expect(paths).toContain('/p5/');
    expect(paths[0]).toBe(`/p${MAX_SIGHTINGS + 4}/`);

    // Seeing an old box again makes it recent: the least recently seen one goes instead.
    await recordUnrecognisedBox({ ...linkedinComment, pathShape: '/p5/', at: NOW + 1000 });
    await recordUnrecognisedBox({ ...linkedinComment, pathShape: '/new/', at: NOW + 1001 });
    const after = (await unrecognisedBoxesItem.getValue()).map((sighting) => sighting.pathShape);
    expect(after).toHaveLength(MAX_SIGHTINGS);
    expect(after.slice(0, 2)).toEqual(['/new/', '/p5/']);
    expect(after).not.toContain('/p6/');
  });

  it('stores only the fields of a report: a text sent along is dropped', async () => {
    const withText = {
      ...linkedinComment,
      text: 'Nightjar ships on Friday',
      html: '<p>Nightjar ships on Friday</p>',
    };
    await recordUnrecognisedBox(withText);
    const raw = await rawStored();
    expect(raw).toHaveLength(1);
    expect(Object.keys((raw as object[])[0]!).sort()).toEqual([
      'count',
      'firstSeen',
      'host',
      'lastSeen',
      'markers',
      'network',
      'pathShape',
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Nightjar');
  });

  const malformed: [string, unknown][] = [
    ['a network Postguard does not support', { ...linkedinComment, network: 'mastodon' }],
    ['an empty host', { ...linkedinComment, host: '' }],
    ['a host longer than 253 characters', { ...linkedinComment, host: `${'a'.repeat(250)}.com` }],
    ['a host with a space', { ...linkedinComment, host: 'www.linkedin.com evil' }],
    ['a path shape not starting with /', { ...linkedinComment, pathShape: 'feed/' }],
    ['a path shape over 200 characters', { ...linkedinComment, pathShape: `/${'a'.repeat(200)}` }],
    ['a path shape carrying words', { ...linkedinComment, pathShape: '/search?q=Nightjar ships' }],
    ['a path shape with non-ASCII', { ...linkedinComment, pathShape: '/in/zoë/' }],
    ['a path shape with a query', { ...linkedinComment, pathShape: '/search/?q=Nightjar' }],
    ['a path shape with a fragment', { ...linkedinComment, pathShape: '/feed/#Nightjar' }],
    [
      'a marker with a space',
      { ...linkedinComment, markers: ['contenteditable', 'Nightjar ships'] },
    ],
    ['a marker with angle brackets', { ...linkedinComment, markers: ['<b>'] }],
    ['an empty marker', { ...linkedinComment, markers: [''] }],
    ['markers that are not a list', { ...linkedinComment, markers: 'contenteditable' }],
    ['a time that is not a number', { ...linkedinComment, at: '2026-12-02' }],
    ['a negative time', { ...linkedinComment, at: -1 }],
    ['no time', { ...linkedinComment, at: undefined }],
    ['not an object', 'contenteditable'],
  ];

  it.each(malformed)('drops a report with %s', async (_what, report) => {
    await recordUnrecognisedBox(report as UnrecognisedBoxReport);
    expect(await rawStored()).toBeUndefined();
    // The console says which fields, never what the page put in them.
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(consoleWarn.mock.calls)).not.toMatch(/Nightjar|evil|zoë|<b>/);
  });

  it('drops a malformed report without touching the boxes already recorded', async () => {
    await recordUnrecognisedBox(linkedinComment);
    await recordUnrecognisedBox({ ...linkedinComment, pathShape: 'no-slash', at: NOW + 1 });
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.count).toBe(1);
  });

  it('counts reports made at once from one page, none lost', async () => {
    await Promise.all([
      recordUnrecognisedBox(linkedinComment),
      recordUnrecognisedBox({ ...linkedinComment, at: NOW + 1 }),
      recordUnrecognisedBox({ ...linkedinComment, pathShape: '/feed/', at: NOW + 2 }),
    ]);
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored.map((sighting) => [sighting.pathShape, sighting.count])).toEqual([
      ['/feed/', 1],
      ['/feed/update/:id/', 2],
    ]);
  });

  it("writes again when another tab's write, made from an older read, replaced its own", async () => {
    const otherTab: UnrecognisedBoxSighting = {
      network: 'x',
      host: 'x.com',
      pathShape: '/home',
      markers: ['draft-js'],
      firstSeen: NOW - 5,
      lastSeen: NOW - 5,
      count: 1,
    };
    // The other tab read the empty list before our write, and its write lands just after ours.
    const local = fakeBrowser.storage.local;
    const set = local.set.bind(local);
    let raced = false;
    local.set = (async (items: Record<string, unknown>) => {
      await set(items);
      if (!raced && 'unrecognisedBoxes' in items) {
        raced = true;
        await set({ unrecognisedBoxes: [otherTab] });
      }
    }) as typeof local.set;
    try {
      await recordUnrecognisedBox(linkedinComment);
    } finally {
      local.set = set;
    }
    expect(raced).toBe(true);
    const stored = await unrecognisedBoxesItem.getValue();
    expect(stored.map((sighting) => [sighting.host, sighting.count])).toEqual([
      ['www.linkedin.com', 1],
      ['x.com', 1],
    ]);
  });

  it('ignores stored entries that are not sightings', async () => {
    await fakeBrowser.storage.local.set({
      unrecognisedBoxes: [{ network: 'x', text: 'Nightjar ships on Friday' }, 42],
    });
    await recordUnrecognisedBox(linkedinComment);
    const raw = await rawStored();
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain('Nightjar');
  });
});

describe('clearUnrecognisedBoxes', () => {
  it('empties the record; the next box starts it again', async () => {
    await recordUnrecognisedBox(linkedinComment);
    await clearUnrecognisedBoxes();
    expect(await rawStored()).toBeUndefined();
    expect(await unrecognisedBoxesItem.getValue()).toEqual([]);
    await recordUnrecognisedBox({ ...linkedinComment, at: NOW + 1 });
    expect(await unrecognisedBoxesItem.getValue()).toMatchObject([
      { count: 1, firstSeen: NOW + 1 },
    ]);
  });
});

describe('storedUnrecognisedBoxes', () => {
  it('gives what is stored, then every change, until unwatched', async () => {
    await recordUnrecognisedBox(linkedinComment);
    const seen: UnrecognisedBoxSighting[][] = [];
    const stop = storedUnrecognisedBoxes.watch((sightings) => seen.push(sightings));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject([{ pathShape: '/feed/update/:id/', count: 1 }]);

    await recordUnrecognisedBox({ ...linkedinComment, at: NOW + 1 });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject([{ count: 2 }]));

    await storedUnrecognisedBoxes.clear();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));

    stop();
    const count = seen.length;
    await recordUnrecognisedBox({ ...linkedinComment, at: NOW + 2 });
    expect(seen).toHaveLength(count);
  });
});

describe('the options page section over extension storage', () => {
  it('shows what the content script records, live, and clears the stored list', async () => {
    await recordUnrecognisedBox(linkedinComment);
    render(createElement(UnrecognisedBoxesSection, { copy: async () => undefined }));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);

    await recordUnrecognisedBox({ ...linkedinComment, pathShape: '/feed/', at: NOW + 1 });
    await vi.waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByText('Postguard has not seen any compose box it did not recognise.');
    expect(await rawStored()).toBeUndefined();
  });
});
