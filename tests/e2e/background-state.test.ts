// What the background keeps, in Chromium and in Firefox: the packs' refresh alarm (alarms outlive
// Chromium's service worker and Firefox's event page, timers do not), and the browser session's
// start in `storage.session`, which the updater's start-up grace reads.
import { expect, it } from 'vitest';
import { describeInEachBrowser, eventually } from './support/driver-session';

// The extension's global, as the evaluated functions see it.
declare const chrome: {
  alarms: {
    getAll(): Promise<{ name: string; periodInMinutes?: number; scheduledTime: number }[]>;
  };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

describeInEachBrowser('the background', undefined, (session) => {
  it('keeps an hourly refresh alarm for the packs', async () => {
    const { browser } = session();
    const alarms = () =>
      browser.extensionEvaluate(async () => {
        const all = await chrome.alarms.getAll();
        return all.map(({ name, periodInMinutes, scheduledTime }) => ({
          name,
          periodInMinutes,
          inFuture: scheduledTime > Date.now(),
        }));
      }, undefined);
    await eventually(
      async () => (await alarms()).find((alarm) => alarm.name === 'postguard-packs-refresh'),
      { name: 'postguard-packs-refresh', periodInMinutes: 60, inFuture: true },
      'the refresh alarm',
    );
  });

  it('notes when this browser session started, in session storage', async () => {
    const { browser } = session();
    const startedAt = await eventually(
      () =>
        browser.extensionEvaluate(async () => {
          const stored = await chrome.storage.session.get('sessionStartedAt');
          return typeof stored.sessionStartedAt === 'number';
        }, undefined),
      true,
      'sessionStartedAt in storage.session',
    );
    expect(startedAt).toBe(true);
    const value = await browser.extensionEvaluate(
      async () => (await chrome.storage.session.get('sessionStartedAt')).sessionStartedAt as number,
      undefined,
    );
    expect(value).toBeLessThanOrEqual(Date.now());
    expect(value).toBeGreaterThan(Date.now() - 10 * 60_000);
  });
});
