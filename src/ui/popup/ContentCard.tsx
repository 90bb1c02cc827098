import { memo, useId } from 'react';
import type { Network } from '@/src/core/pack/schema';
import {
  NETWORK_NAMES,
  itemNetworks,
  shareDialog,
  shareText,
  type LibraryEntry,
  type ShareText,
} from './library';
import { formatShortDay, interfaceLanguage, t } from '@/src/ui/i18n';

export interface CardActions {
  insert: (entry: LibraryEntry) => void;
  copy: (entry: LibraryEntry, network: Network | undefined) => void;
  /** A share dialog that takes only the link: the popup copies the text alongside. */
  sharedByLink: (entry: LibraryEntry, network: Network) => void;
}

/**
 * One approved item: its title, the wording for the network in view, the tracked link,
 * campaign and tags, and what can be done with it here (insert into the page's compose box,
 * or open the network's share dialog, and copy).
 */
export const ContentCard = memo(function ContentCard({
  entry,
  network,
  canInsert,
  busy,
  inserted,
  actions,
}: {
  entry: LibraryEntry;
  /** The network the wording and link are for: the tab's, else the one filtered on. */
  network: Network | undefined;
  canInsert: boolean;
  busy: boolean;
  inserted: boolean;
  actions: CardActions;
}) {
  const id = useId();
  const { item } = entry;
  const language = interfaceLanguage();
  const share = shareText(entry, network, language);
  const allowed = itemNetworks(item);
  const notHere = network !== undefined && !allowed.includes(network);

  return (
    <li>
      <article className="pg-card" aria-labelledby={`${id}-title`} data-content-id={item.id}>
        <h2 id={`${id}-title`} className="pg-card-title">
          {item.title}
        </h2>
        <p className="pg-wording">
          {share.wording}
          {share.hashtags.length > 0 && (
            <span className="pg-hashtags"> {share.hashtags.join(' ')}</span>
          )}
        </p>
        {share.link && (
          <p className="pg-link">
            <a href={share.link} target="_blank" rel="noopener noreferrer" title={share.link}>
              {share.link}
            </a>
          </p>
        )}
        <ul className="pg-meta" aria-label={t('item_about')}>
          {item.campaign && <li className="pg-campaign">{t('item_campaign', item.campaign)}</li>}
          {item.tags?.map((tag) => (
            <li key={tag} className="pg-tag">
              {tag}
            </li>
          ))}
          {item.networks && (
            <li className="pg-networks">
              {t('item_for', item.networks.map((n) => NETWORK_NAMES[n]).join(', '))}
            </li>
          )}
          {item.expires && (
            <li className="pg-expires">{t('item_until', formatShortDay(item.expires))}</li>
          )}
        </ul>
        <div className="pg-actions">
          {notHere ? (
            <p className="pg-quiet">{t('item_notFor', NETWORK_NAMES[network])}</p>
          ) : (
            <>
              {canInsert ? (
                <button
                  type="button"
                  className="pg-primary"
                  disabled={busy}
                  aria-describedby={`${id}-title`}
                  onClick={() => actions.insert(entry)}
                >
                  {inserted ? t('item_insertAgain') : t('item_insert')}
                </button>
              ) : (
                (network ? [network] : allowed).map((target) => (
                  <ShareLink
                    key={target}
                    entry={entry}
                    network={target}
                    share={target === network ? share : shareText(entry, target, language)}
                    describedBy={`${id}-title`}
                    onShared={actions.sharedByLink}
                  />
                ))
              )}
              <button
                type="button"
                aria-describedby={`${id}-title`}
                onClick={() => actions.copy(entry, network)}
              >
                {t('item_copy')}
              </button>
            </>
          )}
          {inserted && (
            <span className="pg-done" aria-hidden="true">
              {t('item_inserted')}
            </span>
          )}
        </div>
      </article>
    </li>
  );
});

function ShareLink({
  entry,
  network,
  share,
  describedBy,
  onShared,
}: {
  entry: LibraryEntry;
  network: Network;
  share: ShareText;
  describedBy: string;
  onShared: CardActions['sharedByLink'];
}) {
  const dialog = shareDialog(network, share);
  if (!dialog) return null;
  return (
    <a
      className="pg-button-link"
      href={dialog.url}
      target="_blank"
      rel="noopener noreferrer"
      aria-describedby={describedBy}
      onClick={dialog.needsPaste ? () => onShared(entry, network) : undefined}
    >
      {t('item_shareOn', NETWORK_NAMES[network])}
    </a>
  );
}
