// Inline warnings, one-click fixes and confirm-before-posting on every fixture editor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  COMPOSE_BOXES,
  FACEBOOK_COMMENT,
  FACEBOOK_POST,
  LINKEDIN_POST,
  SHARE_BOXES,
  X_HOME,
  X_REPLY,
  launchWithExtension,
  openBox,
  readPosts,
  readState,
  submitAndRead,
  typeInto,
  type ExtensionSession,
} from './harness';
import { bundledPack, setPacksInForce } from './support/policy';
import { X_NARROW_COMPOSE, restoreViewport } from './support/boxes-x';
import { compilePacks, parsePack, type Network } from '@/src/core';
import { applyTextEdits } from '@/src/core/edits';
import {
  badge,
  card,
  clickFix,
  drawnRuleIds,
  openAllFindings,
  overlay,
  underline,
  waitForFinding,
} from './support/overlay';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
  page = await session.tab();
});

afterAll(async () => {
  await session?.close();
});

// The behaviours every share box has in every browser (flag, fix, undo, hold, log) are in
// cross-browser.test.ts; this file keeps what is about one editor or one overlay detail.

/** What the engine's own "Move … up" fix makes of `text` on `network`, with the demo packs. */
function movedUp(text: string, network: Network): string {
  const packs = [bundledPack('starter'), bundledPack('acme-demo')].map((json) => {
    const parsed = parsePack(json);
    if (!parsed.ok) throw new Error('a bundled pack does not parse');
    return parsed.value;
  });
  const checker = compilePacks(packs);
  if (!checker.ok) throw new Error('the bundled packs do not compile');
  const finding = checker.value
    .check(text, { network })
    .find((f) => f.ruleId === 'disclosure.affiliation');
  const move = finding?.suggestions.find((s) => s.label.startsWith('Move'));
  if (!move) throw new Error(`no "Move up" fix on ${network}`);
  return applyTextEdits(text, move.edits);
}

// Where the network folds a long post behind "see more" (X does not).
describe.each([FACEBOOK_POST, LINKEDIN_POST].map((box) => [box.name, box] as const))(
  '%s',
  (_name, fixture) => {
    it('moves a disclosure hidden behind "see more" up: an insertion and a deletion in one fix', async () => {
      const text =
        'Proud of what ACME shipped this week. ' +
        'We spent months on it and the whole team is thrilled with how it turned out. '.repeat(7) +
        '#ACMEemployee';
      const box = await openBox(page, fixture);
      await typeInto(page, fixture, box, text, 'insert');
      await waitForFinding(page, 'disclosure.affiliation');
      await page.waitForTimeout(1_100);
      await openAllFindings(page);
      await clickFix(page, 'disclosure.affiliation', 'Move "#ACMEemployee" up');
      const expected = movedUp(text, fixture.site);
      expect(expected.indexOf('#ACMEemployee')).toBeLessThan(210);
      await expect.poll(() => readState(page, fixture)).toBe(expected);
      await expect.poll(() => drawnRuleIds(page)).not.toContain('disclosure.affiliation');
      const post = await submitAndRead(page, fixture, box);
      expect(post.text).toBe(expected);
    });
  },
);

describe('keyboard submissions', () => {
  it('X: Ctrl+Enter with an error is held, and "Post anyway" posts it', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Nightjar by keyboard');
    await waitForFinding(page, 'confidential.codenames');
    const before = (await readPosts(page)).length;
    await page.keyboard.press('Control+Enter');
    await card(page).waitFor({ state: 'visible' });
    expect((await readPosts(page)).length).toBe(before);
    await card(page).locator('button[data-action="post-anyway"]').click();
    await expect.poll(async () => (await readPosts(page)).length).toBe(before + 1);
    expect((await readPosts(page))[before]!.text).toBe('Nightjar by keyboard');
  });

  it('Facebook comment: Enter with an error is held; Shift+Enter still makes a new line', async () => {
    const box = await openBox(page, FACEBOOK_COMMENT);
    await typeInto(page, FACEBOOK_COMMENT, box, 'About Nightjar\nsecond line');
    await waitForFinding(page, 'confidential.codenames');
    expect(await readState(page, FACEBOOK_COMMENT)).toBe('About Nightjar\nsecond line');
    const before = (await readPosts(page)).length;
    await page.keyboard.press('Enter');
    await card(page).waitFor({ state: 'visible' });
    expect((await readPosts(page)).length).toBe(before);
    await card(page).locator('button[data-action="post-anyway"]').click();
    await expect.poll(async () => (await readPosts(page)).length).toBe(before + 1);
    expect((await readPosts(page))[before]!.text).toBe('About Nightjar\nsecond line');
  });

  it('a clean post goes straight through', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Nice day');
    const post = await submitAndRead(page, X_HOME, box);
    expect(post.text).toBe('Nice day');
    expect(await card(page).count()).toBe(0);
  });
});

