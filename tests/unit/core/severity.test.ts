import { describe, expect, it } from 'vitest';
import type { Finding } from '@/src/core/findings';
import { severityRank, worstSeverity } from '@/src/core/severity';
import { applyTextEdits } from '@/src/core/edits';

const finding = (severity: Finding['severity']): Finding => ({
  ruleId: `r.${severity}`,
  packId: 'p',
  kind: 'terms',
  severity,
  message: 'm',
  start: 0,
  end: 1,
  match: 'x',
  suggestions: [],
});

describe('severity order', () => {
  it('ranks error above warning above info', () => {
    expect(severityRank('error')).toBeGreaterThan(severityRank('warning'));
    expect(severityRank('warning')).toBeGreaterThan(severityRank('info'));
  });

  it('picks the worst severity of the findings, none of none', () => {
    expect(worstSeverity([])).toBeUndefined();
    expect(worstSeverity([finding('info')])).toBe('info');
    expect(worstSeverity([finding('info'), finding('error'), finding('warning')])).toBe('error');
    expect(worstSeverity([finding('warning'), finding('info')])).toBe('warning');
  });
});

describe('applyTextEdits', () => {
  it('makes every edit at the offsets it was given for, in whatever order they come', () => {
    const edits = [
      { start: 0, end: 5, text: 'Howdy' },
      { start: 12, end: 12, text: '!' },
      { start: 6, end: 11, text: 'there' },
    ];
    expect(applyTextEdits('Hello world.', edits)).toBe('Howdy there.!');
    expect(applyTextEdits('same', [])).toBe('same');
  });
});
