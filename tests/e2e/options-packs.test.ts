// The options page's packs section in the built extension: the packs in force as the
// background stored them, a pack imported from a file through the real background taking
// effect in a compose box and going away again on "Remove", and the playground running the
// same checker as the overlay.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X_HOME, launchWithExtension, openBox, typeInto, type ExtensionSession } from './harness';
import { drawnRuleIds, waitForFinding } from './support/overlay';

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

  it('imports a pack through the background; it takes effect in a compose box; Remove ends it', async () => {
    await options.getByLabel('Import a pack (.json)').setInputFiles({
      name: 'my-team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(IMPORTED_PACK)),
    });
    await options.getByText('my-team.json is in force.').waitFor();
    await expect.poll(packRows).toEqual(['postguard-starter', 'my-team']);
    expect(await options.locator('tr[data-rule-id="team.codenames"]').textContent()).toContain(
      'is our team’s code name.',
    );

    const page = await session.tab();
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Kestrel is nearly ready');
    await waitForFinding(page, 'team.codenames');

    await options.getByRole('button', { name: 'Remove My team’s extra words' }).click();
    await options.getByText('My team’s extra words is no longer in force.').waitFor();
    await expect.poll(packRows).toEqual(['postguard-starter']);
    // The open tab recompiles from storage without a reload.
    await expect.poll(() => drawnRuleIds(page)).not.toContain('team.codenames');
  });

  it('refuses a broken pack file with its JSON path and keeps what is in force', async () => {
    const broken = { ...IMPORTED_PACK, rules: [{ ...IMPORTED_PACK.rules[0], severity: 'fatal' }] };
    await options.getByLabel('Import a pack (.json)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const refusal = options.getByText('broken.json was not imported', { exact: false });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('rules[0].severity');
    expect(await packRows()).toEqual(['postguard-starter']);
  });

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
