import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Popup } from '@/src/ui/popup/Popup';
import { PAGE_SIZE } from '@/src/ui/popup/Library';
import {
  EXPIRED_ITEM,
  FULL_DISK,
  FULL_DISK_SHARE_PROBLEM,
  FUTURE_ITEM,
  RESUME_ITEM,
  bigPack,
  demoPack,
  fakeTab,
  testPack,
} from './popup-fixtures';

const ON_LINKEDIN = { network: 'linkedin', hasComposeBox: true } as const;

/** The card of the item titled `title`. */
async function card(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('article')!;
}

function titles(): string[] {
  const list = screen.queryByRole('list', { name: 'Approved content' });
  if (!list) return [];
  return within(list)
    .queryAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '');
}

describe('popup: the list', () => {
  it('shows the items in force with the wording for the tab’s network, the tagged link, campaign and tags', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    const roadrunner = await card('RoadRunner 3.0 is here');
    expect(roadrunner.textContent).toContain('Today we launched RoadRunner 3.0');
    const link = within(roadrunner).getByRole('link', { name: /acme\.example\/roadrunner/ });
    const url = new URL(link.getAttribute('href')!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      utm_source: 'linkedin',
      utm_medium: 'employee-advocacy',
      utm_campaign: 'roadrunner-3',
      utm_content: 'roadrunner-3-launch',
    });
    expect(within(roadrunner).getByText('Campaign: roadrunner-3')).toBeTruthy();
    expect(within(roadrunner).getByText('product')).toBeTruthy();
    expect(within(roadrunner).getByText('launch')).toBeTruthy();
  });

  it('falls back to the default wording when the item has none for the network', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    const impact = await card('Our 2026 impact report');
    expect(impact.textContent).toContain(
      "ACME's 2026 impact report is out: 40% fewer delivery miles per parcel since 2023.",
    );
  });

  it('hides items outside their starts/expires days, and keeps one that starts and ends today', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    expect(titles()).toContain(RESUME_ITEM.title);
    expect(titles()).not.toContain(EXPIRED_ITEM.title);
    expect(titles()).not.toContain(FUTURE_ITEM.title);
    // Everything hidden is hidden from search too.
    await userEvent.type(screen.getByRole('searchbox'), 'summer');
    await waitFor(() => expect(titles()).toEqual([]));
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
  });

  it('starts filtered to the tab’s network and can show every network', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: { network: 'x', hasComposeBox: true },
    });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    // Volunteer day is for Facebook and LinkedIn only.
    expect(titles()).not.toContain('Volunteer day photos');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Network' }), '');
    await waitFor(() => expect(titles()).toContain('Volunteer day photos'));
    const volunteer = await card('Volunteer day photos');
    expect(volunteer.textContent).toContain('Not for X');
    expect(within(volunteer).queryByRole('button', { name: 'Insert' })).toBeNull();
  });

  it('says when the organisation has no content', async () => {
    const tab = fakeTab({ packs: [{ ...demoPack(), content: [] }], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    expect(await screen.findByText(/has not shared any content/)).toBeTruthy();
  });

  it('follows a change of the packs in force while open', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    const pack = demoPack();
    tab.pushPacks([{ ...pack, content: pack.content.filter((i) => i.id === 'careers-winter') }]);
    await waitFor(() => expect(titles()).toEqual(["We're hiring engineers"]));
  });
});

