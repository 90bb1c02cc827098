// Finds a browser to drive: an environment variable first, then the usual names and paths.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function resolveOnPath(name) {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  try {
    return (
      execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** `process.env[envName]` when set (and present), else the first candidate found. */
export function findExecutable(envName, candidates) {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of candidates) {
    const found = resolveOnPath(candidate);
    if (found) return found;
  }
  return undefined;
}
