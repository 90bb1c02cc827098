import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compilePacks, guideMarkdown, parsePack, type Network } from '@/src/core/index';
import { starterPack } from '@/src/policy/starter';
import { ACME, noStackTrace, runCli, spawnCli, STARTER, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function writePack(name: string, pack: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

const pack = (extra: Record<string, unknown> = {}) => ({
  format: 'postguard/pack@1',
  id: 'org',
  name: 'Org pack',
  version: '2026.1.0',
  ...extra,
});

const disclose = {
  id: 'disclose',
  title: 'Disclose who you work for',
  body: 'Say that you work here, near the start.\n\n- "I work at ACME"\n- #ACMEemployee',
};
const courteous = { id: 'courteous', title: 'Be courteous', body: 'Argue with ideas.' };
const exercise = {
  id: 'launch',
  title: 'A launch post',
  network: 'linkedin',
  text: 'Our new app is out, go get it!',
};
const orgPack = pack({
  guide: { title: 'Org on social media', sections: [disclose, courteous], exercises: [exercise] },
  rules: [
    {
      id: 'disclosure.affiliation',
      kind: 'disclosure',
      severity: 'warning',
      message: 'Say that you work here',
      triggers: ['app'],
      markers: ['#ACMEemployee'],
      guide: 'disclose',
    },
  ],
});
const teamPack = pack({
  id: 'team',
  version: '3.0.0',
  extends: ['org'],
  guide: {
    sections: [
      { id: 'disclose', title: 'Say who you work for', body: 'Team wording.' },
      { id: 'team-only', title: 'Team channels', body: 'Post in #team first.' },
    ],
  },
});

describe('postguard guide', () => {
  it('prints the Markdown the engine writes for the packs layered', async () => {
    const files = [writePack('org.json', orgPack), writePack('team.json', teamPack)];
    const result = await runCli(['guide', ...files]);
    expect(result).toMatchObject({ code: 0, stderr: '' });

    const parsed = [orgPack, teamPack].map((p) => parsePack(p));
    const packs = parsed.flatMap((p) => (p.ok ? [p.value] : []));
    const compiled = compilePacks(packs);
    if (!compiled.ok || !compiled.value.guide) throw new Error('the test packs should compile');
    expect(`${result.stdout}\n`).toBe(guideMarkdown(compiled.value.guide));

    expect(result.stdout).toMatch(/^# Org on social media\n/);
    // The team's section replaces the org's in place; its new one comes after.
    const headings = result.stdout.match(/^##? .+$/gm);
    expect(headings).toEqual([
      '# Org on social media',
      '## Say who you work for',
      '## Be courteous',
      '## Team channels',
      '## Exercises',
    ]);
    expect(result.stdout).toContain('<a id="team-only"></a>');
    expect(result.stdout).toContain('### A launch post (LinkedIn)');
  });

  it('prints the layered guide as JSON, with the pack of every section and exercise', async () => {
    const files = [writePack('org.json', orgPack), writePack('team.json', teamPack)];
    const result = await runCli(['guide', '--format', 'json', ...files]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('\n  "sections": [\n');
    expect(JSON.parse(result.stdout)).toEqual({
      title: 'Org on social media',
      sections: [
        { id: 'disclose', title: 'Say who you work for', packId: 'team', body: 'Team wording.' },
        { ...courteous, packId: 'org' },
        { id: 'team-only', title: 'Team channels', packId: 'team', body: 'Post in #team first.' },
      ],
      exercises: [{ ...exercise, packId: 'org', packVersion: '2026.1.0' }],
    });
  });

  it('prints pack problems as validate does, on standard error, and exits 2', async () => {
    const bad = writePack('bad.json', pack({ version: 'one' }));
    const missing = path.join(dir, 'missing.json');
    const result = await runCli(['guide', bad, missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${escape(bad)}: version: .+ \\[PG206\\]$`)),
      `${missing}: no such file`,
    ]);
    expect(result.stderr).toBe((await runCli(['validate', bad, missing])).stdout);
  });

  it('refuses a rule that names a section no pack has (PG404)', async () => {
    const file = writePack('org.json', { ...orgPack, guide: { sections: [courteous] } });
    const result = await runCli(['guide', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^${escape(file)}: rules\\[0\\]\\.guide: .*"disclose".* \\[PG404\\]$`),
    );
  });

  it('says so on standard error and exits 1 when no pack has a guide', async () => {
    const file = writePack('plain.json', pack());
    const result = await runCli(['guide', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `postguard: guide: no pack in force has a guide (sections or exercises under "guide"): ${file}`,
    );
  });

  it('is a usage error without packs or with an unknown format', async () => {
    const none = await runCli(['guide']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^postguard: guide: give at least one pack file/);
    const file = writePack('org.json', orgPack);
    const html = await runCli(['guide', '--format', 'html', file]);
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/--format must be one of markdown, json, not "html"/);
  });

  it('runs from bin/postguard.mjs', () => {
    const result = spawnCli(['guide', STARTER], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Posting about work\n[\s\S]*\n```\n$/);
    expect(noStackTrace(result.stderr)).toBe(true);
  }, 30_000);
});

interface GuideJson {
  title: string;
  sections: { id: string; packId: string }[];
  exercises: { id: string; network: Network; text: string; packId: string }[];
}

describe("the starter pack's guide", () => {
  const starterSections = ['why-we-post', 'content', 'disclose', 'confidential', 'courteous'];

  it('is printed for a pack that extends the starter, from the bundled starter', async () => {
    const result = await runCli(['guide', '--format', 'json', ACME]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as GuideJson;
    expect(printed.title).toBe('Posting about work');
    expect(printed.sections.map((s) => [s.id, s.packId])).toEqual(
      starterSections.map((id) => [id, 'postguard-starter']),
    );
    expect(printed.exercises.map((e) => [e.id, e.network])).toEqual([
      ['disclose-launch', 'linkedin'],
      ['client-details', 'facebook'],
      ['heated-reply', 'x'],
    ]);
  });

  it('has a section for every rule of the starter', () => {
    const starter = starterPack();
    for (const rule of starter.rules) {
      expect('guide' in rule ? rule.guide : undefined, rule.id).toBeDefined();
    }
    expect(compilePacks([starter]).ok).toBe(true);
  });

  // A person completes an exercise by changing it to no warning and no error on its network.
  const fixed: Record<string, string> = {
    'disclose-launch':
      "I work at ACME, so I'm biased: our new Ledger app is out today, and it has saved our own finance team hours every week. Have a look and tell me what you think!",
    'client-details':
      "Huge thanks to one of our clients for a brilliant workshop today! Want a reference? Send me a message and I'll ask them first.",
    'heated-reply':
      '@skeptic42 I see it differently: the release notes explain why we changed it. Happy to talk it through.',
  };

  it.each([
    ['the starter alone', [STARTER]],
    ['the starter under the ACME demo', [STARTER, ACME]],
  ])('has exercises that %s flags, and that can be fixed', async (_name, files) => {
    const parsed = files.map((file) => parsePack(readFileSync(file)));
    const compiled = compilePacks(parsed.flatMap((p) => (p.ok ? [p.value] : [])));
    if (!compiled.ok) throw new Error('the bundled packs should compile');
    const checker = compiled.value;
    const blocking = (text: string, network: Network) =>
      checker.check(text, { network }).filter((f) => f.severity !== 'info');
    const exercises = checker.guide?.exercises ?? [];
    expect(exercises.map((e) => e.id)).toEqual(Object.keys(fixed));
    for (const { id, text, network } of exercises) {
      expect(blocking(text, network).length, id).toBeGreaterThan(0);
      expect(blocking(fixed[id] ?? '', network), id).toEqual([]);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
