import type { TopItem } from '@/src/store/activity';
import { plural } from './format';

export function TopItems({
  items,
  titles,
}: {
  items: readonly TopItem[];
  titles: ReadonlyMap<string, string>;
}) {
  if (items.length === 0) return <p className="pg-quiet">Nothing shared yet.</p>;
  return (
    <ol className="pg-top-items">
      {items.map((item) => (
        <li key={item.contentId}>
          <span className="pg-top-title">{titles.get(item.contentId) ?? item.contentId}</span>{' '}
          <span className="pg-quiet">
            {plural(item.posted, 'post', 'posts')} · {plural(item.inserted, 'insert', 'inserts')}
          </span>
        </li>
      ))}
    </ol>
  );
}
