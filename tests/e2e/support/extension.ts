// What the extension put into a page: its overlay host, the findings the overlay shows, and the
// content script's isolated world (which proves the extension, not the page, is at work); and
// its service worker's life, which Chrome ends when idle.
import type { CDPSession, Locator, Page } from 'playwright-core';

/** The overlay's host element; mirrors OVERLAY_HOST_TAG in src/compose/main.ts. */
export const OVERLAY_HOST_TAG = 'postguard-overlay';

export async function waitForOverlay(page: Page): Promise<Locator> {
  const host = page.locator(OVERLAY_HOST_TAG);
  await host.waitFor({ state: 'attached' });
  return host;
}

export interface ShownFinding {
  ruleId: string;
  /** `data-severity` of the element, when it has one. */
  severity: string;
  /** The message, when the overlay shows one (an open card); empty for an underline alone. */
  message: string;
}

/**
 * The findings the overlay shows now, one per rule: every element carrying `data-rule-id` in its
 * (open) shadow root, whether an underline or a section of an open card.
 */
export async function readShownFindings(page: Page): Promise<ShownFinding[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root) return [];
    const byRule = new Map<string, { ruleId: string; severity: string; message: string }>();
    for (const element of root.querySelectorAll<HTMLElement>('[data-rule-id]')) {
      if (element.hidden) continue;
      const ruleId = element.dataset.ruleId ?? '';
      const message = (
        element.querySelector('.message')?.textContent ??
        element.textContent ??
        ''
      ).trim();
      const known = byRule.get(ruleId);
      if (known && (known.message !== '' || message === '')) continue;
      byRule.set(ruleId, { ruleId, severity: element.dataset.severity ?? '', message });
    }
    return [...byRule.values()];
  }, OVERLAY_HOST_TAG);
}

/**
 * The ids of the page's JavaScript worlds that belong to the extension: the isolated worlds
 * Chromium creates for its content scripts, whose origin is chrome-extension://<id>.
 */
export async function extensionWorldIds(page: Page, extensionId: string): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const ids: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === `chrome-extension://${extensionId}`) ids.push(context.id);
    });
    // Enabling reports every existing context before it returns.
    await cdp.send('Runtime.enable');
    return ids;
  } finally {
    await cdp.detach();
  }
}

/**
 * Evaluates an expression inside the extension's content-script world (where its globals and
 * closed shadow roots are visible) and returns the value.
 */
export async function evaluateInExtensionWorld<T>(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let worldId: number | undefined;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === `chrome-extension://${extensionId}`) worldId ??= context.id;
    });
    await cdp.send('Runtime.enable');
    if (worldId === undefined) throw new Error('The extension has no content script in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: worldId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`In the extension's world: ${exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * Stops the extension's service worker, as Chrome does when it has been idle for 30 seconds
 * (CDP's Target.closeTarget); the next message wakes it. Returns how many were stopped.
 */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const workers = await extensionWorkerTargets(cdp, extensionId);
    for (const worker of workers)
      await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    return workers.length;
  } finally {
    await cdp.detach();
  }
}

/** Whether the extension's service worker is running now. */
export async function serviceWorkerRuns(page: Page, extensionId: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await extensionWorkerTargets(cdp, extensionId)).length > 0;
  } finally {
    await cdp.detach();
  }
}

async function extensionWorkerTargets(
  cdp: CDPSession,
  extensionId: string,
): Promise<{ targetId: string }[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  return targetInfos.filter(
    (target) => target.type === 'service_worker' && target.url.includes(extensionId),
  );
}
