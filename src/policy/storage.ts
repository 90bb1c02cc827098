import { storage } from 'wxt/utils/storage';
import type { ActivityWriteProblem } from '@/src/store/write-problem';
import type { UnrecognisedBoxSighting } from '@/src/store/unrecognised-box-types';
import type { ActivePolicy, PolicyStatus, UserPack } from './types';

/**
 * Everything Postguard keeps in extension storage, in one place (WXT's habit), so a key is
 * never defined twice. Defining an item touches extension storage at once: pages that render
 * without an extension (component tests) load this module lazily, or are handed what they
 * need another way.
 */

/** The packs in force; the background writes it, every tab and page watches it. */
export const activePolicyItem = storage.defineItem<ActivePolicy | null>('local:activePolicy', {
  fallback: null,
  version: 1,
});

/** Written in the same `set` as `activePolicy`, so status and packs in force always agree. */
export const policyStatusItem = storage.defineItem<PolicyStatus | null>('local:policyStatus', {
  fallback: null,
  version: 1,
});

/** The packs the person imported in the options page. */
export const userPacksItem = storage.defineItem<UserPack[]>('local:userPacks', {
  fallback: [],
  version: 1,
});

/**
 * Cleared by the browser when it quits, kept while it runs: the first moment this browser
 * session saw Postguard's background, whichever service worker it was.
 */
export const sessionStartedAtItem = storage.defineItem<number | null>('session:sessionStartedAt', {
  fallback: null,
});

/** The last activity-log write the background could not make. */
export const activityWriteProblemItem = storage.defineItem<ActivityWriteProblem | null>(
  'local:activityWriteProblem',
  { fallback: null, version: 1 },
);

/** Compose boxes no site adapter recognised: where and what, never their text. */
export const unrecognisedBoxesItem = storage.defineItem<UnrecognisedBoxSighting[]>(
  'local:unrecognisedBoxes',
  { fallback: [], version: 1 },
);

/**
 * The packs whose guide Postguard has opened for the person, by pack id: a guide opens once,
 * when it first arrives, never on the pack's updates. Null until the first guide opened.
 */
export const guidesOpenedItem = storage.defineItem<string[] | null>('local:guidesOpened', {
  fallback: null,
  version: 1,
});
