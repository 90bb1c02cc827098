import { browser } from 'wxt/browser';
import { starterPack } from '@/src/policy/starter';
import type { OptionsMessage, OptionsResponse } from '@/src/messages';
import { acceptOptionsMessage } from './messages';
import { REFRESH_ALARM, RETRY_ALARM } from './schedule';
import { PackUpdater, type PackUpdaterOptions, type UpdateReason } from './updater';

export interface PackUpdatesOptions extends Partial<PackUpdaterOptions> {
  /**
   * When a worker started for something else may catch up on overdue packs (at once when not
   * given). The catch-up compiles the packs on the worker's one thread, tens of milliseconds:
   * a worker woken by a person focusing a compose box answers their first check first.
   */
  catchUpAfter?: Promise<unknown>;
}

/**
 * Keeps the organisation's packs up to date: at browser start-up, on the refresh and retry
 * alarms, whenever the admin changes the managed settings, and when the options page asks.
 */
export function startPackUpdates(options: PackUpdatesOptions = {}): PackUpdater {
  const { catchUpAfter, ...updaterOptions } = options;
  const updater = new PackUpdater({ starter: starterPack(), ...updaterOptions });
  let updated = false;
  const run = (reason: UpdateReason) => {
    updated = true;
    updater.update(reason).catch((error: unknown) => {
      console.error(`Postguard: updating the policy packs (${reason}) failed`, error);
    });
  };

  // Listeners first and synchronously: an event that woke the worker is delivered only to
  // listeners added in its first turn.
  // Both fire in one start when the browser starts and installs or updates Postguard at once
  // (Firefox does for an add-on installed at start-up): fetch once.
  let startedUp = false;
  const startUp = () => {
    if (startedUp) return;
    startedUp = true;
    run('startup');
  };
  browser.runtime.onStartup.addListener(startUp);
  browser.runtime.onInstalled.addListener(startUp);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) run('refresh');
    else if (alarm.name === RETRY_ALARM) run('retry');
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') run('managed-changed');
  });
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = acceptOptionsMessage(
      raw,
      sender,
      browser.runtime.id,
      browser.runtime.getURL('/'),
    );
    if (!message) return undefined;
    return handleOptionsMessage(updater, message);
  });

  // The worker also starts for other reasons (a message, an alarm): catch up on what is
  // overdue, unless an update this start asked for has done so.
  const catchUp = () => {
    if (!updated) run('wake');
  };
  void (catchUpAfter ?? Promise.resolve()).then(catchUp, catchUp);
  return updater;
}

export async function handleOptionsMessage(
  updater: PackUpdater,
  message: OptionsMessage,
): Promise<OptionsResponse> {
  switch (message.kind) {
    case 'check-packs-now':
      await updater.update('check-now');
      return { ok: true };
    case 'import-pack':
      return updater.importPack(message.fileName, message.text);
    case 'remove-pack':
      return updater.removePack(message.packId);
  }
}
