import { browser } from 'wxt/browser';

/**
 * Two alarms: the regular refresh every `refreshMinutes`, and one retry at the earliest time
 * a failing source is due again (the backoff). Alarms outlive the service worker, which the
 * browser stops when idle; timers would not.
 */

export const REFRESH_ALARM = 'postguard-packs-refresh';
export const RETRY_ALARM = 'postguard-packs-retry';

/** Creates the refresh alarm, unless one with this period already runs (re-creating would reset it). */
export async function ensureRefreshAlarm(refreshMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === refreshMinutes) return;
  await browser.alarms.create(REFRESH_ALARM, {
    delayInMinutes: refreshMinutes,
    periodInMinutes: refreshMinutes,
  });
}

/** One retry alarm at `when` (ms since the epoch), or none. */
export async function scheduleRetry(when: number | undefined): Promise<void> {
  if (when === undefined) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  const existing = await browser.alarms.get(RETRY_ALARM);
  if (existing && existing.scheduledTime === when) return;
  await browser.alarms.create(RETRY_ALARM, { when });
}

/** Failing sources are tried again after 1, 2, 4, 8... minutes, never later than the refresh. */
export function retryDelayMs(failures: number, refreshMinutes: number, random: number): number {
  const minutes = Math.min(refreshMinutes, 2 ** Math.max(0, Math.min(failures - 1, 20)));
  // Up to a fifth more, so that a thousand browsers that failed together do not retry together.
  return Math.round(minutes * 60_000 * (1 + random * 0.2));
}
