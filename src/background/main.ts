import { browser } from 'wxt/browser';

/** Wires the background's listeners. Pack delivery and the activity log attach here. */
export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Nothing to migrate yet; the hook exists so upgrades have one place to run.
  });
}
