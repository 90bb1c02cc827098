/**
 * The targets every part of `npm run bench` measures against, gathered as they are measured and
 * printed together at the end: what the target is, what this run measured, met or not.
 */

export interface Verdict {
  /** Which issue set the target (4: the first engine, 13: as you type). */
  issue: number;
  target: string;
  measured: string;
  met: boolean;
}

const verdicts: Verdict[] = [];

export function recordTarget(verdict: Verdict): void {
  verdicts.push(verdict);
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

export function printTargets(): void {
  if (verdicts.length === 0) return;
  console.log('\nTargets, all parts of this run:');
  const width = Math.max(...verdicts.map((v) => v.target.length));
  for (const v of verdicts) {
    console.log(
      `  ${v.met ? 'met    ' : 'NOT MET'}  #${String(v.issue).padEnd(2)}  ${v.target.padEnd(width)}  ${v.measured}`,
    );
  }
}
