import type { Severity } from '@/src/core/pack/schema';

/**
 * Colours of the findings, by severity, wherever they are drawn (the compose overlay, the
 * options page's playground). Each one is used for text on white and as a background behind
 * white text, so each must reach WCAG AA's 4.5:1 against white (tested).
 */
export const SEVERITY_COLOURS: Record<Severity, string> = {
  error: '#c5221f',
  warning: '#8a4b00',
  info: '#1967d2',
};
