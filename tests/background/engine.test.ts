import { describe, expect, it } from 'vitest';
import { startEngine } from '@/src/background/engine';
import { enginePortListener, messageListener } from '@/src/background/main';
import { compilePacks, parsePack, type Checker } from '@/src/core';
import { starterPack } from '@/src/policy/starter';
import { isSiteUrl } from '@/src/sites';
import { fakeBrowser } from 'wxt/testing/fake-browser';

function checkerOf(id: string, terms: string[]): Checker {
  const pack = parsePack({
    format: 'postguard/pack@1',
    id,
    name: id,
    version: '1.0.0',
    rules: [{ id: 'code', kind: 'terms', terms, severity: 'error', message: 'm' }],
  });
  if (!pack.ok) throw new Error('test pack does not parse');
  const compiled = compilePacks([pack.value]);
  if (!compiled.ok) throw new Error('test pack does not compile');
  return compiled.value;
}

describe('the background engine', () => {
  it('compiles the packs in force once (the starter when none is set) and checks texts', async () => {
    const engine = startEngine({ onPacksChanged: () => undefined });
    const info = await engine.info();
    expect(info).toMatchObject({ ok: true, generation: 0 });
    expect(info.ok && info.packs.map((p) => p.id)).toEqual([starterPack().id]);
    const reply = await engine.check({
      text: 'This is SHIT.',
      network: 'x',
      now: Date.now(),
    });
    expect(reply.ok && reply.findings.length).toBeGreaterThan(0);
  });

  it('says when its first check has been answered, however it ended', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const engine = startEngine({ onPacksChanged: () => undefined });
    let answered = false;
    void engine.firstCheckAnswered.then(() => (answered = true));
    await engine.info();
    await settle();
    expect(answered).toBe(false);
    await engine.check({ text: 'hello', network: 'x', now: Date.now() });
    await settle();
    expect(answered).toBe(true);

    const failing = startEngine({
      onPacksChanged: () => undefined,
      load: () => Promise.reject(new Error('storage is gone')),
      watch: () => () => undefined,
    });
    let failedAnswered = false;
    void failing.firstCheckAnswered.then(() => (failedAnswered = true));
    expect(await failing.check({ text: 'hello', network: 'x', now: Date.now() })).toEqual({
      ok: false,
      error: 'storage is gone',
    });
    await settle();
    expect(failedAnswered).toBe(true);
  });

  it('answers a tier alone when asked for one', async () => {
    const starter = compilePacks([starterPack()]);
    if (!starter.ok) throw new Error('starter does not compile');
    const engine = startEngine({
      onPacksChanged: () => undefined,
      load: async () => starter.value,
      watch: () => () => undefined,
    });
    const text = 'Lunch with Jane Smith, my password is hunter2';
    const now = Date.now();
    const quick = await engine.check({ text, network: 'x', tier: 'quick', now });
    const all = await engine.check({ text, network: 'x', now });
    expect(quick).toEqual({
      ok: true,
      generation: 0,
      findings: starter.value.check(text, { network: 'x', tier: 'quick', now: new Date(now) }),
    });
    expect(all.ok && all.findings).toEqual(
      starter.value.check(text, { network: 'x', now: new Date(now) }),
    );
  });

  it('takes new packs as they are compiled, tells the tabs, and numbers the generation', async () => {
    let listener: ((checker: Checker) => void) | undefined;
    let told = 0;
    let loads = 0;
    const engine = startEngine({
      onPacksChanged: () => (told += 1),
      load: async () => {
        loads += 1;
        return checkerOf('first', ['Nightjar']);
      },
      watch: (l) => {
        listener = l;
        return () => undefined;
      },
    });
    // Requests at once and after: one compile for all of them, not one per tab or request.
    const [before] = await Promise.all([
      engine.check({ text: 'Nightjar Falcon', network: 'x', now: 0 }),
      engine.info(),
      engine.check({ text: 'Nightjar', network: 'linkedin', now: 0 }),
    ]);
    await engine.check({ text: 'Falcon', network: 'x', now: 0 });
    expect(loads).toBe(1);
    expect(before.ok && before.findings.map((f) => f.match)).toEqual(['Nightjar']);
    listener!(checkerOf('second', ['Falcon']));
    expect(told).toBe(1);
    const after = await engine.check({ text: 'Nightjar Falcon', network: 'x', now: 0 });
    expect(after).toMatchObject({ ok: true, generation: 1 });
    expect(after.ok && after.findings.map((f) => f.match)).toEqual(['Falcon']);
    expect(await engine.info()).toMatchObject({
      ok: true,
      generation: 1,
      packs: [{ id: 'second' }],
    });
    // The new packs came compiled: nothing was loaded again.
    expect(loads).toBe(1);
  });

  it('answers a failed load as a reason, and loads again on the next request', async () => {
    let calls = 0;
    const engine = startEngine({
      onPacksChanged: () => undefined,
      load: async () => {
        calls += 1;
        if (calls === 1) throw new Error('storage is not ready');
        return checkerOf('p', ['Nightjar']);
      },
      watch: () => () => undefined,
    });
    expect(await engine.info()).toEqual({ ok: false, error: 'storage is not ready' });
    expect(await engine.info()).toMatchObject({ ok: true, packs: [{ id: 'p' }] });
  });
});