describe('IME composition', () => {
  it('checks when the composition ends, not during it', async () => {
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

const OTHER_BOXES = COMPOSE_BOXES.filter((box) => !SHARE_BOXES.includes(box));

describe.each(OTHER_BOXES.map((box) => [box.name, box] as const))('%s', (_name, fixture) => {
  it('flags a confidential term in this box too, and knows what kind of box it is', async () => {
    const box = await openBox(page, fixture);
    await typeInto(page, fixture, box, 'Heard about Project Magpie?');
    await waitForFinding(page, 'confidential.codenames');
    expect(await badge(page).getAttribute('data-context')).toBe(fixture.context);
    expect(await badge(page).getAttribute('data-network')).toBe(fixture.site);
  });
});

describe('on the X fixture', () => {
  it('keeps the underline on the term when emoji come before it', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, '👩🏽‍💻🚀🇬🇧 Nightjar', 'insert');
    const line = await waitForFinding(page, 'confidential.codenames');
    const expected = await box.evaluate((element) => {
      const text = [...element.querySelectorAll('[data-text="true"]')].find((n) =>
        n.textContent?.includes('Nightjar'),
      )!.firstChild as Text;
      const range = document.createRange();
      const at = text.data.indexOf('Nightjar');
      range.setStart(text, at);
      range.setEnd(text, at + 8);
      return range.getBoundingClientRect().left;
    });
    expect(Math.abs((await line.boundingBox())!.x - expected)).toBeLessThan(2);
  });

  it('moves the underline with the page when it scrolls', async () => {
    const box = await openBox(page, X_HOME);
    await page.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
    });
    await typeInto(page, X_HOME, box, 'Nightjar');
    const line = await waitForFinding(page, 'confidential.codenames');
    const before = (await line.boundingBox())!.y;
    await page.mouse.wheel(0, 150);
    await expect.poll(async () => before - (await line.boundingBox())!.y).toBeGreaterThan(100);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(Math.abs(before - (await line.boundingBox())!.y - scrolled)).toBeLessThan(2);
  });

  it('opens the card from the keyboard (Alt+Enter) and closes it with Escape', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'About Nightjar');
    await waitForFinding(page, 'confidential.codenames');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Enter');
    await card(page).waitFor({ state: 'visible' });
    const focused = await page.evaluate(
      () => document.querySelector('postguard-overlay')?.shadowRoot?.activeElement?.textContent,
    );
    expect(focused).toBe('Remove');
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden' });
    expect(await readState(page, X_HOME)).toBe('About Nightjar');
  });

  it('opens the card when the pointer rests on a finding, and when the term is clicked', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'The Nightjar roadmap');
    const line = await waitForFinding(page, 'confidential.codenames');
    const at = (await line.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y - 4);
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).locator('[data-rule-id="confidential.codenames"]').count()).toBe(1);
    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'hidden' });

    await page.mouse.click(at.x + at.width / 2, at.y - 6);
    await card(page).waitFor({ state: 'visible' });
    const link = card(page).locator('a.policy-link');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it("leaves X's Post button clear on a narrow screen, and opens no card under a resting pointer", async () => {
    const box = await openBox(page, X_NARROW_COMPOSE);
    try {
      // The pointer rests where the text will be: the underline drawn under it opens nothing.
      const boxAt = (await box.boundingBox())!;
      await page.mouse.move(boxAt.x + 40, boxAt.y + 10);
      await typeInto(page, X_NARROW_COMPOSE, box, 'The Nightjar roadmap', 'insert');
      const line = await waitForFinding(page, 'confidential.codenames');
      await page.waitForTimeout(300);
      expect(await card(page).isVisible()).toBe(false);

      const at = (await line.boundingBox())!;
      await page.mouse.move(at.x + at.width / 2, at.y - 4);
      await card(page).waitFor({ state: 'visible' });
      const post = page.locator('[role="dialog"] [data-testid="tweetButton"]');
      const postAt = (await post.boundingBox())!;
      const cardAt = (await card(page).boundingBox())!;
      const overlapsPost =
        cardAt.x < postAt.x + postAt.width &&
        postAt.x < cardAt.x + cardAt.width &&
        cardAt.y < postAt.y + postAt.height &&
        postAt.y < cardAt.y + cardAt.height;
      expect(overlapsPost).toBe(false);
      // Playwright clicks only when the button itself is what the point hits.
      await post.click({ trial: true, timeout: 2000 });
    } finally {
      await restoreViewport(page);
    }
  });

  it('tells screen readers, politely, what is new', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Nightjar');
    await waitForFinding(page, 'confidential.codenames');
    const live = overlay(page).locator('[role="status"][aria-live="polite"]');
    await expect.poll(() => live.textContent()).toMatch(/Postguard: 1 new finding\. error: /);
    const label = await badge(page).getAttribute('aria-label');
    expect(label).toMatch(/1 finding, the worst is an error/);
  });

  it('draws one underline per line when a term wraps, and follows the box when it resizes', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Project Magpie');
    await waitForFinding(page, 'confidential.codenames');
    const lines = underline(page, 'confidential.codenames');
    await expect.poll(() => lines.count()).toBe(1);
    // Narrow the box so that the two words of the term sit on two lines (wide enough for
    // either word: Draft breaks a word that does not fit a line).
    await box.evaluate((element) => {
      const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const oneLine = range.getBoundingClientRect().width;
      (element as HTMLElement).style.width = `${Math.ceil(oneLine * 0.75)}px`;
    });
    await expect.poll(() => lines.count()).toBe(2);
    const [first, second] = [
      (await lines.nth(0).boundingBox())!,
      (await lines.nth(1).boundingBox())!,
    ];
    expect(second.y).toBeGreaterThan(first.y + 5);
  });

  it('watches several boxes on one page, each with its own findings', async () => {
    const home = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, home, 'Nightjar soon');
    await waitForFinding(page, 'confidential.codenames');
    const reply = await X_REPLY.open(page);
    await typeInto(page, X_REPLY, reply, 'Thanks guys');
    await waitForFinding(page, 'style.inclusive-language');
    const badges = overlay(page).locator('.badge:not([hidden])');
    await expect.poll(() => badges.count()).toBe(2);
    const contexts = await badges.evaluateAll((all) =>
      all.map((b) => `${b.getAttribute('data-context')}:${b.getAttribute('data-severity')}`).sort(),
    );
    expect(contexts).toEqual(['post:error', 'reply:info']);
    // Closing the dialog removes its box, and its overlay goes with it.
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"] [data-testid="app-bar-close"]').click();
    await expect.poll(() => badges.count()).toBe(1);
  });

  it('sends nothing anywhere while a person writes and fixes', async () => {
    const box = await openBox(page, X_HOME);
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(request.url());
    page.on('request', record);
    session.context.on('request', record);
    try {
      await typeInto(page, X_HOME, box, 'Proud of ACME and Nightjar, email me at jo@example.com');
      await waitForFinding(page, 'confidential.codenames');
      await openAllFindings(page);
      await clickFix(page, 'disclosure.affiliation', 'Add " #ACMEemployee"');
      await expect.poll(() => readState(page, X_HOME)).toContain('#ACMEemployee');
    } finally {
      page.off('request', record);
      session.context.off('request', record);
    }
    expect(requests).toEqual([]);
  });

  it('applies a new pack without reloading the page', async () => {
    const box = await openBox(page, X_HOME);
    await typeInto(page, X_HOME, box, 'Our Bluebird launch is close');
    await page.waitForTimeout(300);
    expect(await underline(page, 'test.new-term').count()).toBe(0);
    const extra = {
      format: 'postguard/pack@1',
      id: 'test-extra',
      name: 'Extra terms',
      version: '1.0.0',
      rules: [
        {
          id: 'test.new-term',
          kind: 'terms',
          severity: 'warning',
          message: 'New term',
          terms: ['Bluebird'],
        },
      ],
    };
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo'), extra]);
    await waitForFinding(page, 'test.new-term');
    await setPacksInForce(session.serviceWorker, [bundledPack('acme-demo')]);
    await expect.poll(() => underline(page, 'test.new-term').count()).toBe(0);
  });
});
