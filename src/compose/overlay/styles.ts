/**
 * The overlay's CSS, inside its shadow root so the site's styles cannot reach it.
 * Colours meet WCAG AA (4.5:1) against white for text and 3:1 for the underlines.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202124; }
.underline { position: fixed; height: 2px; pointer-events: none; border-radius: 1px; }
.underline.point { width: 2px; border-radius: 0; opacity: .8; }
.underline[data-severity="error"] { background: #c5221f; }
.underline[data-severity="warning"] { background: #b06000; }
.underline[data-severity="info"] { background: #1967d2; }
.badge { position: fixed; pointer-events: auto; min-width: 24px; height: 24px; padding: 0 8px;
  border-radius: 12px; border: 2px solid #fff; color: #fff; font: 600 12px/20px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.badge[data-severity="error"] { background: #c5221f; }
.badge[data-severity="warning"] { background: #8a4b00; }
.badge[data-severity="info"] { background: #1967d2; }
.badge:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 3px solid #1967d2; outline-offset: 2px; }
.card { position: fixed; pointer-events: auto; width: 320px; max-width: calc(100vw - 16px);
  background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.card[hidden] { display: none; }
.finding + .finding { border-top: 1px solid #e8eaed; margin-top: 10px; padding-top: 10px; }
.severity { font-weight: 600; text-transform: capitalize; margin-right: 6px; }
.finding[data-severity="error"] .severity { color: #c5221f; }
.finding[data-severity="warning"] .severity { color: #8a4b00; }
.finding[data-severity="info"] .severity { color: #1967d2; }
.message { margin: 4px 0 8px; }
.policy-link { color: #1967d2; font-size: 13px; }
.fixes, .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.card button { font: 500 13px/1.2 system-ui, sans-serif; padding: 6px 10px; border-radius: 6px;
  border: 1px solid #1967d2; background: #fff; color: #1967d2; cursor: pointer; }
.card button.primary { background: #1967d2; color: #fff; }
.card button.close { border: none; position: absolute; top: 6px; right: 6px; padding: 2px 6px; color: #5f6368; }
.card h2 { font-size: 15px; margin: 0 24px 8px 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
