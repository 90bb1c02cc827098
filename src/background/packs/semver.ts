/**
 * Semantic version precedence (semver.org, section 11), enough to tell whether a fetched
 * pack would move its source backwards. Build metadata (`+...`) does not count.
 */

interface Version {
  core: [number, number, number];
  prerelease: string[];
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(version: string): Version | undefined {
  const match = SEMVER.exec(version);
  if (!match) return undefined;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return Math.sign(Number(a) - Number(b));
  // Numeric identifiers sort before alphanumeric ones.
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a < b, zero when equal in precedence, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const left = parse(a);
  const right = parse(b);
  // The pack schema only lets valid versions through; an odd one compares as text.
  if (!left || !right) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < 3; i++) {
    const diff = left.core[i]! - right.core[i]!;
    if (diff !== 0) return Math.sign(diff);
  }
  // A pre-release comes before its release: 1.0.0-rc.1 < 1.0.0.
  const leftPre = left.prerelease.length > 0;
  const rightPre = right.prerelease.length > 0;
  if (!leftPre || !rightPre) return leftPre === rightPre ? 0 : leftPre ? -1 : 1;
  const length = Math.max(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = left.prerelease[i];
    const y = right.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const diff = compareIdentifiers(x, y);
    if (diff !== 0) return diff;
  }
  return 0;
}
