// The organisation's guide, pushed by enterprise policy, in Chromium and in Firefox: it opens by
// itself once, shows every section of the packs in force, a real card's "Why?" opens the rule's
// section, an exercise fixed in its practice box is "Done" and stays done after a reload, the
// practice text is stored nowhere, and a new version of the pack does not open the guide again.
//
// Writing the policy files needs root (CI runs as root); elsewhere these tests are skipped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compilePacks, parsePack, type Pack } from '@/src/core';
import {
  OVERLAY_BADGE,
  OVERLAY_CARD,
  click,
  underlineOf,
  waitForCondition,
  waitForSelector,
  type DriverBrowser,
  type DriverPage,
} from './support/driver';
import { DRIVER_BOXES, openDriverBox, typeIntoBox } from './support/driver-boxes';
import { eventually, sleep } from './support/driver-session';
import { isOpenedGuide } from './support/guide-tabs';
import {
  chromiumTarget,
  firefoxTarget,
  POLICY_WAIT,
  runsAsRoot,
  type PolicyTarget,
} from './support/policy-targets';

const EXERCISE_TEXT = "Can't wait to show you Bluefin next week!";
/** Typed into the practice box; it must turn up in no storage of the extension's. */
const PRACTICE_TEXT = "Can't wait to show you what the Quokkaverse team made next week!";

function guidePack(version: string) {
  return {
    format: 'postguard/pack@1',
    id: 'acme-guide',
    name: 'ACME (with its guide)',
    version,
    extends: ['postguard-starter'],
    guide: {
      title: 'ACME on social media',
      sections: [
        {
          id: 'codenames',
          title: 'Code names stay inside',
          body: 'Project names such as Bluefin are internal until launch day.\n\n- Say "a new product" instead\n- Ask [the comms team](https://acme.example/comms) when in doubt',
        },
      ],
      exercises: [
        {
          id: 'bluefin-teaser',
          title: 'A teaser that names the project',
          network: 'x',
          text: EXERCISE_TEXT,
        },
      ],
    },
    rules: [
      {
        id: 'acme.codenames',
        kind: 'terms',
        severity: 'error',
        message: '{match} is an internal code name.',
        terms: ['Bluefin'],
        guide: 'codenames',
      },
    ],
  };
}

/** The guide's section titles as the engine layers them: starter first, then ACME's. */
function expectedSectionTitles(): string[] {
  const packs = [
    readFileSync('public/packs/starter.json', 'utf8'),
    JSON.stringify(guidePack('1.0.0')),
  ].map((text) => {
    const parsed = parsePack(text);
    if (!parsed.ok) throw new Error('a test pack does not parse');
    return parsed.value;
  });
  const compiled = compilePacks(packs as Pack[]);
  if (!compiled.ok || !compiled.value.guide) throw new Error('the test packs have no guide');
  return compiled.value.guide.sections.map((section) => section.title);
}

/** Everything the extension keeps, as text: storage.local and every row of its database. */
async function everythingStored(): Promise<{ storage: string; database: string; rows: unknown[] }> {
  const api = (
    globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }
  ).chrome;
  const storage = JSON.stringify(await api.storage.local.get(null));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('postguard');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tables: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames]) {
    tables[name] = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
  }
  db.close();
  return { storage, database: JSON.stringify(tables), rows: tables.guideCompletions ?? [] };
}

function sectionTitles(page: DriverPage): Promise<string[]> {
  return page.evaluate(
    () => [...document.querySelectorAll('.pg-guide-section h2')].map((h) => h.textContent ?? ''),
    undefined,
  );
}

const EXERCISE = '[data-exercise-id="bluefin-teaser"]';

