import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBase64 } from '@/src/core/signature';
import { ACME, noStackTrace, runCli, spawnCli, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function keygen(prefix = path.join(dir, 'admin')) {
  const result = await runCli(['keygen', '--out', prefix]);
  expect(result.code).toBe(0);
  return { prefix, publicKey: result.stdout };
}

function packCopy(): string {
  const file = path.join(dir, 'acme.json');
  copyFileSync(ACME, file);
  return file;
}

describe('postguard keygen', () => {
  it('writes a private PEM (mode 0600) and the raw base64 public key, and prints the latter', async () => {
    const { prefix, publicKey } = await keygen();
    expect(readFileSync(`${prefix}.key`, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(`${prefix}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${prefix}.pub`, 'utf8')).toBe(`${publicKey}\n`);
    expect(decodeBase64(publicKey)).toHaveLength(32);
  });

  it('never replaces an existing key', async () => {
    const { prefix } = await keygen();
    const before = readFileSync(`${prefix}.key`, 'utf8');
    const again = await runCli(['keygen', '--out', prefix]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`postguard: ${prefix}.key: already exists; nothing was written`);
    expect(readFileSync(`${prefix}.key`, 'utf8')).toBe(before);
  });
});

describe('postguard sign and verify', () => {
  it('round-trips: sign writes PACK.sig, verify accepts it with the .pub file or the key itself', async () => {
    const { prefix, publicKey } = await keygen();
    const pack = packCopy();
    const signed = await runCli(['sign', pack, '--key', `${prefix}.key`]);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toBe(
      `${pack}.sig: signed with the key whose public half is ${publicKey}`,
    );
    expect(decodeBase64(readFileSync(`${pack}.sig`, 'utf8'))).toHaveLength(64);

    expect(await runCli(['verify', pack, '--pub', `${prefix}.pub`])).toEqual({
      code: 0,
      stdout: `${pack}: verified`,
      stderr: '',
    });
    expect((await runCli(['verify', pack, '--pub', publicKey])).code).toBe(0);
  });

  it('fails with exit 1 when the pack changed after signing, even by one space', async () => {
    const { prefix } = await keygen();
    const pack = packCopy();
    await runCli(['sign', pack, '--key', `${prefix}.key`]);
    writeFileSync(pack, `${readFileSync(pack, 'utf8')} `);
    expect(await runCli(['verify', pack, '--pub', `${prefix}.pub`])).toEqual({
      code: 1,
      stdout: `${pack}: signature does not match`,
      stderr: '',
    });
  });

  it('fails with exit 1 for a signature by another key, and passes when any --pub matches', async () => {
    const signer = await keygen(path.join(dir, 'signer'));
    const other = await keygen(path.join(dir, 'other'));
    const pack = packCopy();
    await runCli(['sign', pack, '--key', `${signer.prefix}.key`]);
    expect((await runCli(['verify', pack, '--pub', other.publicKey])).code).toBe(1);
    expect(
      (await runCli(['verify', pack, '--pub', other.publicKey, '--pub', signer.publicKey])).code,
    ).toBe(0);
  });

  it('reads the signature from --sig', async () => {
    const { prefix } = await keygen();
    const pack = packCopy();
    await runCli(['sign', pack, '--key', `${prefix}.key`]);
    const moved = path.join(dir, 'elsewhere.sig');
    copyFileSync(`${pack}.sig`, moved);
    writeFileSync(`${pack}.sig`, 'AAAA\n');
    expect((await runCli(['verify', pack, '--pub', `${prefix}.pub`, '--sig', moved])).code).toBe(0);
    const broken = await runCli(['verify', pack, '--pub', `${prefix}.pub`]);
    expect(broken).toMatchObject({
      code: 2,
      stderr: `postguard: ${pack}.sig: a signature is base64 of 64 bytes`,
    });
  });

  it('refuses to sign an invalid pack, and writes nothing', async () => {
    const { prefix } = await keygen();
    const pack = path.join(dir, 'bad.json');
    writeFileSync(
      pack,
      JSON.stringify({
        format: 'postguard/pack@1',
        id: 'bad',
        name: 'Bad',
        version: '1.0.0',
        rules: [
          { id: 'r', kind: 'pattern', severity: 'info', message: 'm', patterns: ['(?<=x)y'] },
        ],
      }),
    );
    const result = await runCli(['sign', pack, '--key', `${prefix}.key`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${pack}: rules[0].patterns[0]: `);
    expect(result.stderr).toContain('not signed');
    expect((await runCli(['verify', pack, '--pub', `${prefix}.pub`])).stderr).toBe(
      `postguard: ${pack}.sig: no such file`,
    );
  });

  it('validates a pack against the packs it extends, given with --with', async () => {
    const { prefix } = await keygen();
    const base = path.join(dir, 'base.json');
    const child = path.join(dir, 'child.json');
    const pack = (id: string, extra = {}) =>
      JSON.stringify({ format: 'postguard/pack@1', id, name: id, version: '1.0.0', ...extra });
    writeFileSync(base, pack('base'));
    writeFileSync(child, pack('child', { extends: ['base'] }));
    expect((await runCli(['sign', child, '--key', `${prefix}.key`])).code).toBe(2);
    expect((await runCli(['sign', child, '--key', `${prefix}.key`, '--with', base])).code).toBe(0);
  });

  it.each([
    [['sign', 'p.json'], 'sign: --key KEY is required'],
    [['sign', '--key', 'k'], 'sign: give exactly one pack file'],
    [['verify', 'p.json'], 'verify: --pub KEY is required'],
    [
      ['verify', 'p.json', '--pub', 'not-a-key'],
      'not-a-key: no such file, and not a base64 Ed25519 public key',
    ],
  ])('is a usage error (exit 2): %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a key file that is not a private key', async () => {
    const { prefix } = await keygen();
    const result = await runCli(['sign', packCopy(), '--key', `${prefix}.pub`]);
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a PEM private key'),
    });
  });

  it('round-trips through bin/postguard.mjs', () => {
    const prefix = path.join(dir, 'ci');
    const pack = packCopy();
    const made = spawnCli(['keygen', '--out', prefix]);
    expect(made.code).toBe(0);
    expect(spawnCli(['sign', pack, '--key', `${prefix}.key`]).code).toBe(0);
    const verified = spawnCli(['verify', pack, '--pub', made.stdout.trim()]);
    expect(verified).toMatchObject({ code: 0, stdout: `${pack}: verified\n` });
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('ACME', 'ACNE'));
    const tampered = spawnCli(['verify', pack, '--pub', `${prefix}.pub`]);
    expect(tampered).toMatchObject({ code: 1, stdout: `${pack}: signature does not match\n` });
    expect(noStackTrace(tampered.stderr)).toBe(true);
  }, 30_000);
});
