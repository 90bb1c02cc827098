// Reading and operating Postguard's compose overlay (an open shadow root) from a test.
import type { Locator, Page } from 'playwright-core';
import { OVERLAY_HOST_TAG } from './extension';

/** The overlay's shadow DOM, through Playwright's shadow-piercing CSS locators. */
export function overlay(page: Page): Locator {
  return page.locator(OVERLAY_HOST_TAG);
}

/** The underline (or point marker) of a rule's finding. */
export function underline(page: Page, ruleId: string): Locator {
  return overlay(page).locator(`.underline[data-rule-id="${ruleId}"]:not([hidden])`);
}

export function badge(page: Page): Locator {
  return overlay(page).locator('.badge:not([hidden])');
}

export function card(page: Page): Locator {
  return overlay(page).locator('.card:not([hidden])');
}

/** Waits for a rule's finding to be drawn on the text. */
export async function waitForFinding(page: Page, ruleId: string): Promise<Locator> {
  const line = underline(page, ruleId).first();
  await line.waitFor({ state: 'attached', timeout: 10_000 });
  return line;
}

/** The rule ids drawn on the page now (underlines and point markers, no duplicates). */
export async function drawnRuleIds(page: Page): Promise<string[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const lines = root ? [...root.querySelectorAll<HTMLElement>('.underline:not([hidden])')] : [];
    return [...new Set(lines.map((line) => line.dataset.ruleId ?? ''))].sort();
  }, OVERLAY_HOST_TAG);
}

/** Opens the card listing every finding of the box, from its badge. */
export async function openAllFindings(page: Page): Promise<Locator> {
  await badge(page).click();
  const shown = card(page);
  await shown.waitFor({ state: 'visible' });
  return shown;
}

/** Clicks a fix by its label in the open card. */
export async function clickFix(page: Page, ruleId: string, label: string): Promise<void> {
  await card(page)
    .locator(`[data-rule-id="${ruleId}"]`)
    .getByRole('button', { name: label, exact: true })
    .click();
}