describe.skipIf(!runsAsRoot).each([chromiumTarget(), firefoxTarget()])(
  "the organisation's guide, in $name",
  (target: PolicyTarget) => {
    let workDir: string;
    let userDataDir: string;
    let browser: DriverBrowser | undefined;
    let guide: DriverPage | undefined;

    async function startWith(version: string): Promise<DriverBrowser> {
      await browser?.close();
      target.writePolicy({ packs: [JSON.stringify(guidePack(version))] });
      browser = await target.start(userDataDir, { keepGuideTabs: true });
      return browser;
    }

    beforeAll(async () => {
      workDir = mkdtempSync(path.join(os.tmpdir(), 'postguard-guide-'));
      userDataDir = path.join(workDir, 'profile');
      target.prepare(workDir);
      await startWith('1.0.0');
    });

    afterAll(async () => {
      target.removePolicy();
      await browser?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    test('opens by itself at install and shows every section of the packs in force', async () => {
      guide = await browser!.tabShowing(isOpenedGuide, POLICY_WAIT.timeoutMs);
      // The page follows the packs in force as the background applies the policy.
      await waitForCondition(
        guide,
        () => document.querySelector('h1')?.textContent === 'ACME on social media',
        undefined,
        "the organisation's guide",
        POLICY_WAIT.timeoutMs,
      );
      expect(await sectionTitles(guide)).toEqual(expectedSectionTitles());
      // Links in a section's body are links, its text is text.
      const link = await guide.evaluate(() => {
        const anchor = document.querySelector<HTMLAnchorElement>('#codenames a');
        return {
          href: anchor?.href,
          target: anchor?.target,
          bold: document.querySelector('#codenames b'),
        };
      }, undefined);
      expect(link).toEqual({ href: 'https://acme.example/comms', target: '_blank', bold: null });
    });

    test('"Why?" on a real card opens the guide at the rule\'s section', async () => {
      const page = await browser!.tab();
      const box = DRIVER_BOXES.find((candidate) => candidate.name === 'x-home')!;
      const selector = await openDriverBox(page, box);
      await typeIntoBox(page, box, selector, 'Soon: Bluefin');
      await waitForSelector(page, underlineOf('acme.codenames'), 'attached');
      await click(page, OVERLAY_BADGE);
      await waitForSelector(page, OVERLAY_CARD, 'visible');
      await click(page, `${OVERLAY_CARD} [data-rule-id="acme.codenames"] button.why`);
      const why = await browser!.tabShowing((url) => url.endsWith('/guide.html#codenames'));
      await waitForCondition(
        why,
        () => {
          const heading = document.getElementById('codenames-heading');
          const top = heading?.getBoundingClientRect().top ?? -1;
          return document.activeElement === heading && top >= 0 && top < innerHeight;
        },
        undefined,
        'the section in view, its heading focused',
      );
      await why.close();
    });

    test('an exercise fixed in the practice box is "Done", and stays done after a reload', async () => {
      const page = guide!;
      await page.bringToFront();
      expect(
        await page.evaluate(
          (sel) => document.querySelector<HTMLTextAreaElement>(`${sel} textarea`)?.value,
          EXERCISE,
        ),
      ).toBe(EXERCISE_TEXT);
      await waitForSelector(page, `${EXERCISE} [data-rule-id="acme.codenames"]`, 'visible');
      expect(
        await page.evaluate(
          (sel) => document.querySelector(sel)?.getAttribute('data-done'),
          EXERCISE,
        ),
      ).toBe('false');
      await click(page, `${EXERCISE} textarea`);
      await page.press('Control+A');
      await page.press('Backspace');
      await page.type(PRACTICE_TEXT);
      await waitForSelector(page, `${EXERCISE}[data-done="true"]`, 'attached');
      await page.reload();
      await waitForSelector(page, `${EXERCISE}[data-done="true"]`, 'attached');
      const after = await page.evaluate(
        (sel) => ({
          text: document.querySelector<HTMLTextAreaElement>(`${sel} textarea`)?.value,
          status: document.querySelector(`${sel} .pg-exercise-status`)?.textContent,
          kept: localStorage.length + sessionStorage.length,
        }),
        EXERCISE,
      );
      // The practice text is gone with the page: the box shows the pack's text again.
      expect(after).toMatchObject({ text: EXERCISE_TEXT, kept: 0 });
      expect(after.status).toMatch(/^Done on /);
    });

    test('the practice text is stored nowhere; the completion is the exercise, its version and a date', async () => {
      const stored = await browser!.extensionEvaluate(everythingStored, undefined);
      expect(stored.storage).not.toContain('Quokkaverse');
      expect(stored.database).not.toContain('Quokkaverse');
      expect(stored.rows).toEqual([
        {
          exerciseId: 'bluefin-teaser',
          title: 'A teaser that names the project',
          packId: 'acme-guide',
          packVersion: '1.0.0',
          exerciseHash: expect.stringMatching(/^[0-9a-f]{8}$/),
          at: expect.any(Number),
        },
      ]);
    });

    test('a new version of the pack does not open the guide again', async () => {
      await startWith('1.0.1');
      await eventually(
        async () => {
          const policy = (await browser!.storageGet('activePolicy')) as
            | { records: { pack: { id: string; version: string } }[] }
            | undefined;
          return policy?.records.map((record) => `${record.pack.id}@${record.pack.version}`);
        },
        ['acme-guide@1.0.1'],
        'the new version in force',
        POLICY_WAIT,
      );
      // The decision follows the update at once; give a slow background time to get it wrong.
      await sleep(2_000);
      expect((await browser!.openTabUrls()).filter((url) => url.includes('/guide.html'))).toEqual(
        [],
      );
    });
  },
);
