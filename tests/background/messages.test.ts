import { describe, expect, it } from 'vitest';
import { acceptMessage } from '@/src/background/messages';
import { isSiteUrl } from '@/src/sites';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const TRUST = { extensionId: EXTENSION_ID, isSitePage: isSiteUrl };
const ack = {
  kind: 'post-acknowledged',
  ruleIds: ['confidential.codenames'],
  network: 'x',
  packs: [{ id: 'acme-social', version: '2026.11.2' }],
  at: 1_764_000_000_000,
};

describe('acceptMessage', () => {
  it('takes an unrecognised-box report in its one shape: no host of its own, no text', () => {
    const sender = { id: EXTENSION_ID, tab: { id: 3, url: 'https://www.linkedin.com/feed/' } };
    const report = {
      kind: 'unrecognised-box',
      network: 'linkedin',
      pathShape: '/feed/',
      markers: ['contenteditable', 'role=textbox'],
      at: 1_764_000_000_000,
    };
    expect(acceptMessage(report, sender, TRUST)).toEqual(report);
    expect(acceptMessage({ ...report, text: 'We tested Nightjar' }, sender, TRUST)).toBeUndefined();
    expect(acceptMessage({ ...report, host: 'evil.example' }, sender, TRUST)).toBeUndefined();
  });

  it('accepts a well-formed message from the content script on a supported site', () => {
    const sender = { id: EXTENSION_ID, tab: { id: 3, url: 'https://x.com/home' } };
    expect(acceptMessage(ack, sender, TRUST)).toEqual(ack);
  });

  it('accepts messages from the extension’s own pages', () => {
    const sender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
    expect(acceptMessage(ack, sender, TRUST)).toEqual(ack);
  });

  it('accepts Firefox’s own pages by their per-install host, and no other moz-extension page', () => {
    const origin = 'moz-extension://0b4c2a4e-6a53-4f1e-9d3b-2f0a1c9e7d11/';
    const own = { id: EXTENSION_ID, url: `${origin}options.html` };
    expect(acceptMessage(ack, own, { ...TRUST, extensionOrigin: origin })).toEqual(ack);
    const other = { id: EXTENSION_ID, url: 'moz-extension://another-uuid/options.html' };
    expect(acceptMessage(ack, other, { ...TRUST, extensionOrigin: origin })).toBeUndefined();
  });

  it('refuses another extension, another site, plain http, and missing URLs', () => {
    expect(
      acceptMessage(ack, { id: 'other', tab: { url: 'https://x.com/' } }, TRUST),
    ).toBeUndefined();
    expect(
      acceptMessage(ack, { id: EXTENSION_ID, tab: { url: 'https://evil.example/' } }, TRUST),
    ).toBeUndefined();
    expect(
      acceptMessage(ack, { id: EXTENSION_ID, tab: { url: 'http://x.com/' } }, TRUST),
    ).toBeUndefined();
    expect(acceptMessage(ack, { id: EXTENSION_ID }, TRUST)).toBeUndefined();
    expect(
      acceptMessage(
        ack,
        { id: EXTENSION_ID, url: 'chrome-extension://someoneelse/page.html' },
        TRUST,
      ),
    ).toBeUndefined();
  });

  it('refuses unknown kinds, extra fields and wrong types', () => {
    const sender = { id: EXTENSION_ID, tab: { url: 'https://www.linkedin.com/feed/' } };
    expect(acceptMessage({ ...ack, kind: 'steal' }, sender, TRUST)).toBeUndefined();
    expect(acceptMessage({ ...ack, text: 'the post' }, sender, TRUST)).toBeUndefined();
    expect(acceptMessage({ ...ack, network: 'myspace' }, sender, TRUST)).toBeUndefined();
    expect(acceptMessage('hello', sender, TRUST)).toBeUndefined();
  });
});
