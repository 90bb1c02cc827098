// What only Chromium can be made to do: IME composition. Chrome DevTools Protocol drives an
// input method (`Input.imeSetComposition`); WebDriver BiDi, which drives Firefox here, has no
// IME input, so this one behaviour is tested in Chromium alone. Every other compose behaviour
// runs in both browsers: cross-browser-compose.test.ts, cross-browser-overlay.test.ts and
// surfaces.test.ts.
import { describe, expect, it } from 'vitest';
import { FACEBOOK_POST, openBox, readState, typeInto } from './harness';
import { acmeDemoSessionInChromium } from './support/acme-session';
import { underline, waitForFinding } from './support/overlay';

const opened = acmeDemoSessionInChromium();

describe('IME composition', () => {
  it('checks when the composition ends, not during it', async () => {
    const { page } = opened();
    const box = await openBox(page, FACEBOOK_POST);
    await typeInto(page, FACEBOOK_POST, box, 'Code name ');
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Input.imeSetComposition', {
        text: 'Nightjar',
        selectionStart: 8,
        selectionEnd: 8,
      });
      await page.waitForTimeout(300);
      expect(await underline(page, 'confidential.codenames').count()).toBe(0);
      await cdp.send('Input.insertText', { text: 'Nightjar' });
    } finally {
      await cdp.detach();
    }
    await waitForFinding(page, 'confidential.codenames');
    expect(await readState(page, FACEBOOK_POST)).toBe('Code name Nightjar');
  });
});
