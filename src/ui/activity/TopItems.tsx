import type { TopItem } from '@/src/store/activity';
import { t, tCount } from '@/src/ui/i18n';

export function TopItems({
  items,
  titles,
}: {
  items: readonly TopItem[];
  titles: ReadonlyMap<string, string>;
}) {
  if (items.length === 0) return <p className="pg-quiet">{t('activity_nothingShared')}</p>;
  return (
    <ol className="pg-top-items">
      {items.map((item) => (
        <li key={item.contentId}>
          <span className="pg-top-title">{titles.get(item.contentId) ?? item.contentId}</span>{' '}
          <span className="pg-quiet">
            {tCount('count_posts', item.posted)} · {tCount('count_inserts', item.inserted)}
          </span>
        </li>
      ))}
    </ol>
  );
}
