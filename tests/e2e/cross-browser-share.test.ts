// Approved content and imported packs, in every browser: the popup page for a fixture tab
// inserts an item into each editor's own state and the post and the insert are logged; the
// options page imports a pack through the background, it takes effect in an open compose box,
// Remove ends it, and a broken file is refused with its JSON path.
import { beforeAll, expect, it } from 'vitest';
import {
  click,
  underlineOf,
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
  typeIntoBox,
} from './support/driver-boxes';
import { INSERT_CASES, loggedShares, testPack } from './support/approved-content';

/** Marks and clicks the Insert button of the popup's card titled `title`. */
async function insertFromPopup(popup: DriverPage, title: string): Promise<void> {
  await waitForCondition(
    popup,
    (heading) => {
      const card = [...document.querySelectorAll('article')].find(
        (article) => article.querySelector('h2')?.textContent?.trim() === heading,
      );
      const insert = [...(card?.querySelectorAll('button') ?? [])].find(
        (button) => button.textContent?.trim() === 'Insert',
      );
      insert?.setAttribute('data-postguard-test-insert', '');
      return insert !== undefined;
    },
    title,
    `the Insert button of “${title}”`,
  );
  await click(popup, '[data-postguard-test-insert]');
}

describeInEachBrowser(
  'the popup’s approved content',
  () => [testPack()],
  (session) => {
    let page: DriverPage;
    let browser: DriverBrowser;
    beforeAll(() => {
      ({ page, browser } = session());
    });

    it.each(INSERT_CASES)(
      '$boxName: inserts the item into the editor, posts it with its tagged link, and logs the insert and the post',
      async (c) => {
        const box = DRIVER_BOXES.find((candidate) => candidate.name === c.boxName)!;
        const network = box.site;
        const selector = await openDriverBox(page, box);
        await click(page, selector);
        const tabId = await browser.tabIdOf(await page.evaluate(() => location.href, undefined));
        const popup = await browser.extensionPage(`/popup.html?tab=${tabId}`);
        try {
          await waitForSelector(popup, 'ul[aria-label="Approved content"]', 'visible');
          const before = await loggedShares(popup);
          await insertFromPopup(popup, c.title);
          await waitForText(popup, `Inserted “${c.title}”`);

          // The editor's own state holds the wording and the tagged link.
          await eventually(
            async () => (await boxState(page, box)).includes(c.wording),
            true,
            'the wording in the editor',
          );
          await page.bringToFront();
          const posted = (await boxPosts(page)).length;
          await pressSubmit(page, box, selector);
          await eventually(async () => (await boxPosts(page)).length, posted + 1, 'posts');
          const text = (await boxPosts(page))[posted]!.text;
          expect(text.startsWith(c.wording)).toBe(true);
          expect(text).toContain('#ACMEemployee');

          // The link keeps its own parameters and carries the pack's UTM values for this network.
          const link = text.split(/\s+/).find((word) => word.startsWith('https://'));
          expect(link).toBeDefined();
          const url = new URL(link!);
          const own = new URL(c.url);
          expect(url.origin + url.pathname).toBe(own.origin + own.pathname);
          for (const [key, value] of own.searchParams)
            expect(url.searchParams.get(key)).toBe(value);
          expect(url.searchParams.get('utm_source')).toBe(network);
          expect(url.searchParams.get('utm_medium')).toBe('employee-advocacy');
          expect(url.searchParams.get('utm_campaign')).toBe(c.campaign);
          expect(url.searchParams.get('utm_content')).toBe(c.contentId);
          expect(link!.startsWith(c.url)).toBe(true);

          // The popup logged the insert; the background logged the post that followed.
          const newRows = async () =>
            (await loggedShares(popup)).filter((row) => !before.some((old) => old.id === row.id));
          await eventually(
            async () => (await newRows()).map((row) => row.action).sort(),
            ['inserted', 'posted'],
            'the logged shares',
          );
          for (const row of await newRows()) {
            expect(row).toMatchObject({
              contentId: c.contentId,
              network,
              packId: 'acme-social',
              packVersion: '2026.12.0',
              edited: false,
            });
            expect(JSON.stringify(row)).not.toContain(c.wording);
          }
        } finally {
          await popup.close();
        }
      },
    );
  },
);

const IMPORTED_PACK = {
  format: 'postguard/pack@1',
  id: 'my-team',
  name: 'My team’s extra words',
  version: '1.0.0',
  extends: ['postguard-starter'],
  rules: [
    {
      id: 'team.codenames',
      kind: 'terms',
      severity: 'error',
      message: '{match} is our team’s code name.',
      terms: ['Kestrel'],
    },
  ],
};

const PACK_INPUT = 'input[type="file"]';

describeInEachBrowser('the options page’s packs', undefined, (session) => {
  let page: DriverPage;
  let options: DriverPage;
  beforeAll(async () => {
    page = session().page;
    options = await session().browser.extensionPage('/options.html');
    await waitForSelector(options, 'tr[data-pack-id]', 'visible');
  });

  const packRows = () =>
    options.evaluate(
      () =>
        [...document.querySelectorAll('tbody tr[data-pack-id]')].map((row) =>
          row.getAttribute('data-pack-id'),
        ),
      undefined,
    );

  it('imports a pack through the background; it takes effect in a compose box; Remove ends it', async () => {
    expect(await packRows()).toEqual(['postguard-starter']);
    await options.setInputFile(PACK_INPUT, {
      name: 'my-team.json',
      contents: JSON.stringify(IMPORTED_PACK),
    });
    await waitForText(options, 'my-team.json is in force.');
    await eventually(packRows, ['postguard-starter', 'my-team'], 'the packs in force');

    const box = DRIVER_BOXES.find((candidate) => candidate.name === 'x-home')!;
    const selector = await openDriverBox(page, box);
    await typeIntoBox(page, box, selector, 'Kestrel is nearly ready');
    await waitForSelector(page, underlineOf('team.codenames'), 'attached');

    await options.bringToFront();
    await click(options, 'button[aria-label="Remove My team’s extra words"]');
    await waitForText(options, 'My team’s extra words is no longer in force.');
    await eventually(packRows, ['postguard-starter'], 'the packs in force');
    // The open tab recompiles from storage without a reload.
    await waitForSelector(page, underlineOf('team.codenames'), 'hidden');
  });

  it('refuses a broken pack file with its JSON path and keeps what is in force', async () => {
    const broken = { ...IMPORTED_PACK, rules: [{ ...IMPORTED_PACK.rules[0], severity: 'fatal' }] };
    await options.setInputFile(PACK_INPUT, {
      name: 'broken.json',
      contents: JSON.stringify(broken),
    });
    await waitForText(options, 'broken.json was not imported');
    await waitForText(options, 'rules[0].severity');
    expect(await packRows()).toEqual(['postguard-starter']);
  });
});
