// The shapes of an unrecognised compose box's report and sighting, apart from the code that
// keeps them, so that the storage items (src/policy/storage.ts) can name them without a circle.
import type { Network } from '@/src/core/pack/schema';

/** What the content script reports: never any text of the box or the page. */
export interface UnrecognisedBoxReport {
  network: Network;
  /** `location.hostname`. */
  host: string;
  /** `location.pathname` with ids replaced by the caller, e.g. `/feed/update/:id/`. */
  pathShape: string;
  /** What the box looked like, e.g. `contenteditable`, `role=textbox`, `tiptap`, `in-shadow-root`. */
  markers: readonly string[];
  /** Epoch milliseconds. */
  at: number;
}

export interface UnrecognisedBoxSighting {
  network: Network;
  host: string;
  pathShape: string;
  /** Sorted, without duplicates: the same box reported twice is one sighting. */
  markers: string[];
  firstSeen: number;
  lastSeen: number;
  count: number;
}
