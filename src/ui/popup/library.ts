import { contentText, effectiveContent, tagLink } from '@/src/core/content';
import { allWordings, localize } from '@/src/core/text/localized';
import type { PostLanguage } from '@/src/core/text/post-languages';
import { NETWORKS, type ContentItem, type Network, type Pack } from '@/src/core/pack/schema';

/**
 * The popup's content library: the approved content of the packs in force, ready to search,
 * filter, and turn into the text a person inserts or shares. Pure, so the list, its tests and
 * its benchmark see the same thing.
 */

export interface LibraryEntry {
  item: ContentItem;
  /** The pack the item comes from (the last layer that defines its id). */
  packId: string;
  packVersion: string;
  utm: Record<string, string> | undefined;
  /** Lower-cased, accent-free text of everything a search looks at. */
  haystack: string;
}

/** Folds case and accents, so "resume" finds "Résumé". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Every item on offer today on any network, in layer order. Dates and layering are the
 * engine's (`effectiveContent`), asked once per network and merged, since the popup can
 * filter by any network.
 */
export function libraryEntries(packs: readonly Pack[], now: Date): LibraryEntry[] {
  const source = new Map<string, Pack>();
  for (const pack of packs) for (const item of pack.content) source.set(item.id, pack);
  const inForce = new Map<string, ContentItem>();
  for (const network of NETWORKS)
    for (const item of effectiveContent(packs, { network, now })) inForce.set(item.id, item);
  const entries: LibraryEntry[] = [];
  // Walk ids in the order packs list them, so the list reads as the admins wrote it.
  for (const [id, pack] of source) {
    const item = inForce.get(id);
    if (!item) continue;
    entries.push({
      item,
      packId: pack.id,
      packVersion: pack.version,
      utm: pack.links?.utm,
      haystack: fold(
        [
          item.title,
          // Every wording, each network's in each language too.
          ...Object.values(item.text).flatMap((wording) =>
            wording === undefined ? [] : allWordings(wording),
          ),
          item.campaign ?? '',
          ...(item.tags ?? []),
          ...(item.hashtags ?? []),
          item.url ?? '',
        ].join('\n'),
      ),
    });
  }
  return entries;
}

export interface LibraryFilter {
  query: string;
  campaign: string;
  tag: string;
  /** A network, or '' for every network. */
  network: Network | '';
}

export const NO_FILTER: LibraryFilter = { query: '', campaign: '', tag: '', network: '' };

/** Entries matching every word of the query and every filter, in library order. */
export function filterEntries(
  entries: readonly LibraryEntry[],
  filter: LibraryFilter,
): LibraryEntry[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return entries.filter(({ item, haystack }) => {
    if (filter.campaign && item.campaign !== filter.campaign) return false;
    if (filter.tag && !item.tags?.includes(filter.tag)) return false;
    if (filter.network && item.networks && !item.networks.includes(filter.network)) return false;
    return words.every((word) => haystack.includes(word));
  });
}

/** The campaigns and tags to offer in the filters, sorted. */
export function filterChoices(entries: readonly LibraryEntry[]): {
  campaigns: string[];
  tags: string[];
} {
  const campaigns = new Set<string>();
  const tags = new Set<string>();
  for (const { item } of entries) {
    if (item.campaign) campaigns.add(item.campaign);
    for (const tag of item.tags ?? []) tags.add(tag);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return { campaigns: [...campaigns].sort(byName), tags: [...tags].sort(byName) };
}

export interface ShareText {
  /** The wording for the network (else the default wording). */
  wording: string;
  /** Hashtags the wording does not already carry. */
  hashtags: string[];
  /** The item's URL with the pack's UTM parameters for this network, when it has one. */
  link: string | undefined;
  /** All of it as one post: wording, hashtags, link. */
  text: string;
}

/**
 * What "Insert" puts into the box (and "Copy" copies): the wording for `network`, its
 * hashtags, and its link tagged for that network. Without a network, the default wording
 * and the link as the pack wrote it (tracking needs to know where the post goes). In
 * `language` when the item has a wording in it.
 */
export function shareText(
  entry: LibraryEntry,
  network: Network | undefined,
  language?: PostLanguage,
): ShareText {
  const { item } = entry;
  const wording = network
    ? contentText(item, network, language)
    : (language && item.text[language]) || localize(item.text.default, language);
  const inWording = new Set(fold(wording).match(/#[^\s#]+/gu) ?? []);
  const hashtags = (item.hashtags ?? []).filter((tag) => !inWording.has(fold(tag)));
  const link =
    item.url && network
      ? tagLink(item.url, entry.utm, { network, campaign: item.campaign, id: item.id })
      : item.url;
  const text = [wording, ...hashtags, ...(link ? [link] : [])].join(' ');
  return { wording, hashtags, link, text };
}

export const NETWORK_NAMES: Record<Network, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
};

export interface ShareDialog {
  url: string;
  /** The dialog takes only the link: the text goes by the clipboard. */
  needsPaste: boolean;
}

/**
 * The network's own share dialog, for pages without a compose box.
 * - X's web intent takes the whole text (`/intent/post?text=`).
 * - LinkedIn documents `/sharing/share-offsite/?url=` (the link only); an item without a link
 *   uses the feed's share box with its text (`/feed/?shareActive=true&text=`).
 * - Facebook's sharer takes the link only (`sharer.php?u=`); without a link there is no
 *   dialog to open, and "Copy" is the way.
 */
export function shareDialog(network: Network, share: ShareText): ShareDialog | undefined {
  const param = encodeURIComponent;
  switch (network) {
    case 'x':
      return { url: `https://x.com/intent/post?text=${param(share.text)}`, needsPaste: false };
    case 'linkedin':
      return share.link
        ? {
            url: `https://www.linkedin.com/sharing/share-offsite/?url=${param(share.link)}`,
            needsPaste: true,
          }
        : {
            url: `https://www.linkedin.com/feed/?shareActive=true&text=${param(share.text)}`,
            needsPaste: false,
          };
    case 'facebook':
      return share.link
        ? {
            url: `https://www.facebook.com/sharer/sharer.php?u=${param(share.link)}`,
            needsPaste: true,
          }
        : undefined;
  }
}

/** The networks an item may go to. */
export function itemNetworks(item: ContentItem): readonly Network[] {
  return item.networks ?? NETWORKS;
}
