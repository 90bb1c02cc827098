import { version as packageVersion } from '../../package.json';

/** From package.json, taken in at build time, so the bundle needs no file beside it. */
export function version(): string {
  return packageVersion;
}
