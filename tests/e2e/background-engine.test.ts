// The checking engine runs in the background (src/background/engine.ts), which Chrome stops
// when it has been idle for 30 seconds: a compose box must go on being checked when its worker
// has been stopped under it, and a submission must still be judged. Chromium only: CDP can stop
// an extension's service worker (Target.closeTarget), while WebDriver BiDi, which drives
// Firefox here, cannot suspend its event page. Every other compose behaviour, through the same
// port to the background, runs in both browsers (cross-browser-compose.test.ts and others).
import { describe, expect, it } from 'vitest';
import {
  X_HOME,
  openBox,
  readPosts,
  serviceWorkerRuns,
  stopServiceWorker,
  typeInto,
} from './harness';
import { acmeDemoSessionInChromium } from './support/acme-session';
import { card, underline, waitForFinding } from './support/overlay';

const opened = acmeDemoSessionInChromium();

describe('the background engine, stopped under an open compose box', () => {
  it('wakes for the next keys: the box is checked again and a submission is still held', async () => {
    const { session, page } = opened();
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Today ');
    await page.waitForTimeout(300);
    expect(await stopServiceWorker(page, session.extensionId)).toBe(1);
    await expect.poll(() => serviceWorkerRuns(page, session.extensionId)).toBe(false);
    await page.keyboard.type('Nightjar ships');
    await waitForFinding(page, 'confidential.codenames');
    expect(await serviceWorkerRuns(page, session.extensionId)).toBe(true);

    // Stopped again, and the post sent right away: it waits for its check, and is held.
    expect(await stopServiceWorker(page, session.extensionId)).toBe(1);
    await page.keyboard.type('!');
    await X_HOME.submit(page, box);
    const confirm = card(page).and(page.locator('[data-mode="confirm"]'));
    await confirm.waitFor({ state: 'visible' });
    expect(await confirm.locator('[data-rule-id="confidential.codenames"]').count()).toBe(1);
    expect(await readPosts(page)).toEqual([]);
    expect(await underline(page, 'confidential.codenames').count()).toBeGreaterThan(0);
  });
});
