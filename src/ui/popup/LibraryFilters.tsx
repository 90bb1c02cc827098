import { useId } from 'react';
import { NETWORKS, type Network } from '@/src/core/pack/schema';
import { NETWORK_NAMES, type LibraryFilter } from './library';
import { t } from '@/src/ui/i18n';

/** Search as you type, and the campaign, tag and network filters. */
export function LibraryFilters({
  filter,
  campaigns,
  tags,
  onChange,
}: {
  filter: LibraryFilter;
  campaigns: readonly string[];
  tags: readonly string[];
  onChange: (change: Partial<LibraryFilter>) => void;
}) {
  const id = useId();
  return (
    <div role="search" className="pg-filters">
      <label htmlFor={`${id}-query`} className="pg-search-label">
        {t('filters_searchLabel')}
      </label>
      <input
        id={`${id}-query`}
        type="search"
        value={filter.query}
        placeholder={t('filters_searchPlaceholder')}
        autoComplete="off"
        // The popup is for finding content: typing can start at once.
        autoFocus
        onChange={(e) => onChange({ query: e.target.value })}
      />
      <div className="pg-selects">
        <label>
          <span>{t('filters_campaign')}</span>
          <select value={filter.campaign} onChange={(e) => onChange({ campaign: e.target.value })}>
            <option value="">{t('filters_allCampaigns')}</option>
            {campaigns.map((campaign) => (
              <option key={campaign} value={campaign}>
                {campaign}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters_tag')}</span>
          <select value={filter.tag} onChange={(e) => onChange({ tag: e.target.value })}>
            <option value="">{t('filters_allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters_network')}</span>
          <select
            value={filter.network}
            onChange={(e) => onChange({ network: e.target.value as Network | '' })}
          >
            <option value="">{t('filters_allNetworks')}</option>
            {NETWORKS.map((network) => (
              <option key={network} value={network}>
                {NETWORK_NAMES[network]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
