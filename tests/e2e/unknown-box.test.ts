// When a site changes its markup again, in Chromium and in Firefox: a box no adapter recognises
// (a plain contenteditable with role="textbox" and new class names) still gets the checks through
// the generic driver, a fix made there is read back before it counts, and the sighting (never the
// text) shows in the options page for the person to pass on to their admin.
import { beforeAll, expect, it } from 'vitest';
import {
  OVERLAY,
  click,
  underlineOf,
  waitForSelector,
  type DriverBrowser,
  type DriverPage,
} from './support/driver';
import { describeInEachBrowser, eventually, sleep } from './support/driver-session';
import {
  boxState,
  openDriverBox,
  postAndRead,
  typeIntoBox,
  type DriverBox,
} from './support/driver-boxes';
import { clickFix, drawnRuleIds } from './support/driver-overlay';
import { bundledPack } from './support/policy';
import { SITE_URLS } from './support/routes';

const UNKNOWN_BOX: DriverBox = {
  name: 'unknown-editor',
  site: 'linkedin',
  editor: 'contenteditable',
  url: `${SITE_URLS.linkedin}?composer=unknown`,
  async open(page) {
    const selector = '.nx-composer [role="textbox"]';
    await waitForSelector(page, selector, 'visible');
    return selector;
  },
  submit: { click: '.nx-composer__send' },
  newLineKey: 'Enter',
  context: 'post',
};

const LINKEDIN_SHARE_BOX: DriverBox = {
  ...UNKNOWN_BOX,
  name: 'linkedin-post',
  editor: 'quill',
  url: `${SITE_URLS.linkedin}?composer=open`,
  async open(page) {
    const selector = '#interop-outlet >>> [role="dialog"] .ql-editor';
    await waitForSelector(page, selector, 'visible');
    return selector;
  },
};

describeInEachBrowser(
  'a box no adapter knows',
  () => [bundledPack('acme-demo')],
  (session) => {
    let page: DriverPage;
    let browser: DriverBrowser;
    beforeAll(() => {
      ({ page, browser } = session());
    });
    const sightings = () => browser.storageGet('unrecognisedBoxes');

    it('is checked, takes a fix that is read back, and is noted without its text', async () => {
      const selector = await openDriverBox(page, UNKNOWN_BOX);
      await typeIntoBox(page, UNKNOWN_BOX, selector, 'We tested Nightjar today');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      const network = await page.evaluate(
        (tag) =>
          document
            .querySelector(tag)
            ?.shadowRoot?.querySelector<HTMLElement>('.badge:not([hidden])')?.dataset.network,
        OVERLAY,
      );
      expect(network).toBe('linkedin');

      await clickFix(page, 'confidential.codenames', 'Remove');
      await eventually(() => boxState(page, UNKNOWN_BOX), 'We tested today', 'after Remove');
      await eventually(
        async () => (await drawnRuleIds(page)).includes('confidential.codenames'),
        false,
        'the finding is gone',
      );
      expect(await postAndRead(page, UNKNOWN_BOX, selector)).toBe('We tested today');

      // Noted locally: where and what, never the text.
      await eventually(async () => (await sightings()) !== undefined, true, 'a sighting');
      const stored = JSON.stringify(await sightings());
      expect(stored).toContain('"pathShape":"/feed/"');
      expect(stored).toContain('role=textbox');
      expect(stored).not.toContain('Nightjar');
      expect(stored).not.toContain('tested');

      const options = await browser.extensionPage('/options.html');
      try {
        const row = 'section[aria-labelledby="unrecognised-boxes-heading"] tbody tr';
        await waitForSelector(options, row, 'visible');
        const rowText = await options.evaluate(
          (wanted) => document.querySelector(wanted)?.textContent ?? '',
          row,
        );
        expect(rowText).toContain('/feed/');
        expect(rowText).toContain('contenteditable');
        expect(rowText).toMatch(/linkedin/i);
      } finally {
        await options.close();
      }
    });

    it('leaves a known box to its adapter: no sighting for LinkedIn’s own share box', async () => {
      await browser.storageRemove('unrecognisedBoxes');
      const selector = await openDriverBox(page, LINKEDIN_SHARE_BOX);
      await click(page, selector);
      await page.type('Heard about Project Magpie?');
      await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
      await sleep(300);
      expect(await sightings()).toBeUndefined();
    });
  },
);
