import type { Severity } from '@/src/core/pack/schema';
import { SEVERITY_COLOURS } from '@/src/severity-colours';

/** Body text on the card's white background. */
export const TEXT_COLOUR = '#202124';
export const MUTED_TEXT_COLOUR = '#5f6368';
export const CARD_BACKGROUND = '#ffffff';

const bySeverity = (rule: (severity: Severity, colour: string) => string) =>
  Object.entries(SEVERITY_COLOURS)
    .map(([severity, colour]) => rule(severity as Severity, colour))
    .join('\n');

/** The overlay's CSS, inside its shadow root so the site's styles cannot reach it. */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${TEXT_COLOUR}; }
.underline { position: fixed; height: 2px; pointer-events: none; border-radius: 1px; }
.underline.point { width: 2px; border-radius: 0; opacity: .8; }
${bySeverity((s, c) => `.underline[data-severity="${s}"] { background: ${c}; }`)}
.badge { position: fixed; pointer-events: auto; min-width: 24px; height: 24px; padding: 0 8px;
  border-radius: 12px; border: 2px solid #fff; color: #fff; font: 600 12px/20px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
${bySeverity((s, c) => `.badge[data-severity="${s}"] { background: ${c}; }`)}
.badge:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 3px solid ${SEVERITY_COLOURS.info}; outline-offset: 2px; }
.card { position: fixed; pointer-events: auto; width: 320px; max-width: calc(100vw - 16px);
  background: ${CARD_BACKGROUND}; color: ${TEXT_COLOUR}; border: 1px solid #dadce0; border-radius: 8px; padding: 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.card[hidden] { display: none; }
.finding + .finding { border-top: 1px solid #e8eaed; margin-top: 10px; padding-top: 10px; }
.severity { font-weight: 600; text-transform: capitalize; margin-right: 6px; }
${bySeverity((s, c) => `.finding[data-severity="${s}"] .severity { color: ${c}; }`)}
.message { margin: 4px 0 8px; }
.hold-note { margin: 8px 0 0; font-size: 13px; color: ${MUTED_TEXT_COLOUR}; }
.policy-link { color: ${SEVERITY_COLOURS.info}; font-size: 13px; }
.fixes, .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.card button { font: 500 13px/1.2 system-ui, sans-serif; padding: 6px 10px; border-radius: 6px;
  border: 1px solid ${SEVERITY_COLOURS.info}; background: #fff; color: ${SEVERITY_COLOURS.info}; cursor: pointer; }
.card button.why { border: none; background: none; padding: 0 0 0 12px; font-size: 13px;
  text-decoration: underline; }
.card button.primary { background: ${SEVERITY_COLOURS.info}; color: #fff; }
.card button.close { border: none; position: absolute; top: 6px; right: 6px; padding: 2px 6px; color: ${MUTED_TEXT_COLOUR}; }
.card h2 { font-size: 15px; margin: 0 24px 8px 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
