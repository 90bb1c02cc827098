// The overlay as a test reads and uses it over the driver interface: what it draws, its fixes.
import { OVERLAY, OVERLAY_BADGE, OVERLAY_CARD, click, waitForSelector } from './driver';
import type { DriverPage } from './driver';

/** Opens the card from the badge and clicks one of a finding's fixes, by its label. */
export async function clickFix(page: DriverPage, ruleId: string, label: string): Promise<void> {
  await click(page, OVERLAY_BADGE);
  await waitForSelector(page, OVERLAY_CARD, 'visible');
  await click(page, `${OVERLAY_CARD} [data-rule-id="${ruleId}"] button[data-fix='${label}']`);
}

/** The rules whose underlines are drawn now, sorted, each once. */
export function drawnRuleIds(page: DriverPage): Promise<string[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const lines = root ? [...root.querySelectorAll<HTMLElement>('.underline:not([hidden])')] : [];
    return [...new Set(lines.map((line) => line.dataset.ruleId ?? ''))].sort();
  }, OVERLAY);
}

/** The badge's view of the box: the network and the kind of box it names. */
export function badgeContext(page: DriverPage) {
  return page.evaluate((selector) => {
    const found = document
      .querySelector('postguard-overlay')
      ?.shadowRoot?.querySelector<HTMLElement>(selector);
    return { network: found?.dataset.network, context: found?.dataset.context };
  }, '.badge:not([hidden])');
}
