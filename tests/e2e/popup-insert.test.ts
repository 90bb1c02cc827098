// The popup's approved content, end to end: the popup page for a fixture tab lists the pack's
// items in force, "Insert" puts an item into each editor's own state, the fixture's Post button
// posts it, and the activity log in IndexedDB holds the insert and the post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  FACEBOOK_POST,
  LINKEDIN_POST,
  X_HOME,
  launchWithExtension,
  openBox,
  readState,
  submitAndRead,
  type ComposeBoxFixture,
  type ExtensionSession,
} from './harness';
import { bundledPack, setPacksInForce } from './support/policy';

let session: ExtensionSession;
let page: Page;

/** A calendar day relative to today, as packs write them (`YYYY-MM-DD`, local). */
function day(offset: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The demo pack with its dates moved around today (so the test does not age), and two items
 * the popup must not show: one that expired yesterday, one that starts tomorrow.
 */
function testPack(): Record<string, unknown> {
  const pack = bundledPack('acme-demo') as { content: Record<string, unknown>[] };
  const content: Record<string, unknown>[] = pack.content.map((item) => ({
    ...item,
    ...(item.starts ? { starts: day(-3) } : {}),
    ...(item.expires ? { expires: day(30) } : {}),
  }));
  content.push(
    {
      id: 'last-week-webinar',
      title: 'Last week’s webinar',
      text: { default: 'Join our webinar on route planning.' },
      url: 'https://acme.example/webinar',
      campaign: 'webinar',
      expires: day(-1),
    },
    {
      id: 'spring-preview',
      title: 'Spring preview',
      text: { default: 'A first look at spring.' },
      starts: day(1),
    },
  );
  return { ...pack, content };
}

interface LoggedShare {
  id: number;
  contentId: string;
  network: string;
  action: string;
  packId: string;
  packVersion: string;
  edited: boolean;
  at: number;
}

/** The `shares` table, read from an extension page (the database lives in its origin). */
async function loggedShares(extensionPage: Page): Promise<LoggedShare[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<LoggedShare[]>((resolve, reject) => {
        const open = indexedDB.open('postguard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('shares')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('shares').objectStore('shares').getAll();
          all.onsuccess = () => {
            resolve(all.result as LoggedShare[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

// The service worker's global, as the evaluated function sees it.
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** The browser's id of the tab showing `page`. */
async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await session.serviceWorker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Opens the popup page for the fixture tab, as `?tab=<id>`. */
async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('list', { name: 'Approved content' }).waitFor();
  return popup;
}

function cardOf(popup: Page, title: string): Locator {
  return popup.locator('article', {
    has: popup.getByRole('heading', { name: title, exact: true }),
  });
}

async function shownTitles(popup: Page): Promise<string[]> {
  return popup
    .getByRole('list', { name: 'Approved content' })
    .getByRole('heading', { level: 2 })
    .allTextContents();
}

/** Opens the box in the fixture tab and focuses it, as a person about to write a post. */
async function focusBox(fixture: ComposeBoxFixture): Promise<Locator> {
  const box = await openBox(page, fixture);
  await box.click();
  return box;
}

beforeAll(async () => {
  session = await launchWithExtension();
  await setPacksInForce(session.serviceWorker, [testPack()]);
  page = await session.tab();
});

afterAll(async () => {
  await session?.close();
});

interface Case {
  fixture: ComposeBoxFixture;
  contentId: string;
  title: string;
  /** The wording for this network. */
  wording: string;
  /** The item's own URL, its own parameters included. */
  url: string;
  campaign: string;
}

const CASES: Case[] = [
  {
    fixture: X_HOME,
    contentId: 'careers-winter',
    title: "We're hiring engineers",
    wording: 'My team at ACME is hiring engineers. Come build with us!',
    url: 'https://acme.example/careers?team=routing',
    campaign: 'careers-winter',
  },
  {
    fixture: FACEBOOK_POST,
    contentId: 'impact-report-2026',
    title: 'Our 2026 impact report',
    wording:
      "ACME's 2026 impact report is out! We cut delivery miles per parcel by 40% since 2023. Have a read 🌱",
    url: 'https://acme.example/impact-2026',
    campaign: 'impact-2026',
  },
  {
    fixture: LINKEDIN_POST,
    contentId: 'roadrunner-3-launch',
    title: 'RoadRunner 3.0 is here',
    wording:
      "Today we launched RoadRunner 3.0, route planning that learns from every delivery. I'm proud of the team behind it, and happy to answer questions about what changed.",
    url: 'https://acme.example/roadrunner',
    campaign: 'roadrunner-3',
  },
];

describe.each(CASES.map((c) => [c.fixture.name, c] as const))('%s', (_name, c) => {
  it('inserts the item into the editor, posts it with its tagged link, and logs the insert and the post', async () => {
    const network = c.fixture.site;
    const box = await focusBox(c.fixture);
    const popup = await openPopup(await tabIdOf(page));
    try {
      const before = await loggedShares(popup);
      const card = cardOf(popup, c.title);
      await card.getByRole('button', { name: 'Insert' }).click();
      await popup.getByText(`Inserted “${c.title}”`, { exact: false }).waitFor();

      // The editor's own state holds the wording and the tagged link.
      await expect.poll(() => readState(page, c.fixture)).toContain(c.wording);
      await page.bringToFront();
      const post = await submitAndRead(page, c.fixture, box);
      expect(post.text.startsWith(c.wording)).toBe(true);
      expect(post.text).toContain('#ACMEemployee');

      // The link keeps its own parameters and carries the pack's UTM values for this network.
      const link = post.text.split(/\s+/).find((word) => word.startsWith('https://'));
      expect(link).toBeDefined();
      const posted = new URL(link!);
      const own = new URL(c.url);
      expect(posted.origin + posted.pathname).toBe(own.origin + own.pathname);
      for (const [key, value] of own.searchParams) expect(posted.searchParams.get(key)).toBe(value);
      expect(posted.searchParams.get('utm_source')).toBe(network);
      expect(posted.searchParams.get('utm_medium')).toBe('employee-advocacy');
      expect(posted.searchParams.get('utm_campaign')).toBe(c.campaign);
      expect(posted.searchParams.get('utm_content')).toBe(c.contentId);
      expect(link!.startsWith(c.url)).toBe(true);

      // The popup logged the insert; the background logged the post that followed.
      const newRows = async () =>
        (await loggedShares(popup)).filter((row) => !before.some((old) => old.id === row.id));
      await expect
        .poll(async () => (await newRows()).map((row) => row.action).sort())
        .toEqual(['inserted', 'posted']);
      for (const row of await newRows()) {
        expect(row).toMatchObject({
          contentId: c.contentId,
          network,
          packId: 'acme-social',
          packVersion: '2026.11.2',
          edited: false,
        });
        expect(JSON.stringify(row)).not.toContain(c.wording);
      }
    } finally {
      await popup.close();
    }
  });
});

describe('the popup page', () => {
  it('hides items outside their days, and starts on the tab’s network', async () => {
    await focusBox(X_HOME);
    const popup = await openPopup(await tabIdOf(page));
    try {
      expect(await popup.getByRole('combobox', { name: 'Network', exact: true }).inputValue()).toBe(
        'x',
      );
      // Volunteer day is for Facebook and LinkedIn; the rest of the demo pack is for X too.
      expect((await shownTitles(popup)).sort()).toEqual(
        ['Our 2026 impact report', 'RoadRunner 3.0 is here', "We're hiring engineers"].sort(),
      );
      await popup.getByRole('combobox', { name: 'Network', exact: true }).selectOption('');
      await expect.poll(() => shownTitles(popup)).toContain('Volunteer day photos');
      const all = await shownTitles(popup);
      expect(all).toHaveLength(4);
      expect(all).not.toContain('Last week’s webinar');
      expect(all).not.toContain('Spring preview');
      await popup.getByRole('searchbox').fill('webinar');
      await expect.poll(() => popup.getByText('Nothing matches.').isVisible()).toBe(true);
    } finally {
      await popup.close();
    }
  });

  it.each([X_HOME, FACEBOOK_POST, LINKEDIN_POST].map((f) => [f.name, f] as const))(
    '%s: Ctrl+Z undoes an insert, as it undoes a paste',
    async (_name, fixture) => {
      const box = await focusBox(fixture);
      const popup = await openPopup(await tabIdOf(page));
      try {
        await cardOf(popup, 'RoadRunner 3.0 is here')
          .getByRole('button', { name: 'Insert' })
          .click();
        await popup.getByText('Inserted “RoadRunner 3.0 is here”', { exact: false }).waitFor();
        await expect.poll(() => readState(page, fixture)).toContain('RoadRunner 3.0');
        await page.bringToFront();
        await box.focus();
        await page.keyboard.press('Control+z');
        await expect.poll(() => readState(page, fixture)).toBe('');
      } finally {
        await popup.close();
      }
    },
  );

  it('logs an edited post as edited', async () => {
    const box = await focusBox(X_HOME);
    const popup = await openPopup(await tabIdOf(page));
    try {
      const before = await loggedShares(popup);
      await cardOf(popup, 'RoadRunner 3.0 is here').getByRole('button', { name: 'Insert' }).click();
      await popup.getByText('Inserted “RoadRunner 3.0 is here”', { exact: false }).waitFor();
      await expect.poll(() => readState(page, X_HOME)).toContain('RoadRunner 3.0 is out today');
      await page.bringToFront();
      await box.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Thrilled!');
      const post = await submitAndRead(page, X_HOME, box);
      expect(post.text.endsWith(' Thrilled!')).toBe(true);
      await expect
        .poll(async () =>
          (await loggedShares(popup))
            .filter((row) => !before.some((old) => old.id === row.id) && row.action === 'posted')
            .map((row) => row.edited),
        )
        .toEqual([true]);
    } finally {
      await popup.close();
    }
  });

  it('with no compose box, offers the share dialog and Copy instead of Insert', async () => {
    // Every fixture page has a compose box on it (X's inline one, the comment boxes), so the
    // tab here is one that is not a site at all: no content script answers.
    const other = await session.context.newPage();
    await other.goto(`chrome-extension://${session.extensionId}/options.html`);
    const popup = await openPopup(await tabIdOf(other));
    try {
      await expect
        .poll(() =>
          popup.getByText('This tab is not X, Facebook or LinkedIn', { exact: false }).isVisible(),
        )
        .toBe(true);
      const card = cardOf(popup, 'RoadRunner 3.0 is here');
      expect(await card.getByRole('button', { name: 'Insert' }).count()).toBe(0);
      const share = card.getByRole('link', { name: 'Share on X' });
      const href = new URL((await share.getAttribute('href'))!);
      expect(href.origin + href.pathname).toBe('https://x.com/intent/post');
      expect(href.searchParams.get('text')).toContain('utm_source=x');
      expect(await card.getByRole('button', { name: 'Copy' }).count()).toBe(1);
    } finally {
      await popup.close();
      await other.close();
    }
  });

  it('the options page shows the same log, and the popup’s My activity counts the posts', async () => {
    const options = await session.context.newPage();
    try {
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const log = options.getByRole('table', { name: 'Your shares, newest first' });
      await log.waitFor();
      const rows = await log.getByRole('row').allTextContents();
      expect(
        rows.some((row) => row.includes("We're hiring engineers") && row.includes('Posted')),
      ).toBe(true);
      await options
        .getByRole('combobox', { name: 'Network', exact: true })
        .selectOption('linkedin');
      // LinkedIn: the posted item (inserted, then posted), and the insert that Ctrl+Z undid.
      await expect
        .poll(async () =>
          (await log.getByRole('row').allTextContents())
            .slice(1)
            .map((row) => [row.includes('LinkedIn'), row.includes('Posted')]),
        )
        .toEqual([
          [true, false],
          [true, true],
          [true, false],
        ]);

      const popup = await openPopup(await tabIdOf(page));
      await popup.getByRole('tab', { name: 'My activity' }).click();
      const chart = popup.getByRole('img', { name: /Posts per week, by network/ });
      // Four posts so far in this file: one per site, and the edited one on X.
      await expect.poll(() => chart.textContent()).toContain('4 posts in the last 8 weeks');
      await popup.close();
    } finally {
      await options.close();
    }
  });
});
