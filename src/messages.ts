import type { Network } from '@/src/core/pack/schema';

/**
 * Every message between the extension's parts, one union keyed on `kind`. Receivers
 * check the sender and parse the shape before acting on a message.
 */
export type ExtensionMessage =
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
    };

export type MessageKind = ExtensionMessage['kind'];
