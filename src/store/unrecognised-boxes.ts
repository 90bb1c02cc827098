import { z } from '@/src/core/zod';
import { unrecognisedBoxesItem } from '@/src/policy/storage';
import { Network } from '@/src/core/pack/schema';
import type { UnrecognisedBoxReport, UnrecognisedBoxSighting } from './unrecognised-box-types';

/**
 * Compose boxes on a supported site that no site adapter recognised, kept in this browser only so
 * that the options page can show them and the person can tell their admin that a site changed.
 * A sighting says where and what kind of editor, never a word of what was in the box or the page.
 */

export type { UnrecognisedBoxReport, UnrecognisedBoxSighting } from './unrecognised-box-types';

/** The options page's view of the sightings: watched while it is open, cleared on "Clear". */
export interface UnrecognisedBoxesSource {
  /** Calls back with the sightings (most recently seen first), then on every change; returns the unsubscribe. */
  watch(listener: (sightings: UnrecognisedBoxSighting[]) => void): () => void;
  clear(): Promise<void>;
}

export const MAX_SIGHTINGS = 50;
export const MAX_MARKERS = 12;
export const MAX_MARKER_LENGTH = 40;
export const MAX_PATH_SHAPE_LENGTH = 200;
/** The longest a DNS name can be. */
export const MAX_HOST_LENGTH = 253;

// The report comes from a content script running on a page Postguard does not control: whatever
// reaches storage must be short, plain ASCII, and free of anything that could carry page text.
const host = z
  .string()
  .min(1)
  .max(MAX_HOST_LENGTH)
  // Hostnames as `location.hostname` gives them: punycode, IPv4, or a bracketed IPv6 address.
  .regex(/^[a-z0-9.\-[\]:]+$/i);
// `location.pathname` is percent-encoded and has no query or fragment, so a real path shape has
// no spaces, non-ASCII, `?` or `#` (a search's words would come in a query).
const pathShape = z
  .string()
  .max(MAX_PATH_SHAPE_LENGTH)
  .regex(/^\/[\x21-\x22\x24-\x3e\x40-\x7e]*$/);
const marker = z.string().regex(/^[a-z0-9=:_\-.]+$/i);
const at = z.number().int().nonnegative();

// Unknown keys (a `text` a caller should not have sent) are stripped, not stored.
const reportSchema = z.object({
  network: Network,
  host,
  pathShape,
  markers: z.array(marker).max(100),
  at,
});

const sightingSchema = z.object({
  network: Network,
  host,
  pathShape,
  markers: z.array(marker.max(MAX_MARKER_LENGTH)).max(MAX_MARKERS),
  firstSeen: at,
  lastSeen: at,
  count: z.number().int().positive(),
});

export { unrecognisedBoxesItem };

/** Sorted, deduplicated, each cut to its cap: the form a sighting keeps and compares by. */
function normaliseMarkers(markers: readonly string[]): string[] {
  const cut = markers.map((marker) => marker.slice(0, MAX_MARKER_LENGTH));
  return [...new Set(cut)].sort().slice(0, MAX_MARKERS);
}

function sameBox(sighting: UnrecognisedBoxSighting, report: UnrecognisedBoxSighting): boolean {
  return (
    sighting.network === report.network &&
    sighting.host === report.host &&
    sighting.pathShape === report.pathShape &&
    sighting.markers.length === report.markers.length &&
    sighting.markers.every((marker, index) => marker === report.markers[index])
  );
}

