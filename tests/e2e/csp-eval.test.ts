// The extension's Content Security Policy forbids eval, and Chrome reports even a caught
// attempt as a violation (an issue in DevTools, an entry under the extension's errors). zod
// probes for `new Function` when its first object schema is defined unless told to go without
// (src/core/zod.ts). Chromium only: its DevTools protocol reports the issues of a page.
// tests/unit/core/zod-config.test.ts watches the same for every module that defines schemas.
import { describe, expect, it } from 'vitest';
import { acmeDemoSessionInChromium } from './support/acme-session';

const opened = acmeDemoSessionInChromium();

interface Issue {
  code: string;
  details?: { contentSecurityPolicyIssueDetails?: { violatedDirective?: string } };
}

describe("the extension's pages under its CSP", () => {
  it('open without a Content Security Policy issue (no eval probe)', async () => {
    const { session } = opened();
    const page = await session.context.newPage();
    try {
      const cdp = await session.context.newCDPSession(page);
      const issues: Issue[] = [];
      cdp.on('Audits.issueAdded', ({ issue }) => issues.push(issue as Issue));
      await cdp.send('Audits.enable');
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      // The packs in force listed: the options page has parsed what the background sent.
      await page.getByText('ACME').first().waitFor();
      await page.waitForTimeout(200);
      const csp = issues.filter((issue) => issue.code === 'ContentSecurityPolicyIssue');
      expect(csp).toEqual([]);
      await cdp.detach();
    } finally {
      await page.close();
    }
  });
});
