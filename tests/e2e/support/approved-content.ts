// The approved content the popup tests offer: the demo pack with its dates moved around today,
// the items each network's box gets, and the activity log's `shares` table.
import { bundledPack } from './policy';
import type { DriverPage } from './driver';

/** A calendar day relative to today, as packs write them (`YYYY-MM-DD`, local). */
export function day(offset: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The demo pack with its dates moved around today (so the test does not age), and two items
 * the popup must not show: one that expired yesterday, one that starts tomorrow.
 */
export function testPack(): Record<string, unknown> {
  const pack = bundledPack('acme-demo') as { content: Record<string, unknown>[] };
  const content: Record<string, unknown>[] = pack.content.map((item) => ({
    ...item,
    ...(item.starts ? { starts: day(-3) } : {}),
    ...(item.expires ? { expires: day(30) } : {}),
  }));
  content.push(
    {
      id: 'last-week-webinar',
      title: 'Last week’s webinar',
      text: { default: 'Join our webinar on route planning.' },
      url: 'https://acme.example/webinar',
      campaign: 'webinar',
      expires: day(-1),
    },
    {
      id: 'spring-preview',
      title: 'Spring preview',
      text: { default: 'A first look at spring.' },
      starts: day(1),
    },
  );
  return { ...pack, content };
}

export interface LoggedShare {
  id: number;
  contentId: string;
  network: string;
  action: string;
  packId: string;
  packVersion: string;
  edited: boolean;
  at: number;
}

/** The `shares` table, read from an extension page (the database lives in its origin). */
export async function loggedShares(extensionPage: DriverPage): Promise<LoggedShare[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<LoggedShare[]>((resolve, reject) => {
        const open = indexedDB.open('postguard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('shares')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('shares').objectStore('shares').getAll();
          all.onsuccess = () => {
            resolve(all.result as LoggedShare[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    undefined,
  );
}

/** What "Insert" must put into each box: the item meant for its network. */
export interface InsertCase {
  /** The fixture box's name (boxes.ts, driver-boxes.ts). */
  boxName: string;
  contentId: string;
  title: string;
  /** The wording for this network. */
  wording: string;
  /** The item's own URL, its own parameters included. */
  url: string;
  campaign: string;
}

export const INSERT_CASES: InsertCase[] = [
  {
    boxName: 'x-home',
    contentId: 'careers-winter',
    title: "We're hiring engineers",
    wording: 'My team at ACME is hiring engineers. Come build with us!',
    url: 'https://acme.example/careers?team=routing',
    campaign: 'careers-winter',
  },
  {
    boxName: 'facebook-post',
    contentId: 'impact-report-2026',
    title: 'Our 2026 impact report',
    wording:
      "ACME's 2026 impact report is out! We cut delivery miles per parcel by 40% since 2023. Have a read 🌱",
    url: 'https://acme.example/impact-2026',
    campaign: 'impact-2026',
  },
  {
    boxName: 'linkedin-post',
    contentId: 'roadrunner-3-launch',
    title: 'RoadRunner 3.0 is here',
    wording:
      "Today we launched RoadRunner 3.0, route planning that learns from every delivery. I'm proud of the team behind it, and happy to answer questions about what changed.",
    url: 'https://acme.example/roadrunner',
    campaign: 'roadrunner-3',
  },
];
