import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { parsePack } from '@/src/core/pack/parse';
import type { ContentItem, Pack } from '@/src/core/pack/schema';
import type { ComposeStatus, InsertResult, TabMessage } from '@/src/messages';
import { openDatabase } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import type { ActivityWriteProblem, WriteProblemSource } from '@/src/store/write-problem';
import type { PopupServices } from '@/src/ui/popup/services';
import acmeDemo from '@/public/packs/acme-demo.json';

/** Noon on Tuesday 24 November 2026, the day the tests live in. */
export const NOW = new Date(2026, 10, 24, 12);

function day(offset: number): string {
  const d = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const EXPIRED_ITEM: ContentItem = {
  id: 'summer-sale',
  title: 'Summer sale recap',
  text: { default: 'Our summer sale broke records.' },
  url: 'https://acme.example/summer',
  campaign: 'summer',
  tags: ['sales'],
  expires: day(-1),
};

export const FUTURE_ITEM: ContentItem = {
  id: 'spring-preview',
  title: 'Spring preview',
  text: { default: 'A first look at spring.' },
  campaign: 'spring',
  starts: day(1),
};

export const RESUME_ITEM: ContentItem = {
  id: 'resume-tips',
  title: 'Résumé tips from our recruiters',
  text: { default: 'Five résumé tips from the people who read them.' },
  url: 'https://acme.example/blog/resume?lang=en#tips',
  campaign: 'careers-winter',
  tags: ['hiring', 'blog'],
  hashtags: ['#ACMEemployee'],
  starts: day(0),
  expires: day(0),
};

/** The demo pack as shipped, parsed the way the extension parses it. */
export function demoPack(): Pack {
  const parsed = parsePack(acmeDemo);
  if (!parsed.ok) throw new Error('acme-demo.json does not parse');
  return parsed.value;
}

/** The demo pack plus an expired item, an item that starts tomorrow, and one for today only. */
export function testPack(): Pack {
  const pack = demoPack();
  return { ...pack, content: [...pack.content, EXPIRED_ITEM, FUTURE_ITEM, RESUME_ITEM] };
}

/** A pack of `count` generated items, for the 1,000-item list. */
export function bigPack(count: number): Pack {
  const campaigns = ['launch', 'careers', 'impact', 'community', 'events'];
  const tags = ['product', 'hiring', 'report', 'video', 'blog', 'press', 'team'];
  const content: ContentItem[] = Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    title: `Approved item number ${i}`,
    text: {
      default: `Default wording for item ${i}: something the organisation wants shared.`,
      ...(i % 3 === 0 ? { linkedin: `LinkedIn wording for item ${i}, a little longer.` } : {}),
    },
    url: `https://acme.example/items/${i}?ref=list`,
    hashtags: ['#ACMEemployee'],
    campaign: campaigns[i % campaigns.length]!,
    tags: [tags[i % tags.length]!, tags[(i + 3) % tags.length]!],
    ...(i % 4 === 0 ? { networks: ['linkedin' as const, 'x' as const] } : {}),
  }));
  return {
    ...demoPack(),
    id: 'big-pack',
    content,
  };
}

let databases = 0;

/** The background's write problem kept in memory, as extension storage keeps it. */
export interface MemoryWriteProblems extends WriteProblemSource {
  current: () => ActivityWriteProblem | null;
  /** Stores a problem, as the background does after a failed write. */
  set: (problem: ActivityWriteProblem | null) => void;
}

export function memoryWriteProblems(
  initial: ActivityWriteProblem | null = null,
): MemoryWriteProblems {
  let stored = initial;
  const listeners = new Set<(problem: ActivityWriteProblem | null) => void>();
  const set = (problem: ActivityWriteProblem | null) => {
    stored = problem;
    listeners.forEach((listener) => listener(problem));
  };
  return {
    watch(listener) {
      listeners.add(listener);
      listener(stored);
      return () => listeners.delete(listener);
    },
    dismiss: async () => set(null),
    current: () => stored,
    set,
  };
}

/** What the background stores when the disk is full as it logs a post. */
export const FULL_DISK_SHARE_PROBLEM: ActivityWriteProblem = {
  kind: 'full',
  message:
    'A post of approved content was not added to your activity log. Your disk (or the ' +
    'browser’s storage for Postguard) is full, so your activity could not be saved. Free some ' +
    'space, then try again.',
  detail: 'QuotaExceededError: The quota has been exceeded.',
  what: 'share',
  at: new Date(2026, 10, 24, 11, 30).getTime(),
};

export interface FakeTab {
  services: PopupServices;
  /** Messages sent to the tab's content script. */
  sent: { tabId: number; message: Extract<TabMessage, { kind: 'insert-content' }> }[];
  copied: string[];
  /** The database the popup opened (after it opened one). */
  db: () => PostguardDb;
  /** Pushes new packs in force, as a storage change would. */
  pushPacks: (packs: Pack[]) => void;
  /** The background's stored write problem. */
  writeProblems: MemoryWriteProblems;
}

/**
 * The popup's services with the tab's side played by a fake content script (it answers
 * `compose-status` and `insert-content` as src/compose/main.ts does) and a real Dexie database
 * over fake-indexeddb.
 */
export function fakeTab(options: {
  packs: Pack[];
  tabId?: number;
  status?: ComposeStatus;
  insertResult?: InsertResult;
  /** Extra Dexie middleware: a full disk, for one. */
  middleware?: Middleware<DBCore>;
  databaseName?: string;
  /** A write the background could not make, stored before the popup opens. */
  writeProblem?: ActivityWriteProblem;
}): FakeTab {
  const writeProblems = memoryWriteProblems(options.writeProblem ?? null);
  const sent: FakeTab['sent'] = [];
  const copied: string[] = [];
  const watchers = new Set<(packs: Pack[]) => void>();
  let opened: PostguardDb | undefined;
  const services: PopupServices = {
    targetTab: async () => options.tabId,
    composeStatus: async () => options.status,
    async insert(tabId, message) {
      sent.push({ tabId, message });
      return options.insertResult ?? { ok: true };
    },
    loadPacks: async () => options.packs,
    watchPacks(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    openDatabase(openOptions) {
      const db = openDatabase(options.databaseName ?? `popup-test-${++databases}`, openOptions);
      if (options.middleware) db.use(options.middleware);
      return (opened = db);
    },
    writeProblems,
    copy: async (text) => {
      copied.push(text);
    },
    now: () => NOW,
  };
  return {
    services,
    sent,
    copied,
    db: () => {
      if (!opened) throw new Error('the popup has not opened its database');
      return opened;
    },
    pushPacks: (packs) => watchers.forEach((listener) => listener(packs)),
    writeProblems,
  };
}

/** A disk that is full: every write of a log row fails as the browser fails it. */
export const FULL_DISK: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'FullDisk',
  level: -1,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: () =>
          Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
      };
    },
  }),
};
