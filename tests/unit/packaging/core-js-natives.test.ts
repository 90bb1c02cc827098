import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * twitter-text's core-js 2 polyfills are overridden with vendor/core-js-natives (README:
 * "twitter-text without core-js"): loading core-js 2's `es6.regexp.split` makes V8 drop its
 * RegExp fast paths for the whole process, and every check paid for it. It replaces no
 * method (its feature test alone does the harm), so no test of the methods could see it:
 * what is tested is that none of core-js's code can load.
 */

const ROOT = path.join(import.meta.dirname, '../../..');
const NATIVES = path.join(ROOT, 'vendor/core-js-natives/native.js');
const require = createRequire(import.meta.url);
const twitterTextDir = path.dirname(require.resolve('twitter-text/package.json'));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** Every core-js module twitter-text's files ask for, by require or by import. */
function coreJsRequests(): Set<string> {
  const requests = new Set<string>();
  for (const file of jsFiles(path.join(twitterTextDir, 'dist'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/["'](core-js\/[^"']+)["']/g))
      requests.add(match[1] as string);
  }
  return requests;
}

describe('twitter-text without core-js', () => {
  it('resolves every core-js module twitter-text requires to the empty stand-in', () => {
    const requests = coreJsRequests();
    // The split polyfill is the one that slowed every check; the rest are as unneeded.
    expect(requests).toContain('core-js/modules/es6.regexp.split');
    expect(requests.size).toBeGreaterThan(10);
    for (const request of requests) {
      const resolved = require.resolve(request, { paths: [twitterTextDir] });
      expect(resolved, request).toBe(NATIVES);
    }
    expect(readFileSync(NATIVES, 'utf8')).not.toMatch(/require|import|prototype/);
  });

  it('counts an X post with twitter-text on the natives alone', async () => {
    const twitterText = (await import('twitter-text')) as unknown as {
      default?: { parseTweet?: (text: string) => { weightedLength: number } };
      parseTweet?: (text: string) => { weightedLength: number };
    };
    const parseTweet = twitterText.parseTweet ?? twitterText.default?.parseTweet;
    // "see " 4, a link 23 however long, a space 1, an emoji 2.
    expect(parseTweet?.('see https://example.com/a/long/path 🎉').weightedLength).toBe(30);
    expect(parseTweet?.('Ünïcödé ñ').weightedLength).toBe(9);
  });
});
