import { z } from '@/src/core/zod';
import { MAX_PACK_BYTES } from '@/src/core/pack/schema';
import type { OptionsMessage } from '@/src/messages';
import type { MessageSenderInfo } from '../messages';

/** Options-page requests are untrusted input until parsed, like every message. */
export const OptionsMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check-packs-now') }).strict(),
  z
    .object({
      kind: z.literal('import-pack'),
      fileName: z.string().min(1).max(255),
      // Characters, not bytes: parsePack measures the bytes and says so in plain words.
      text: z.string().max(MAX_PACK_BYTES + 1),
    })
    .strict(),
  z.object({ kind: z.literal('remove-pack'), packId: z.string().min(1).max(200) }).strict(),
]) satisfies z.ZodType<OptionsMessage>;

/**
 * Accepts a request only from one of this extension's own pages (the options page), never
 * from a content script: a site could otherwise import packs or switch rules off.
 *
 * `extensionOrigin` is `browser.runtime.getURL('/')`: in Firefox the extension's URL host
 * is a per-install UUID, not its id.
 */
export function acceptOptionsMessage(
  raw: unknown,
  sender: MessageSenderInfo,
  extensionId: string,
  extensionOrigin: string,
): OptionsMessage | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  const expected = schemeAndHost(extensionOrigin);
  if (!expected || schemeAndHost(sender.url) !== expected) return undefined;
  const parsed = OptionsMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** `chrome-extension://id`: URL.origin is "null" for such schemes outside the browser. */
function schemeAndHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : undefined;
  } catch {
    return undefined;
  }
}