describe('popup: search and filters', () => {
  it('searches as you type, over titles, wording, tags and campaigns, ignoring case and accents', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    const search = screen.getByRole('searchbox', { name: 'Search approved content' });
    expect(document.activeElement).toBe(search);
    await userEvent.type(search, 'RESUME');
    await waitFor(() => expect(titles()).toEqual([RESUME_ITEM.title]));
    await userEvent.clear(search);
    await userEvent.type(search, 'planting');
    await waitFor(() => expect(titles()).toEqual(['Volunteer day photos']));
    await userEvent.clear(search);
    await userEvent.type(search, 'sustainability report');
    await waitFor(() => expect(titles()).toEqual(['Our 2026 impact report']));
    expect(screen.getByText('1 of 5 items match')).toBeTruthy();
  });

  it('filters by campaign and by tag, together with the search', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    const campaign = screen.getByRole('combobox', { name: 'Campaign' });
    expect(
      within(campaign)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'careers-winter', 'community', 'impact-2026', 'roadrunner-3']);
    await userEvent.selectOptions(campaign, 'careers-winter');
    await waitFor(() => expect(titles()).toEqual(["We're hiring engineers", RESUME_ITEM.title]));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'blog');
    await waitFor(() => expect(titles()).toEqual([RESUME_ITEM.title]));
    await userEvent.selectOptions(campaign, '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'hiring');
    await waitFor(() => expect(titles()).toEqual(["We're hiring engineers", RESUME_ITEM.title]));
  });

  it('offers "Clear search and filters" when nothing matches', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    await userEvent.type(screen.getByRole('searchbox'), 'no such words anywhere');
    await userEvent.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('renders 1,000 items a page at a time', async () => {
    const tab = fakeTab({ packs: [bigPack(1000)], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('Approved item number 0');
    expect(screen.getByText('1,000 items')).toBeTruthy();
    expect(titles()).toHaveLength(PAGE_SIZE);
    await userEvent.click(screen.getByRole('button', { name: /^Show 50 more/ }));
    expect(titles()).toHaveLength(2 * PAGE_SIZE);
    await userEvent.type(screen.getByRole('searchbox'), 'number 999');
    await waitFor(() => expect(titles()).toEqual(['Approved item number 999']));
  });
});

describe('popup: insert', () => {
  it('sends the wording, hashtags and tagged link to the tab, confirms, and logs the insert', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: { network: 'x', hasComposeBox: true },
    });
    render(<Popup services={tab.services} />);
    const careers = await card("We're hiring engineers");
    await userEvent.click(within(careers).getByRole('button', { name: 'Insert' }));

    expect(tab.sent).toHaveLength(1);
    const { tabId, message } = tab.sent[0]!;
    expect(tabId).toBe(7);
    expect(message).toMatchObject({
      kind: 'insert-content',
      contentId: 'careers-winter',
      packId: 'acme-social',
      packVersion: '2026.12.0',
    });
    expect(message.text).toBe(
      'My team at ACME is hiring engineers. Come build with us! #ACMEemployee #hiring ' +
        'https://acme.example/careers?team=routing&utm_source=x&utm_medium=employee-advocacy' +
        '&utm_campaign=careers-winter&utm_content=careers-winter',
    );
    const confirmation = await screen.findByText(
      /Inserted “We're hiring engineers” into your X post/,
    );
    // A live region, so a screen reader says it too.
    expect(confirmation.getAttribute('role')).toBe('status');
    expect(within(careers).getByText('✓ Inserted')).toBeTruthy();

    await waitFor(async () => expect(await tab.db().shares.count()).toBe(1));
    const [row] = await tab.db().shares.toArray();
    expect(row).toMatchObject({
      contentId: 'careers-winter',
      network: 'x',
      action: 'inserted',
      packId: 'acme-social',
      packVersion: '2026.12.0',
      edited: false,
    });
  });

  it('does not repeat a hashtag the wording already has', async () => {
    const pack = demoPack();
    const item = {
      ...pack.content[0]!,
      text: { default: 'Proud of the team #ACMEemployee' },
    };
    const tab = fakeTab({ packs: [{ ...pack, content: [item] }], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Insert' }));
    expect(tab.sent[0]!.message.text).toMatch(/^Proud of the team #ACMEemployee #logistics https:/);
  });

  it('adds no tracking when the pack asks for none', async () => {
    const pack = { ...demoPack(), links: undefined };
    const tab = fakeTab({ packs: [pack], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    const careers = await card("We're hiring engineers");
    await userEvent.click(within(careers).getByRole('button', { name: 'Insert' }));
    expect(tab.sent[0]!.message.text).toMatch(/ https:\/\/acme\.example\/careers\?team=routing$/);
  });

  it('says so when the compose box is gone, and logs nothing', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: ON_LINKEDIN,
      insertResult: { ok: false, reason: 'no-compose-box' },
    });
    render(<Popup services={tab.services} />);
    const roadrunner = await card('RoadRunner 3.0 is here');
    await userEvent.click(within(roadrunner).getByRole('button', { name: 'Insert' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no compose box on the page/);
    const db = tab.services.openDatabase({});
    expect(await db.shares.count()).toBe(0);
  });

  it('shows a full disk when the insert cannot be logged', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: ON_LINKEDIN,
      middleware: FULL_DISK,
    });
    render(<Popup services={tab.services} />);
    const roadrunner = await card('RoadRunner 3.0 is here');
    await userEvent.click(within(roadrunner).getByRole('button', { name: 'Insert' }));
    // The text went in; only the log failed, and the person is told why.
    expect(await screen.findByText(/Inserted “RoadRunner 3.0 is here”/)).toBeTruthy();
    const alert = await screen.findByText(/disk .* is full/);
    expect(alert.closest('[role="alert"]')?.getAttribute('data-problem')).toBe('full');
  });
});

