// The popup's library and the options page, in Chromium and in Firefox: the popup lists what is
// in force for the tab's network and filters it; Ctrl+Z undoes an insert in each editor; an
// edited post is logged as edited; a tab that is no site gets the share link and Copy; the
// options page shows the same log and the popup's My activity counts the posts. The options
// page's packs: the starter in force, "Check now", and the playground.
import { beforeAll, expect, it } from 'vitest';
import {
  click,
  query,
  waitForCondition,
  waitForSelector,
  waitForText,
  type DriverBrowser,
  type DriverPage,
} from './support/driver';
import { describeInEachBrowser, eventually } from './support/driver-session';
import {
  DRIVER_BOXES,
  boxPosts,
  boxState,
  openDriverBox,
  pressSubmit,
  type DriverBox,
} from './support/driver-boxes';
import { clickButtonIn, selectByLabel, textsOf, valueByLabel } from './support/driver-forms';
import { loggedShares, testPack } from './support/approved-content';

const boxNamed = (name: string): DriverBox => DRIVER_BOXES.find((box) => box.name === name)!;
const X_HOME = boxNamed('x-home');
const CARD_TITLES = 'ul[aria-label="Approved content"] article h2';

const locationOf = (page: DriverPage) => page.evaluate(() => location.href, undefined);

/** The rows of the table whose caption is `caption`, as text. */
function tableRows(page: DriverPage, caption: string): Promise<string[]> {
  return page.evaluate((words) => {
    const table = [...document.querySelectorAll('table')].find(
      (candidate) => candidate.caption?.textContent?.trim() === words,
    );
    return [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => row.textContent ?? '');
  }, caption);
}

describeInEachBrowser(
  'the popup’s library',
  () => [testPack()],
  (session) => {
    let page: DriverPage;
    let browser: DriverBrowser;
    beforeAll(() => {
      ({ page, browser } = session());
    });

    /** Opens the box, focuses it, and opens the popup page for its tab. */
    async function focusAndOpenPopup(
      box: DriverBox,
    ): Promise<{ selector: string; popup: DriverPage }> {
      const selector = await openDriverBox(page, box);
      await click(page, selector);
      const popup = await browser.extensionPage(
        `/popup.html?tab=${await browser.tabIdOf(await locationOf(page))}`,
      );
      await waitForSelector(popup, 'ul[aria-label="Approved content"]', 'attached');
      return { selector, popup };
    }

    it('hides items outside their days, starts on the tab’s network, and filters as you type', async () => {
      const { popup } = await focusAndOpenPopup(X_HOME);
      try {
        await eventually(() => valueByLabel(popup, 'Network'), 'x', 'the network filter');
        // Volunteer day is for Facebook and LinkedIn; the rest of the demo pack is for X too.
        await eventually(
          async () => (await textsOf(popup, CARD_TITLES)).sort(),
          ['Our 2026 impact report', 'RoadRunner 3.0 is here', "We're hiring engineers"].sort(),
          'the items for X',
        );
        await selectByLabel(popup, 'Network', '');
        await eventually(
          async () => (await textsOf(popup, CARD_TITLES)).includes('Volunteer day photos'),
          true,
          'every network’s items',
        );
        const all = await textsOf(popup, CARD_TITLES);
        expect(all).toHaveLength(4);
        expect(all).not.toContain('Last week’s webinar');
        expect(all).not.toContain('Spring preview');
        await click(popup, 'input[type="search"]');
        await popup.type('webinar');
        await waitForText(popup, 'Nothing matches.');
      } finally {
        await popup.close();
      }
    });

    it.each(['x-home', 'facebook-post', 'linkedin-post'])(
      '%s: Ctrl+Z undoes an insert, as it undoes a paste',
      async (name) => {
        const box = boxNamed(name);
        const { selector, popup } = await focusAndOpenPopup(box);
        try {
          await clickButtonIn(popup, 'article', 'RoadRunner 3.0 is here', 'Insert');
          await waitForText(popup, 'Inserted “RoadRunner 3.0 is here”');
          await eventually(
            async () => (await boxState(page, box)).includes('RoadRunner 3.0'),
            true,
            'the inserted item',
          );
          await page.bringToFront();
          await click(page, selector);
          await page.press('Control+z');
          await eventually(() => boxState(page, box), '', 'the state after Ctrl+Z');
        } finally {
          await popup.close();
        }
      },
    );

    it('logs an edited post as edited', async () => {
      const { selector, popup } = await focusAndOpenPopup(X_HOME);
      try {
        const before = await loggedShares(popup);
        await clickButtonIn(popup, 'article', 'RoadRunner 3.0 is here', 'Insert');
        await waitForText(popup, 'Inserted “RoadRunner 3.0 is here”');
        await eventually(
          async () => (await boxState(page, X_HOME)).includes('RoadRunner 3.0 is out today'),
          true,
          'the inserted item',
        );
        await page.bringToFront();
        await click(page, selector);
        await page.press('Control+End');
        await page.type(' Thrilled!');
        const posts = (await boxPosts(page)).length;
        await pressSubmit(page, X_HOME, selector);
        await eventually(async () => (await boxPosts(page)).length, posts + 1, 'posts');
        expect((await boxPosts(page))[posts]!.text.endsWith(' Thrilled!')).toBe(true);
        await eventually(
          async () =>
            (await loggedShares(popup))
              .filter((row) => !before.some((old) => old.id === row.id) && row.action === 'posted')
              .map((row) => row.edited),
          [true],
          'the post logged as edited',
        );
      } finally {
        await popup.close();
      }
    });

    it('with no compose box, offers the share dialog and Copy instead of Insert', async () => {
      // Every fixture page has a compose box on it, so the tab here is one that is no site.
      const other = await browser.extensionPage('/options.html');
      const popup = await browser.extensionPage(
        `/popup.html?tab=${await browser.tabIdOf(await locationOf(other))}`,
      );
      try {
        await waitForText(popup, 'This tab is not X, Facebook or LinkedIn');
        const card = await popup.evaluate((title) => {
          const article = [...document.querySelectorAll('article')].find(
            (candidate) => candidate.querySelector('h2')?.textContent?.trim() === title,
          );
          const buttons = [...(article?.querySelectorAll('button') ?? [])].map(
            (button) => button.textContent?.trim() ?? '',
          );
          const share = [...(article?.querySelectorAll('a') ?? [])].find(
            (link) => link.textContent?.trim() === 'Share on X',
          );
          return { buttons, share: share?.getAttribute('href') ?? null };
        }, 'RoadRunner 3.0 is here');
        expect(card.buttons).not.toContain('Insert');
        expect(card.buttons.filter((label) => label === 'Copy')).toHaveLength(1);
        const href = new URL(card.share!);
        expect(href.origin + href.pathname).toBe('https://x.com/intent/post');
        expect(href.searchParams.get('text')).toContain('utm_source=x');
      } finally {
        await popup.close();
        await other.close();
      }
    });

    it('the options page shows the same log, and the popup’s My activity counts the posts', async () => {
      const options = await browser.extensionPage('/options.html');
      try {
        const caption = 'Your shares, newest first';
        await eventually(
          async () =>
            (await tableRows(options, caption)).some(
              (row) => row.includes('RoadRunner 3.0 is here') && row.includes('Posted'),
            ),
          true,
          'the posted share in the log',
        );
        await selectByLabel(options, 'Network', 'linkedin');
        // LinkedIn: the insert that Ctrl+Z undid, never posted.
        await eventually(
          async () =>
            (await tableRows(options, caption)).map((row) => [
              row.includes('LinkedIn'),
              row.includes('Posted'),
            ]),
          [[true, false]],
          'LinkedIn’s rows',
        );
        const popup = await browser.extensionPage(
          `/popup.html?tab=${await browser.tabIdOf(await locationOf(page))}`,
        );
        try {
          await clickButtonIn(popup, '[role="tablist"]', '', 'My activity');
          // One post so far in this session: the edited one on X.
          await waitForCondition(
            popup,
            () =>
              document
                .querySelector('svg[role="img"] desc')
                ?.textContent?.includes('1 post in the last 8 weeks') === true,
            undefined,
            'the chart counts one post',
          );
        } finally {
          await popup.close();
        }
      } finally {
        await options.close();
      }
    });
  },
);

