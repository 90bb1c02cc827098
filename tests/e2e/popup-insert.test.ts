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
import { setPacksInForce } from './support/policy';
import { loggedShares, testPack } from './support/approved-content';
import { playwrightPage } from './support/driver-chromium';

let session: ExtensionSession;
let page: Page;

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

// Inserting each network's item, posting it and logging both runs in every browser: see
// cross-browser-share.test.ts.

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
      const before = await loggedShares(playwrightPage(popup));
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
          (await loggedShares(playwrightPage(popup)))
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
        rows.some((row) => row.includes('RoadRunner 3.0 is here') && row.includes('Posted')),
      ).toBe(true);
      await options
        .getByRole('combobox', { name: 'Network', exact: true })
        .selectOption('linkedin');
      // LinkedIn: the insert that Ctrl+Z undid, never posted. (Inserting and posting on each
      // network is cross-browser-share.test.ts's, in a session of its own.)
      await expect
        .poll(async () =>
          (await log.getByRole('row').allTextContents())
            .slice(1)
            .map((row) => [row.includes('LinkedIn'), row.includes('Posted')]),
        )
        .toEqual([[true, false]]);

      const popup = await openPopup(await tabIdOf(page));
      await popup.getByRole('tab', { name: 'My activity' }).click();
      const chart = popup.getByRole('img', { name: /Posts per week, by network/ });
      // One post so far in this file: the edited one on X.
      await expect.poll(() => chart.textContent()).toContain('1 post in the last 8 weeks');
      await popup.close();
    } finally {
      await options.close();
    }
  });
});