describe('popup: no compose box', () => {
  it('offers the network’s share dialog and Copy instead of Insert', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: { network: 'x', hasComposeBox: false },
    });
    render(<Popup services={tab.services} />);
    const careers = await card("We're hiring engineers");
    expect(within(careers).queryByRole('button', { name: 'Insert' })).toBeNull();
    const share = within(careers).getByRole('link', { name: 'Share on X' });
    const intent = new URL(share.getAttribute('href')!);
    expect(intent.origin + intent.pathname).toBe('https://x.com/intent/post');
    expect(intent.searchParams.get('text')).toContain(
      'Come build with us! #ACMEemployee #hiring https://acme.example/careers?team=routing&utm_source=x',
    );
    expect(share.getAttribute('target')).toBe('_blank');
    expect(share.getAttribute('rel')).toBe('noopener noreferrer');

    await userEvent.click(within(careers).getByRole('button', { name: 'Copy' }));
    expect(tab.copied).toEqual([intent.searchParams.get('text')]);
    expect(await screen.findByText("Copied “We're hiring engineers”.")).toBeTruthy();
    expect(screen.getByText(/No compose box open on X/)).toBeTruthy();
  });

  it('LinkedIn and Facebook dialogs take the link; the text goes by the clipboard', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: { network: 'linkedin', hasComposeBox: false },
    });
    render(<Popup services={tab.services} />);
    const roadrunner = await card('RoadRunner 3.0 is here');
    const share = within(roadrunner).getByRole('link', { name: 'Share on LinkedIn' });
    const url = new URL(share.getAttribute('href')!);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect(url.searchParams.get('url')).toBe(
      'https://acme.example/roadrunner?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=roadrunner-3&utm_content=roadrunner-3-launch',
    );
    share.addEventListener('click', (e) => e.preventDefault());
    await userEvent.click(share);
    expect(tab.copied[0]).toMatch(/^Today we launched RoadRunner 3\.0/);
    expect(await screen.findByText(/LinkedIn’s dialog takes the link only/)).toBeTruthy();
  });

  it('on another site, offers each network the item is for, with that network’s wording', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: undefined });
    render(<Popup services={tab.services} />);
    const volunteer = await card('Volunteer day photos');
    expect(screen.getByText(/This tab is not X, Facebook or LinkedIn/)).toBeTruthy();
    // No link, so no Facebook dialog; LinkedIn's feed share box takes the text.
    expect(within(volunteer).queryByRole('link', { name: 'Share on Facebook' })).toBeNull();
    expect(within(volunteer).queryByRole('link', { name: 'Share on X' })).toBeNull();
    const linkedin = within(volunteer).getByRole('link', { name: 'Share on LinkedIn' });
    const url = new URL(linkedin.getAttribute('href')!);
    expect(url.pathname).toBe('/feed/');
    expect(url.searchParams.get('shareActive')).toBe('true');
    expect(url.searchParams.get('text')).toBe(
      'Spent the day with colleagues planting trees along the river. Thank you to everyone who came! #ACMEemployee #volunteering',
    );
    const roadrunner = await card('RoadRunner 3.0 is here');
    const facebook = within(roadrunner).getByRole('link', { name: 'Share on Facebook' });
    expect(new URL(facebook.getAttribute('href')!).searchParams.get('u')).toMatch(
      /utm_source=facebook/,
    );
  });
});