describeInEachBrowser('the options page’s packs', undefined, (session) => {
  let options: DriverPage;
  beforeAll(async () => {
    options = await session().browser.extensionPage('/options.html');
    await waitForText(options, 'Packs in force');
  });

  it('shows the bundled starter pack in force before any admin pushes one', async () => {
    await eventually(
      () =>
        options.evaluate(
          () =>
            [...document.querySelectorAll('tr[data-pack-id]')].map((row) =>
              row.getAttribute('data-pack-id'),
            ),
          undefined,
        ),
      ['postguard-starter'],
      'the packs in force',
    );
    const row = await options.evaluate(
      () => document.querySelector('tr[data-pack-id="postguard-starter"]')?.textContent ?? '',
      undefined,
    );
    expect(row).toContain('Built into Postguard');
    await waitForText(options, 'has not pushed any packs');
  });

  it('"Check now" runs a check in the background and says so', async () => {
    await clickButtonIn(options, 'body', '', 'Check now');
    await waitForText(options, 'Checked just now.');
    await waitForCondition(
      options,
      () => /Last checked .*; checked every 60 minutes\./.test(document.body.innerText),
      undefined,
      'when it last checked, and how often',
    );
  });

  it('the playground shows the findings the overlay would, per network', async () => {
    await waitForCondition(
      options,
      () => {
        const label = [...document.querySelectorAll('label')].find(
          (element) => element.textContent?.trim() === 'Post to try',
        );
        label?.control?.setAttribute('data-postguard-test-post', '');
        return label?.control != null;
      },
      undefined,
      'the playground’s post',
    );
    await click(options, '[data-postguard-test-post]');
    await options.type(`${'WE ARE SHIPPING THIS WEEK '.repeat(12)}`.trim());
    await selectByLabel(options, 'Network to try it on', 'x');
    const findings = () =>
      options.evaluate(
        () =>
          [...document.querySelectorAll('ul[aria-label="Findings"] li')].map(
            (item) => item.getAttribute('data-rule-id') ?? '',
          ),
        undefined,
      );
    await eventually(
      async () => {
        const ids = await findings();
        return ids.some((id) => id.startsWith('length')) && ids.some((id) => id.startsWith('tone'));
      },
      true,
      'length and tone findings on X',
    );
    await selectByLabel(options, 'Network to try it on', 'linkedin');
    await eventually(
      async () => (await findings()).some((id) => id.startsWith('length')),
      false,
      'no length finding on LinkedIn',
    );
    expect((await query(options, 'ul[aria-label="Findings"]')).found).toBe(1);
  });
});
