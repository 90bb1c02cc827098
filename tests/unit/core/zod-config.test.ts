import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * An extension's CSP forbids eval, and Chrome reports even a caught attempt as a violation:
 * zod probes for `new Function` when its first object schema is defined, unless it is told
 * to go without (src/core/zod.ts). This file imports the schemas afresh, with the Function
 * constructor watched, and parses packs and messages with them.
 */

const RealFunction = globalThis.Function;

afterEach(() => {
  globalThis.Function = RealFunction;
});

describe('zod without eval', () => {
  it('defines and runs every schema without constructing a function from a string', async () => {
    const constructed: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        constructed.push(args);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    vi.resetModules();
    const { parsePack } = await import('@/src/core');
    const { acceptMessage } = await import('@/src/background/messages');
    const starter = JSON.parse(
      readFileSync(new URL('../../../public/packs/starter.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(parsePack(starter).ok).toBe(true);
    expect(parsePack({ id: 'broken' }).ok).toBe(false);
    const sender = { id: 'ext', url: 'https://x.com/home', tab: { id: 1 } };
    acceptMessage({ kind: 'check', text: 'Hi', network: 'x', now: 1 }, sender, {
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      isSitePage: () => true,
    });
    expect(constructed).toEqual([]);
  });
});
