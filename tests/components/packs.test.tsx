import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OptionsMessage, OptionsResponse } from '@/src/messages';
import { starterPack } from '@/src/policy/starter';
import type { PackRecord, PolicyStatus, SourceStatus, UserPack } from '@/src/policy/types';
import type { PacksClient } from '@/src/ui/options/packs/client';
import { PacksView } from '@/src/ui/options/packs/PacksView';
import type { PacksState } from '@/src/ui/checking/usePacksState';
import { NOW, demoPack } from './popup-fixtures';

const now = () => NOW;
const URL_SOURCE = 'https://policy.acme.example/postguard/acme-social.json';
const KEY = 'MCowBQYDK2VwAyEAeWq2oXWqYlqkqDSWz1Y0m1r0bqGzq4Ll8n2yBN7gYpQ=';

const starter = starterPack;

/** Plays the background: records what it was asked, answers as told. */
function fakeClient(answer: (message: OptionsMessage) => OptionsResponse = () => ({ ok: true })) {
  const sent: OptionsMessage[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const client: PacksClient = {
    async send(message) {
      sent.push(message);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return answer(message);
    },
  };
  return {
    client,
    sent,
    /** Holds the next answers until `release()`, to see the busy state. */
    holdAnswers() {
      hold = true;
    },
    release() {
      hold = false;
      release?.();
    },
  };
}

function fetchedRecord(): PackRecord {
  return {
    source: 'managed-url',
    origin: URL_SOURCE,
    pack: demoPack(),
    signedBy: KEY,
    fetchedAt: NOW.getTime() - 3_600_000,
  };
}

function status(overrides: Partial<PolicyStatus> = {}, sources: SourceStatus[] = []): PolicyStatus {
  return {
    sources,
    settingsErrors: [],
    allowUserPacks: true,
    refreshMinutes: 60,
    checkedAt: NOW.getTime() - 60_000,
    ...overrides,
  };
}

function state(overrides: Partial<PacksState> = {}): PacksState {
  return {
    loaded: true,
    policy: { revision: 3, records: [fetchedRecord()] },
    status: status({}, [
      { source: 'managed-url', origin: URL_SOURCE, checkedAt: NOW.getTime(), failures: 0 },
    ]),
    userPacks: [],
    ...overrides,
  };
}

function renderView(packsState: PacksState, client = fakeClient().client) {
  return render(<PacksView state={packsState} starter={starter()} client={client} now={now} />);
}

describe('Packs in force', () => {
  it('lists each pack with its id, version, source, signing key and fetch time', () => {
    renderView(state());
    const table = screen.getByRole('table', { name: 'Packs in force' });
    // The demo pack extends the starter, so both are in force, starter first.
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-pack-id'))).toEqual([
      'postguard-starter',
      'acme-social',
    ]);
    const acme = rows[1]!;
    expect(within(acme).getByRole('rowheader')).toHaveProperty('textContent', demoPack().name);
    expect(acme.textContent).toContain(demoPack().version);
    expect(acme.textContent).toContain(`Fetched from ${URL_SOURCE}`);
    expect(acme.textContent).toContain('Ed25519 key MCowBQYDK2Vw…');
    expect(acme.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(NOW.getTime() - 3_600_000).toISOString(),
    );
    expect(rows[0]!.textContent).toContain('Built into Postguard');
  });

  it('shows the starter pack alone when the organisation has pushed nothing', () => {
    renderView(state({ policy: null, status: null }));
    const rows = within(screen.getByRole('table', { name: 'Packs in force' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.getAttribute('data-pack-id'))).toEqual(['postguard-starter']);
    expect(screen.getByText(/has not pushed any packs to this browser/)).toBeTruthy();
    expect(screen.getByText('Not checked yet.')).toBeTruthy();
  });

  it('says it is loading until storage has answered', () => {
    renderView(state({ loaded: false }));
    expect(screen.getByText('Loading the policy in force…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('Sources and their errors', () => {
  const failing: SourceStatus = {
    source: 'managed-url',
    origin: URL_SOURCE,
    checkedAt: NOW.getTime(),
    failures: 2,
    retryAt: NOW.getTime() + 120_000,
    error: {
      code: 'bad-signature',
      message: `The signature of ${URL_SOURCE} does not match its contents; the pack was not applied`,
      at: NOW.getTime(),
    },
  };

  it('says in plain words why a source was not updated, and when it is tried again', () => {
    renderView(
      state({
        status: status({ settingsErrors: ['packUrls: x is not an https URL; it was ignored'] }, [
          failing,
        ]),
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('could not be updated; the last good packs stay in force');
    expect(alert.textContent).toContain('does not match its contents');
    expect(alert.textContent).toContain('is not an https URL');
    const source = within(screen.getByRole('list', { name: 'Pack sources' })).getByRole('listitem');
    expect(source.getAttribute('data-state')).toBe('error');
    expect(source.textContent).toContain('Not updated: The signature of');
    expect(source.textContent).toContain('Postguard tries again at');
    expect(
      screen.getByRole('group', { name: 'Problems with the managed settings' }).textContent,
    ).toContain('is not an https URL');
  });

  it('shows an up-to-date source without an alert', () => {
    renderView(state());
    expect(screen.queryByRole('alert')).toBeNull();
    const source = within(screen.getByRole('list', { name: 'Pack sources' })).getByRole('listitem');
    expect(source.getAttribute('data-state')).toBe('ok');
    expect(source.textContent).toMatch(/Up to date \(checked /);
    expect(screen.getByText(/checked every 60 minutes/)).toBeTruthy();
  });

  it('"Check now" asks the background, is busy meanwhile, and reports the outcome', async () => {
    const fake = fakeClient();
    renderView(state(), fake.client);
    fake.holdAnswers();
    const button = screen.getByRole('button', { name: 'Check now' });
    await userEvent.click(button);
    expect(fake.sent).toEqual([{ kind: 'check-packs-now' }]);
    // Busy: it says so, keeps its name and the focus, and a second press sends nothing.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Checking…')).toBeTruthy();
    expect(document.activeElement).toBe(button);
    await userEvent.click(button);
    expect(fake.sent).toHaveLength(1);
    fake.release();
    await screen.findByText('Checked just now.');
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('"Check now" says so when the background does not answer', async () => {
    const fake = fakeClient(() => ({
      ok: false,
      error: 'The extension did not answer; try again',
    }));
    renderView(state(), fake.client);
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByText('The check did not run: The extension did not answer; try again');
  });
});

describe('Your own packs', () => {
  const userPack: UserPack = {
    fileName: 'my-team.json',
    importedAt: NOW.getTime(),
    pack: {
      ...starter(),
      id: 'my-team',
      name: 'My team',
      version: '1.0.0',
      extends: ['postguard-starter'],
      rules: [],
    },
  };

  it('imports a chosen file through the background and says it is in force', async () => {
    const fake = fakeClient();
    renderView(state(), fake.client);
    const text = JSON.stringify({
      format: 'postguard/pack@1',
      id: 'mine',
      name: 'Mine',
      version: '1.0.0',
    });
    const file = new File([text], 'mine.json', { type: 'application/json' });
    await userEvent.upload(screen.getByLabelText('Import a pack (.json)'), file);
    await screen.findByText('mine.json is in force.');
    expect(fake.sent).toEqual([{ kind: 'import-pack', fileName: 'mine.json', text }]);
  });

  it("shows the background's refusal with the file's name", async () => {
    const fake = fakeClient(() => ({
      ok: false,
      error: 'rules[0].severity: expected "error", "warning" or "info"',
    }));
    renderView(state(), fake.client);
    await userEvent.upload(
      screen.getByLabelText('Import a pack (.json)'),
      new File(['{}'], 'broken.json', { type: 'application/json' }),
    );
    const outcome = await screen.findByText(/broken.json was not imported/);
    expect(outcome.textContent).toContain('rules[0].severity');
    expect(outcome.className).toContain('pg-notice-error');
  });

  it('removes an imported pack', async () => {
    const fake = fakeClient();
    renderView(state({ userPacks: [userPack] }), fake.client);
    const item = within(screen.getByRole('list', { name: 'Imported packs' })).getByRole('listitem');
    expect(item.textContent).toContain('my-team.json');
    await userEvent.click(within(item).getByRole('button', { name: 'Remove My team' }));
    expect(fake.sent).toEqual([{ kind: 'remove-pack', packId: 'my-team' }]);
    const outcome = await screen.findByText('My team is no longer in force.');
    // The button is gone with its pack (once storage says so): the focus is on the outcome.
    expect(document.activeElement).toBe(outcome);
  });

  it('offers no import when the organisation sets allowUserPacks to false', () => {
    renderView(state({ status: status({ allowUserPacks: false }), userPacks: [userPack] }));
    expect(screen.queryByLabelText('Import a pack (.json)')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(
      screen.getByText(
        /does not allow importing packs\. The pack you imported earlier is not in force\./,
      ),
    ).toBeTruthy();
  });
});

describe('Rules', () => {
  it('lists every rule in force with its message, networks and policy link', () => {
    renderView(state());
    const table = screen.getByRole('table', { name: /^Rules in force \(\d+\)$/ });
    const codenames = within(table)
      .getAllByRole('row')
      .find((row) => row.getAttribute('data-rule-id') === 'confidential.codenames')!;
    expect(codenames.textContent).toContain('from acme-social');
    expect(codenames.textContent).toContain('internal code name');
    expect(within(codenames).getByRole('link', { name: 'Policy' }).getAttribute('href')).toBe(
      'https://intranet.acme.example/social-media-policy#confidential',
    );
    const starterRules = starter().rules.length;
    const demoRules = demoPack().rules.length;
    // Layering may replace starter rules with the organisation's; never more than both.
    const count = within(table).getAllByRole('row').length - 1;
    expect(count).toBeGreaterThanOrEqual(demoRules);
    expect(count).toBeLessThanOrEqual(starterRules + demoRules);
  });

  it('says plainly when packs in force do not compile together', () => {
    const clashing: PackRecord = {
      source: 'managed-inline',
      origin: 'packs[0]',
      pack: { ...demoPack(), id: 'needs-missing', extends: ['not-there'] },
    };
    renderView(state({ policy: { revision: 1, records: [clashing] } }));
    expect(screen.getByRole('alert').textContent).toContain('do not fit together');
    expect(screen.getByRole('alert').textContent).toContain('not-there');
    expect(screen.queryByLabelText('Post to try')).toBeNull();
  });
});

describe('Playground', () => {
  it('shows the findings as the overlay would: marks, messages, links and fixes', async () => {
    renderView(state());
    const post = screen.getByLabelText('Post to try');
    await userEvent.type(post, 'Our Nightjar launch is guaranteed to be the best.');
    await screen.findByText('2 findings: 1 error, 1 warning');

    const preview = screen.getByLabelText('The post with its findings marked');
    const marks = [...preview.querySelectorAll('mark')];
    expect(marks.map((mark) => [mark.textContent, mark.dataset.severity])).toEqual([
      ['Nightjar', 'error'],
      ['guaranteed to', 'warning'],
    ]);
    expect(preview.textContent).toBe('Our Nightjar launch is guaranteed to be the best.');

    const findings = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole(
      'listitem',
    );
    expect(findings.map((item) => item.dataset.ruleId)).toEqual([
      'confidential.codenames',
      'tone.promises',
    ]);
    expect(findings[0]!.textContent).toContain('Nightjar is an internal code name');
    expect(within(findings[0]!).getByRole('link', { name: 'Read the policy' })).toBeTruthy();

    await userEvent.click(
      within(findings[1]!).getByRole('button', { name: 'Replace with "designed to"' }),
    );
    expect((post as HTMLTextAreaElement).value).toBe(
      'Our Nightjar launch is designed to be the best.',
    );
    expect(document.activeElement).toBe(post);
    await userEvent.click(
      within(screen.getByRole('list', { name: 'Findings' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    expect((post as HTMLTextAreaElement).value).toBe('Our launch is designed to be the best.');
    await screen.findByText('No findings: this post follows the policy in force.');
  });

  it('checks for the network picked: the same post can be too long for X only', async () => {
    renderView(state());
    const long = `${'Proud of the team. '.repeat(16)}`.trim();
    await userEvent.click(screen.getByLabelText('Post to try'));
    await userEvent.paste(long);
    await userEvent.selectOptions(screen.getByLabelText('Network to try it on'), 'linkedin');
    expect(screen.queryByRole('list', { name: 'Findings' })?.textContent ?? '').not.toMatch(
      /characters/,
    );
    await userEvent.selectOptions(screen.getByLabelText('Network to try it on'), 'x');
    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(findings.textContent).toMatch(/280/);
  });

  it('follows the packs in force as they change', async () => {
    const view = renderView(state({ policy: null }));
    await userEvent.type(screen.getByLabelText('Post to try'), 'Nightjar ships soon');
    await screen.findByText('No findings: this post follows the policy in force.');
    view.rerender(
      <PacksView state={state()} starter={starter()} client={fakeClient().client} now={now} />,
    );
    await screen.findByText('1 finding: 1 error');
  });
});
