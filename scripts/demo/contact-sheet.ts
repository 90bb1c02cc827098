// One image of the whole headless demo: each site's screenshot side by side, with the findings
// the overlay showed under it. Drawn by Chromium itself, from an HTML page built in memory.
import type { BrowserContext } from 'playwright-core';
import type { ShownFinding } from '../../tests/e2e/harness';

export interface DemoShot {
  title: string;
  findings: ShownFinding[];
  png: Buffer;
}

const COLUMN_WIDTH = 640;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function figure(shot: DemoShot): string {
  const findings =
    shot.findings.length === 0
      ? '<li class="none">no findings shown</li>'
      : shot.findings
          .map(
            (finding) =>
              `<li><b class="${escapeHtml(finding.severity)}">${escapeHtml(finding.ruleId)}</b> ${escapeHtml(finding.message)}</li>`,
          )
          .join('');
  return `<figure>
    <figcaption>${escapeHtml(shot.title)}</figcaption>
    <img src="data:image/png;base64,${shot.png.toString('base64')}" />
    <ul>${findings}</ul>
  </figure>`;
}

export async function contactSheet(context: BrowserContext, shots: DemoShot[]): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({
      width: COLUMN_WIDTH * shots.length + 16 * (shots.length + 1),
      height: 600,
    });
    await page.setContent(`<!doctype html>
      <style>
        body { margin: 0; padding: 16px; display: flex; gap: 16px; align-items: flex-start;
               font: 13px/1.4 system-ui, sans-serif; background: #f6f7f9; }
        figure { margin: 0; width: ${COLUMN_WIDTH}px; }
        figcaption { font-weight: 600; margin-bottom: 6px; }
        img { width: 100%; border: 1px solid #d0d4da; }
        ul { padding-left: 18px; }
        .error { color: #b42318; } .warning { color: #b54708; } .info { color: #175cd3; }
        .none { color: #667085; }
      </style>
      <h1 hidden>Postguard demo</h1>
      ${shots.map(figure).join('')}`);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    return await page.screenshot({ fullPage: true });
  } finally {
    await page.close();
  }
}
