import { filterBounds, type LogFilter } from './activity';
import type { Acknowledgement, PostguardDb } from './schema';

/**
 * Reads of the "Post anyway" entries (the `acknowledgements` table) for the options page and
 * the exports. They take the log's network and days; the action filter is for shares only.
 * The table is indexed by time alone and holds few rows, so the network is a filter.
 */

export type AcknowledgementFilter = Pick<LogFilter, 'network' | 'from' | 'to'>;

type AcknowledgementCollection = ReturnType<PostguardDb['acknowledgements']['toCollection']>;

function filtered(db: PostguardDb, filter: AcknowledgementFilter): AcknowledgementCollection {
  const { start, end } = filterBounds(filter);
  const collection = db.acknowledgements.where('at').between(start, end);
  const { network } = filter;
  return network ? collection.filter((row) => row.network === network) : collection;
}

export interface AcknowledgementPage {
  rows: Acknowledgement[];
  /** How many entries match in all. */
  total: number;
}

/** The newest `limit` entries that match, newest first. */
export async function queryAcknowledgements(
  db: PostguardDb,
  filter: AcknowledgementFilter,
  limit: number,
): Promise<AcknowledgementPage> {
  return db.transaction('r', db.acknowledgements, async () => {
    const rows = await filtered(db, filter).reverse().limit(limit).toArray();
    const total = rows.length < limit ? rows.length : await filtered(db, filter).count();
    return { rows, total };
  });
}

/** Every entry that matches, oldest first: what the exports write. */
export async function readAcknowledgements(
  db: PostguardDb,
  filter: AcknowledgementFilter = {},
): Promise<Acknowledgement[]> {
  return filtered(db, filter).toArray();
}
