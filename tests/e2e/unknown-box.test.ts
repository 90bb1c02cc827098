// When a site changes its markup again: a box no adapter recognises (a plain contenteditable with
// role="textbox" and new class names) still gets the checks through the generic driver, a fix
// made there is read back before it counts, and the sighting (never the text) shows in the options
// page for the person to pass on to their admin.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SITE_URLS,
  launchWithExtension,
  openFixture,
  readState,
  submitAndRead,
  typeInto,
  type ComposeBoxFixture,
  type ExtensionSession,
} from './harness';
import { bundledPack, setPacksInForce } from './support/policy';
import { badge, clickFix, drawnRuleIds, openAllFindings, waitForFinding } from './support/overlay';

// The service worker's global, as the evaluated functions below see it.
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
};

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
  page = await session.tab();
});

afterAll(async () => {
  await session?.close();
});

const UNKNOWN_BOX: ComposeBoxFixture = {
  name: 'unknown-editor',
  site: 'linkedin',
  editor: 'lexical',
  url: `${SITE_URLS.linkedin}?composer=unknown`,
  open: async (p) => {
    const box = p.locator('.nx-composer [role="textbox"]');
    await box.waitFor({ state: 'visible' });
    return box;
  },
  submit: (p) => p.locator('.nx-composer__send').click(),
  newLineKey: 'Enter',
  context: 'post',
};

async function storedSightings(): Promise<unknown> {
  return session.serviceWorker.evaluate(async () => {
    const stored = await chrome.storage.local.get('unrecognisedBoxes');
    return stored.unrecognisedBoxes ?? null;
  });
}

it('checks a box no adapter knows, makes a fix there that it reads back, and notes the box', async () => {
  await openFixture(page, UNKNOWN_BOX.url);
  const box = await UNKNOWN_BOX.open(page);
  await typeInto(page, UNKNOWN_BOX, box, 'We tested Nightjar today');
  await waitForFinding(page, 'confidential.codenames');
  expect(await badge(page).first().getAttribute('data-network')).toBe('linkedin');

  await openAllFindings(page);
  await clickFix(page, 'confidential.codenames', 'Remove');
  await expect.poll(() => readState(page, UNKNOWN_BOX)).toBe('We tested today');
  await expect.poll(() => drawnRuleIds(page)).not.toContain('confidential.codenames');
  expect((await submitAndRead(page, UNKNOWN_BOX, box)).text).toBe('We tested today');

  // Noted locally: where and what, never the text.
  await expect.poll(storedSightings).not.toBeNull();
  const stored = JSON.stringify(await storedSightings());
  expect(stored).toContain('"pathShape":"/feed/"');
  expect(stored).toContain('role=textbox');
  expect(stored).not.toContain('Nightjar');
  expect(stored).not.toContain('tested');

  const options = await session.context.newPage();
  try {
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const section = options.locator('section[aria-labelledby="unrecognised-boxes-heading"]');
    const row = section.locator('tbody tr').first();
    await row.waitFor({ state: 'visible' });
    const rowText = await row.textContent();
    expect(rowText).toContain('/feed/');
    expect(rowText).toContain('contenteditable');
    expect(rowText).toMatch(/linkedin/i);
  } finally {
    await options.close();
  }
});

it('leaves a known box to its adapter: no sighting for LinkedIn’s own share box', async () => {
  await session.serviceWorker.evaluate(() => chrome.storage.local.remove('unrecognisedBoxes'));
  await openFixture(page, `${SITE_URLS.linkedin}?composer=open`);
  const box = page.locator('#interop-outlet [role="dialog"] .ql-editor');
  await box.waitFor({ state: 'visible' });
  await box.click();
  await page.keyboard.type('Heard about Project Magpie?');
  await waitForFinding(page, 'confidential.codenames');
  await page.waitForTimeout(300);
  expect(await storedSightings()).toBeNull();
});