describe('check messages', () => {
  const site = { id: fakeBrowser.runtime.id, tab: { id: 1, url: 'https://x.com/home' } };

  it('are answered for the content script on a site, and refused from any other page', async () => {
    const engine = startEngine({
      onPacksChanged: () => undefined,
      load: async () => checkerOf('p', ['Nightjar']),
      watch: () => () => undefined,
    });
    const listen = messageListener(isSiteUrl, undefined, engine);
    const message = { kind: 'check', text: 'Nightjar ships', network: 'x', now: 0 };
    const reply = await listen(message, site);
    expect(reply).toMatchObject({ ok: true, findings: [{ match: 'Nightjar', start: 0, end: 8 }] });
    const elsewhere = { id: fakeBrowser.runtime.id, tab: { id: 2, url: 'https://evil.example/' } };
    expect(listen(message, elsewhere)).toBeUndefined();
    expect(listen({ ...message, id: 'another' }, { id: 'another', tab: site.tab })).toBeUndefined();
    // A malformed request (a text that is not text, an unknown tier) is not answered.
    expect(listen({ ...message, text: 42 }, site)).toBeUndefined();
    expect(listen({ ...message, tier: 'all' }, site)).toBeUndefined();
  });
});

describe('the engine port', () => {
  /** A port as the content script opens it: what the background posts back is recorded. */
  function portFrom(url: string, name = 'postguard-engine') {
    const listeners: ((message: unknown) => void)[] = [];
    const posted: unknown[] = [];
    const port = {
      name,
      sender: { id: fakeBrowser.runtime.id, tab: { id: 1, url } },
      onMessage: {
        addListener: (listener: (message: unknown) => void) => listeners.push(listener),
      },
      postMessage: (message: unknown) => posted.push(message),
    };
    return { port, posted, send: (message: unknown) => listeners.forEach((l) => l(message)) };
  }
  const engine = () =>
    startEngine({
      onPacksChanged: () => undefined,
      load: async () => checkerOf('p', ['Nightjar']),
      watch: () => () => undefined,
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('answers numbered checks from a site tab on the port, each by its number', async () => {
    const listen = enginePortListener(messageListener(isSiteUrl, undefined, engine()));
    const { port, posted, send } = portFrom('https://www.linkedin.com/feed/');
    listen(port as never);
    send({ id: 7, message: { kind: 'check', text: 'Nightjar', network: 'linkedin', now: 0 } });
    send({ id: 8, message: { kind: 'engine-info' } });
    await settle();
    expect(posted).toEqual(
      expect.arrayContaining([
        {
          id: 7,
          reply: expect.objectContaining({
            ok: true,
            findings: [expect.objectContaining({ match: 'Nightjar' })],
          }),
        },
        {
          id: 8,
          reply: expect.objectContaining({ ok: true, packs: [{ id: 'p', version: '1.0.0' }] }),
        },
      ]),
    );
  });

  it('answers nothing for another page, another kind of message, or another port', async () => {
    const listen = enginePortListener(messageListener(isSiteUrl, undefined, engine()));
    const elsewhere = portFrom('https://evil.example/');
    listen(elsewhere.port as never);
    elsewhere.send({ id: 1, message: { kind: 'check', text: 'Nightjar', network: 'x', now: 0 } });
    const site = portFrom('https://x.com/home');
    listen(site.port as never);
    site.send({ id: 2, message: { kind: 'open-guide', section: 'codenames' } });
    const other = portFrom('https://x.com/home', 'something-else');
    listen(other.port as never);
    other.send({ id: 3, message: { kind: 'check', text: 'Nightjar', network: 'x', now: 0 } });
    await settle();
    expect(elsewhere.posted).toEqual([{ id: 1, reply: undefined }]);
    expect(site.posted).toEqual([{ id: 2, reply: undefined }]);
    expect(other.posted).toEqual([]);
  });
});