describe('popup: sections', () => {
  it('switches to My activity with the arrow keys, as tabs do', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    const contentTab = screen.getByRole('tab', { name: 'Approved content' });
    contentTab.focus();
    await userEvent.keyboard('{ArrowRight}');
    const activityTab = screen.getByRole('tab', { name: 'My activity' });
    expect(activityTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(activityTab);
    expect(await screen.findByRole('img', { name: /Posts per week, by network/ })).toBeTruthy();
  });

  it('says so when another window blocks the database upgrade', async () => {
    const name = 'popup-blocked';
    // An old page of the extension holds version 1 open and does not let go.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('shares', { keyPath: 'id', autoIncrement: true });
        request.result.createObjectStore('acknowledgements', {
          keyPath: 'id',
          autoIncrement: true,
        });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN, databaseName: name });
    render(<Popup services={tab.services} />);
    await userEvent.click(screen.getByRole('tab', { name: 'My activity' }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-problem')).toBe('blocked');
    expect(alert.textContent).toMatch(/Close other Postguard windows/);
    raw.close();
  });

  it('My activity shows a post the background could not log, until it is dismissed', async () => {
    const tab = fakeTab({
      packs: [testPack()],
      tabId: 7,
      status: ON_LINKEDIN,
      writeProblem: FULL_DISK_SHARE_PROBLEM,
    });
    render(<Popup services={tab.services} />);
    await card('RoadRunner 3.0 is here');
    // Said where the log is read, not over the library; the tab is marked so it is seen.
    expect(screen.queryByRole('alert')).toBeNull();
    const activityTab = screen.getByRole('tab', {
      name: 'My activity',
      description: 'Something could not be added to your activity log: see My activity.',
    });
    expect(activityTab.querySelector('.pg-tab-mark')?.textContent?.trim()).toBe('!');
    await userEvent.click(activityTab);
    const panel = screen.getByRole('tabpanel', { name: 'My activity' });
    const alert = await within(panel).findByRole('alert');
    expect(alert.getAttribute('data-problem')).toBe('full');
    expect(alert.textContent).toMatch(
      /^A post of approved content was not added to your activity log\. Your disk .* is full/,
    );
    expect(within(alert).getByText(/QuotaExceededError/)).toBeTruthy();
    expect(within(alert).getByText('When:').querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(FULL_DISK_SHARE_PROBLEM.at).toISOString(),
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(tab.writeProblems.current()).toBeNull();
    await waitFor(() => expect(activityTab.querySelector('.pg-tab-mark')).toBeNull());
    expect(activityTab.getAttribute('aria-describedby')).toBeNull();
  });

  it('My activity shows a problem the background stores while the popup is open', async () => {
    const tab = fakeTab({ packs: [testPack()], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    await userEvent.click(screen.getByRole('tab', { name: 'My activity' }));
    await screen.findByRole('img', { name: /Posts per week, by network/ });
    expect(screen.queryByRole('alert')).toBeNull();
    tab.writeProblems.set({
      ...FULL_DISK_SHARE_PROBLEM,
      what: 'acknowledgement',
      message: 'A “Post anyway” was not added to your activity log. Your disk is full.',
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/A “Post anyway” was not added/);
    // A later write that works clears it; the notice goes with it.
    tab.writeProblems.set(null);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
