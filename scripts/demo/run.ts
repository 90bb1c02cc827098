// The `npm start` demo (scripts/start.mjs loads this through tsx). It reuses the end-to-end
// harness: the built extension in Chromium, the fixture compose boxes served at the real sites'
// URLs, the starter pack and the ACME demo pack in force as if an admin had pushed them.
//
// Site adapters are chosen by host name, so the demo is three tabs, one per site, rather than
// one page: x.com/home, www.facebook.com and www.linkedin.com/feed/, the last two with their
// composers open (`?composer=open`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  NO_CHROMIUM_HINT,
  REPO_ROOT,
  SHARE_BOXES,
  SITE_URLS,
  ensureExtensionBuilt,
  ensureFixturesBuilt,
  findChromium,
  launchWithExtension,
  openBox,
  openFixture,
  readShownFindings,
  typeInto,
} from '../../tests/e2e/harness';
import type { ComposeBoxFixture, ShownFinding } from '../../tests/e2e/harness';
import { bundledPack, setPacksInForce } from '../../tests/e2e/support/policy';
import { badge, openAllFindings } from '../../tests/e2e/support/overlay';
import { contactSheet } from './contact-sheet';
import type { DemoShot } from './contact-sheet';

const SAMPLE_POST = readFileSync(
  path.join(REPO_ROOT, 'scripts/demo/sample-post.txt'),
  'utf8',
).trim();
const SCREENSHOT = path.join(REPO_ROOT, '.output/demo.png');
/** How long to wait for findings to appear and settle after typing. */
const FINDINGS_WAIT_MS = 5_000;
const POLL_MS = 250;

const EDITOR_NAMES = {
  draft: 'Draft.js',
  lexical: 'Lexical',
  quill: 'Quill 1',
  tiptap: 'TipTap',
  textarea: 'textarea',
} as const;

function hasDisplay(): boolean {
  const ci = process.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
  return !inCi && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function packs(): Record<string, unknown>[] {
  return [bundledPack('starter'), bundledPack('acme-demo')];
}

/** Findings once the overlay has shown the same rules for a few polls in a row (or the wait ends). */
async function settledFindings(page: Page): Promise<ShownFinding[]> {
  const deadline = Date.now() + FINDINGS_WAIT_MS;
  let last = '';
  let steady = 0;
  let findings: ShownFinding[] = [];
  while (Date.now() < deadline) {
    findings = await readShownFindings(page);
    const key = findings.map((finding) => finding.ruleId).join(',');
    steady = key === last ? steady + 1 : 0;
    last = key;
    if (findings.length > 0 && steady >= 3) break;
    await page.waitForTimeout(POLL_MS);
  }
  return findings;
}

/** Opens the overlay's card of findings when it has a badge, so messages show; best effort. */
async function withCardOpen(page: Page, findings: ShownFinding[]): Promise<ShownFinding[]> {
  if (findings.length === 0 || (await badge(page).count()) === 0) return findings;
  try {
    await openAllFindings(page);
    return await readShownFindings(page);
  } catch {
    return findings;
  }
}

function printFindings(box: ComposeBoxFixture, findings: ShownFinding[]): void {
  console.log(`\n${box.name} (${EDITOR_NAMES[box.editor]} at ${box.url})`);
  if (findings.length === 0) {
    console.log('  no findings shown');
    return;
  }
  for (const finding of findings) {
    const message = finding.message ? `  ${finding.message}` : '';
    console.log(`  ${(finding.severity || '-').padEnd(8)}${finding.ruleId}${message}`);
  }
}

async function runHeadless(): Promise<number> {
  const session = await launchWithExtension();
  try {
    await setPacksInForce(session.serviceWorker, packs());
    const page = await session.tab();
    console.log(`Typing the sample post into each site's compose box:\n  ${SAMPLE_POST}`);
    const shots: DemoShot[] = [];
    for (const box of SHARE_BOXES) {
      const element = await openBox(page, box);
      await typeInto(page, box, element, SAMPLE_POST);
      const findings = await withCardOpen(page, await settledFindings(page));
      printFindings(box, findings);
      shots.push({
        title: `${box.url} (${EDITOR_NAMES[box.editor]})`,
        findings,
        png: await page.screenshot(),
      });
    }
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    writeFileSync(SCREENSHOT, await contactSheet(session.context, shots));
    console.log(`\nScreenshot: ${path.relative(process.cwd(), SCREENSHOT)}`);
    return 0;
  } finally {
    await session.close();
  }
}

async function untilClosed(context: BrowserContext): Promise<void> {
  await new Promise<void>((resolve) => {
    context.once('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function runHeaded(): Promise<number> {
  const session = await launchWithExtension({ headless: false });
  try {
    await setPacksInForce(session.serviceWorker, packs());
    const urls = [
      SITE_URLS.x,
      `${SITE_URLS.facebook}?composer=open`,
      `${SITE_URLS.linkedin}?composer=open`,
    ];
    const first = await session.tab();
    await openFixture(first, urls[0]!);
    for (const url of urls.slice(1)) await openFixture(await session.context.newPage(), url);
    await first.bringToFront();
    console.log(
      'Postguard is running on three fixture tabs: X (Draft.js), Facebook (Lexical) and LinkedIn (its share box in a shadow root, Quill 1).',
    );
    console.log(`Try typing: ${SAMPLE_POST}`);
    console.log('Close the browser window (or press Ctrl+C) to finish.');
    await untilClosed(session.context);
    return 0;
  } finally {
    await session.close();
  }
}

export async function main(): Promise<number> {
  if (!findChromium()) {
    console.error(NO_CHROMIUM_HINT);
    return 1;
  }
  const extension = ensureExtensionBuilt();
  const fixtures = ensureFixturesBuilt();
  if (extension === 'fresh') console.log('The extension build is up to date.');
  if (fixtures === 'fresh') console.log('The fixture pages are up to date.');
  return hasDisplay() ? runHeaded() : runHeadless();
}
