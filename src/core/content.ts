import { localDate } from './dates';
import type { ContentItem, Network, Pack } from './pack/schema';
import { localize } from './text/localized';
import { POST_LANGUAGES, type PostLanguage } from './text/post-languages';

/**
 * Approved content: ready-made posts an organisation offers its people, and the tracking
 * parameters their links get.
 */

export interface ContentQuery {
  network: Network;
  now?: Date;
}

/**
 * The content items on offer for `network` today, from packs in layer order: an item with
 * the same id in a later pack replaces the earlier one. `starts` and `expires` are whole
 * days, both included.
 */
export function effectiveContent(packs: readonly Pack[], query: ContentQuery): ContentItem[] {
  const today = localDate(query.now ?? new Date());
  const items = new Map<string, ContentItem>();
  for (const pack of packs) for (const item of pack.content) items.set(item.id, item);
  return [...items.values()].filter(
    (item) =>
      (!item.networks || item.networks.includes(query.network)) &&
      (!item.starts || item.starts <= today) &&
      (!item.expires || today <= item.expires),
  );
}

function inLanguage(
  wording: ContentItem['text'][Network] | ContentItem['text']['default'],
  language: PostLanguage,
): string | undefined {
  return typeof wording === 'object' ? wording[language] : undefined;
}

/**
 * The item's text for `network` in `language`: the network's own wording in that language,
 * then the language's wording for every network, then the default's translation; without one
 * in the language, the network's wording, then the default. An empty wording counts as none.
 */
export function contentText(item: ContentItem, network: Network, language?: PostLanguage): string {
  const { text } = item;
  const own = text[network];
  if (language) {
    const translated =
      inLanguage(own, language) || text[language] || inLanguage(text.default, language);
    if (translated) return translated;
  }
  return (own === undefined ? '' : localize(own, undefined)) || localize(text.default, undefined);
}

/** The languages the item has a wording of its own in; none when it has only its default. */
export function contentLanguages(item: ContentItem): PostLanguage[] {
  const { text } = item;
  const wordings = [text.default, text.x, text.facebook, text.linkedin];
  return POST_LANGUAGES.filter(
    (language) =>
      text[language] !== undefined ||
      wordings.some((wording) => inLanguage(wording, language) !== undefined),
  );
}

export interface TagContext {
  network: Network;
  campaign?: string;
  id: string;
}

/**
 * Adds the pack's UTM parameters to `url`: `{ "source": "{network}" }` becomes
 * `utm_source=linkedin`. Parameters already on the URL are kept as they are; a parameter
 * whose value comes out empty (no campaign) is left out. Without `utm`, or for a string that
 * is not a URL, the URL is returned unchanged.
 */
export function tagLink(
  url: string,
  utm: Record<string, string> | undefined,
  context: TagContext,
): string {
  if (!utm || Object.keys(utm).length === 0) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const values: Record<string, string> = {
    network: context.network,
    campaign: context.campaign ?? '',
    id: context.id,
  };
  const added = new URLSearchParams();
  for (const [key, template] of Object.entries(utm)) {
    const name = key.startsWith('utm_') ? key : `utm_${key}`;
    if (parsed.searchParams.has(name)) continue;
    const value = template.replace(
      /\{(network|campaign|id)\}/g,
      (_, field: string) => values[field] ?? '',
    );
    if (value) added.append(name, value);
  }
  if (added.size === 0) return url;
  // Appended to the query as written, so the URL's own parameters keep their exact spelling.
  parsed.search = parsed.search ? `${parsed.search}&${added.toString()}` : `?${added.toString()}`;
  return parsed.toString();
}
