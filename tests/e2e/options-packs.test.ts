// The options page's packs section in the built extension, in Chromium: the packs in force as
// the background stored them, "Check now", and the playground running the same checker as the
// overlay. Importing a pack runs in every browser (cross-browser-share.test.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './harness';

let session: ExtensionSession;
let options: Page;

async function packRows(): Promise<(string | null)[]> {
  const rows = options.getByRole('table', { name: 'Packs in force' }).locator('tbody tr');
  return rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-pack-id')));
}

beforeAll(async () => {
  session = await launchWithExtension();
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('table', { name: 'Packs in force' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('options page: policy packs', () => {
  it('shows the bundled starter pack in force before any admin pushes one', async () => {
    expect(await packRows()).toEqual(['postguard-starter']);
    const row = options.locator('tr[data-pack-id="postguard-starter"]');
    expect(await row.textContent()).toContain('Built into Postguard');
    await options.getByText('has not pushed any packs', { exact: false }).waitFor();
  });

  // Importing a pack, its effect in a compose box, Remove, and a refused file run in every
  // browser: see cross-browser-share.test.ts.

  it('"Check now" runs a check in the background and says so', async () => {
    await options.getByRole('button', { name: 'Check now' }).click();
    await options.getByText('Checked just now.').waitFor();
    await options.getByText(/^Last checked .*; checked every 60 minutes\.$/).waitFor();
  });

  it('the playground shows the findings the overlay would, per network', async () => {
    await options
      .getByLabel('Post to try')
      .fill(`${'WE ARE SHIPPING THIS WEEK '.repeat(12)}`.trim());
    await options.getByLabel('Network to try it on').selectOption('x');
    const findings = options.getByRole('list', { name: 'Findings' });
    await findings.waitFor();
    const ruleIds = await findings
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule-id')));
    expect(ruleIds.some((id) => id?.startsWith('length'))).toBe(true);
    expect(ruleIds.some((id) => id?.startsWith('tone'))).toBe(true);
    await options.getByLabel('Network to try it on').selectOption('linkedin');
    await expect
      .poll(() =>
        findings
          .locator('li')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule-id'))),
      )
      .not.toContainEqual(expect.stringMatching(/^length/));
  });
});