/** What is stored, minus anything that is not a sighting (an older build's, or a hand edit). */
function readable(stored: unknown): UnrecognisedBoxSighting[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown) => {
    const parsed = sightingSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

const byLastSeen = (a: UnrecognisedBoxSighting, b: UnrecognisedBoxSighting) =>
  b.lastSeen - a.lastSeen;

function withSighting(
  stored: UnrecognisedBoxSighting[],
  seen: UnrecognisedBoxSighting,
): UnrecognisedBoxSighting[] {
  const known = stored.find((sighting) => sameBox(sighting, seen));
  const merged = known
    ? {
        ...known,
        // Reports can land out of order (two tabs, a slow write): the range only widens.
        firstSeen: Math.min(known.firstSeen, seen.firstSeen),
        lastSeen: Math.max(known.lastSeen, seen.lastSeen),
        count: known.count + 1,
      }
    : seen;
  const others = stored.filter((sighting) => sighting !== known);
  return [merged, ...others].sort(byLastSeen).slice(0, MAX_SIGHTINGS);
}

/** Our report made it into `stored`: its box is there, seen at least as late as we saw it. */
function holds(stored: UnrecognisedBoxSighting[], seen: UnrecognisedBoxSighting): boolean {
  return (
    stored.some((sighting) => sameBox(sighting, seen) && sighting.lastSeen >= seen.lastSeen) ||
    // Fifty boxes seen later push ours out: there is nothing to put back.
    (stored.length >= MAX_SIGHTINGS &&
      stored.every((sighting) => sighting.lastSeen >= seen.lastSeen))
  );
}

// Reports from this page wait for each other, so two focuses in quick succession both count.
let writes: Promise<void> = Promise.resolve();
const WRITE_ATTEMPTS = 3;

async function writeSighting(seen: UnrecognisedBoxSighting): Promise<void> {
  // extension storage has no transaction: another tab's content script can read before our
  // write and write after it, and its list (without our report) wins. Each write is one
  // read-modify-write `setValue`, then a read to see that our report is still there, and the
  // write again if it is not. That narrows the loss to a write that lands between our check and
  // the next report, and what can then be lost is one count of a box already recorded or, rarely,
  // a box that the next focus on it records again. Exact counts would need one writer (the
  // background) receiving every report by message.
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    await unrecognisedBoxesItem.setValue(
      withSighting(readable(await unrecognisedBoxesItem.getValue()), seen),
    );
    if (holds(readable(await unrecognisedBoxesItem.getValue()), seen)) return;
  }
}

/**
 * Records that a box no adapter recognised was seen. A malformed report (it comes from a page
 * Postguard does not control) is dropped, and only the report's own fields are kept.
 */
export function recordUnrecognisedBox(report: UnrecognisedBoxReport): Promise<void> {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) {
    // Which fields, never their values: those came from the page.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    console.warn('Postguard: an unrecognised compose box report was malformed:', fields.join(', '));
    return Promise.resolve();
  }
  const { network, host, pathShape, markers, at } = parsed.data;
  const seen: UnrecognisedBoxSighting = {
    network,
    host: host.toLowerCase(),
    pathShape,
    markers: normaliseMarkers(markers),
    firstSeen: at,
    lastSeen: at,
    count: 1,
  };
  const write = writes.then(() => writeSighting(seen));
  // A failed write must not stop the ones after it; the caller still hears of its own failure.
  writes = write.catch(() => undefined);
  return write;
}

export async function clearUnrecognisedBoxes(): Promise<void> {
  await unrecognisedBoxesItem.removeValue();
}

/** The stored sightings for the options page. */
export const storedUnrecognisedBoxes: UnrecognisedBoxesSource = {
  watch(listener) {
    let changed = false;
    let live = true;
    const unwatch = unrecognisedBoxesItem.watch((sightings) => {
      changed = true;
      listener(readable(sightings).sort(byLastSeen));
    });
    unrecognisedBoxesItem.getValue().then(
      // A change seen first is newer than this read.
      (sightings) => live && !changed && listener(readable(sightings).sort(byLastSeen)),
      (error: unknown) =>
        console.warn('Postguard: could not read the unrecognised compose boxes', error),
    );
    return () => {
      live = false;
      unwatch();
    };
  },
  clear: clearUnrecognisedBoxes,
};
