import { z } from '@/src/core/zod';
import { Network } from '@/src/core/pack/schema';

/** The longest text a compose box sends to be checked: a pasted page, with room to spare. */
export const MAX_CHECKED_TEXT = 200_000;
import type { ExtensionMessage } from '@/src/messages';

const PackRef = z.object({ id: z.string().max(200), version: z.string().max(100) }).strict();

/** Messages are untrusted input until parsed: a compromised page cannot shape them freely. */
export const ExtensionMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('engine-info') }).strict(),
  z
    .object({
      kind: z.literal('check'),
      text: z.string().max(MAX_CHECKED_TEXT),
      network: Network,
      tier: z.enum(['quick', 'slow']).optional(),
      now: z.number().int().nonnegative(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('open-guide'),
      // A section id as the pack schema allows it: it becomes the page's #fragment.
      section: z
        .string()
        .max(200)
        .regex(/^[a-z0-9][a-z0-9-]*$/),
    })
    .strict(),
  z
    .object({
      kind: z.literal('post-acknowledged'),
      ruleIds: z.array(z.string().max(200)).max(100),
      network: Network,
      packs: z.array(PackRef).max(50),
      at: z.number().int().nonnegative(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('approved-content-posted'),
      contentId: z.string().max(200),
      network: Network,
      packId: z.string().max(200),
      packVersion: z.string().max(100),
      edited: z.boolean(),
      at: z.number().int().nonnegative(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('unrecognised-box'),
      network: Network,
      pathShape: z.string().max(200),
      markers: z.array(z.string().max(100)).max(100),
      at: z.number().int().nonnegative(),
    })
    .strict(),
]) satisfies z.ZodType<ExtensionMessage>;

/** The parts of a runtime.MessageSender we check. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number; index?: number };
}

/** Whom the background believes. */
export interface SenderTrust {
  extensionId: string;
  /** `runtime.getURL('/')`: in Firefox the pages' host is a per-install UUID, not the id. */
  extensionOrigin?: string;
  /**
   * Whether a page is one the content script runs on. Given by the entry point (the sites'
   * list lives with the site adapters), so the background imports no other feature's code.
   */
  isSitePage(url: string): boolean;
}

/**
 * Accepts a message only from this extension's own content script on one of the sites it
 * runs on (or from its own pages), and only in a known shape.
 */
export function acceptMessage(
  raw: unknown,
  sender: MessageSenderInfo,
  trust: SenderTrust,
): ExtensionMessage | undefined {
  const { extensionId, isSitePage } = trust;
  const extensionOrigin = trust.extensionOrigin ?? `chrome-extension://${extensionId}/`;
  if (sender.id !== extensionId) return undefined;
  const url = sender.tab?.url ?? sender.url;
  if (!url) return undefined;
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return undefined;
  }
  let ownPages: URL | undefined;
  try {
    ownPages = new URL(extensionOrigin);
  } catch {
    ownPages = undefined;
  }
  const fromExtensionPage =
    ownPages !== undefined &&
    parsedUrl.protocol === ownPages.protocol &&
    parsedUrl.host !== '' &&
    parsedUrl.host === ownPages.host;
  const fromSite = isSitePage(url);
  if (!fromExtensionPage && !fromSite) return undefined;
  const parsed = ExtensionMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
