import type { CheckTier, Finding } from '@/src/core/findings';
import type { Network } from '@/src/core/pack/schema';

/**
 * Every message between the extension's parts, one union keyed on `kind`. Receivers
 * check the sender and parse the shape before acting on a message.
 */

/** Content script → background. */
export type ExtensionMessage =
  /** What the background's checking engine has compiled (src/background/engine.ts). */
  | { kind: 'engine-info' }
  /** Check a compose box's text; the text is checked in the background and kept nowhere. */
  | {
      kind: 'check';
      text: string;
      network: Network;
      /** One tier of the rules (see CheckOptions.tier); all of them when absent. */
      tier?: CheckTier;
      /** The moment of checking, in milliseconds since the epoch (embargo dates). */
      now: number;
    }
  | {
      kind: 'post-acknowledged';
      ruleIds: string[];
      network: Network;
      packs: { id: string; version: string }[];
      at: number;
    }
  | {
      kind: 'approved-content-posted';
      contentId: string;
      network: Network;
      packId: string;
      packVersion: string;
      edited: boolean;
      at: number;
    }
  /**
   * A compose box no adapter recognised was focused: where and what, never its text. The
   * background adds the host from the sender and keeps the record (src/store/unrecognised-boxes).
   */
  /** "Why?" on a card: open guide.html at this section, in a new tab. */
  | { kind: 'open-guide'; section: string }
  | {
      kind: 'unrecognised-box';
      network: Network;
      pathShape: string;
      markers: string[];
      at: number;
    };

/** The packs the background's engine has compiled: what a compose box's checks are against. */
export interface EngineInfo {
  packs: { id: string; version: string }[];
  hasSlowRules: boolean;
  /** Changes whenever the packs in force do: a check's reply of another generation is stale. */
  generation: number;
}

/** The background's answer to `engine-info`. */
export type EngineInfoReply = ({ ok: true } & EngineInfo) | { ok: false; error: string };

/** The name of the content script's port to the background's engine (runtime.connect). */
export const ENGINE_PORT = 'postguard-engine';

/** One request on the engine's port: an `engine-info` or `check` message, numbered. */
export interface EnginePortRequest {
  id: number;
  message: ExtensionMessage;
}

/** The answer to the request of the same number. */
export interface EnginePortReply {
  id: number;
  reply: unknown;
}

/** The background's answer to `check`. */
export type CheckReply =
  | { ok: true; findings: Finding[]; generation: number }
  | { ok: false; error: string };

/** Popup or background → the content script of one tab (`browser.tabs.sendMessage`). */
export type TabMessage =
  | { kind: 'compose-status' }
  /** The packs in force changed: ask the engine again and check every box anew. */
  | { kind: 'packs-changed' }
  | {
      kind: 'insert-content';
      contentId: string;
      packId: string;
      packVersion: string;
      /** The full text to insert: wording, hashtags and the tagged link. */
      text: string;
    };

/** The content script's answer to `compose-status`. */
export interface ComposeStatus {
  network: Network;
  /** A compose box has been focused on this page and is still there. */
  hasComposeBox: boolean;
}

/** The content script's answer to `insert-content`. */
export type InsertResult = { ok: true } | { ok: false; reason: 'no-compose-box' | 'insert-failed' };

/** Options page → background: the packs section's requests. */
export type OptionsMessage =
  /** Fetch every pack URL now, whatever the schedule. */
  | { kind: 'check-packs-now' }
  /** Put a pack the person chose in force beside the organisation's (when allowed). */
  | { kind: 'import-pack'; fileName: string; text: string }
  /** Take an imported pack out of force. */
  | { kind: 'remove-pack'; packId: string };

/** The background's answer to an OptionsMessage; `error` is a sentence for the person. */
export type OptionsResponse = { ok: true } | { ok: false; error: string };
