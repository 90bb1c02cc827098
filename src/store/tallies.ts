import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { tallyShares, type Tallies } from './activity';
import { weekOf } from './weeks';
import type { ItemTally, ShareEvent, WeeklyTally } from './schema';

/**
 * Keeps `weeklyTallies` and `itemTallies` in step with `shares`, whoever writes the log (the
 * popup logs inserts, the background logs posts) and however (add, put, delete, clear): a
 * Dexie middleware widens every read-write transaction on `shares` to the tallies and
 * updates them in that same transaction, so a log row and its count land or fail together.
 */

const TALLY_STORES = ['weeklyTallies', 'itemTallies'];

/** A v1 row as v2 stores it: its week fixed, and the defaults v1 left implicit written out. */
export function upgradeShareRow(row: ShareEvent): ShareEvent {
  const at = typeof row.at === 'number' ? row.at : new Date(row.at as unknown as string).getTime();
  return {
    ...row,
    at,
    // v1 only ever logged posts (from the background), and an unknown edit is no edit.
    action: row.action ?? 'posted',
    edited: row.edited ?? false,
    week: row.week ?? weekOf(at),
  };
}

function withWeek(row: ShareEvent): ShareEvent {
  return row.week ? row : { ...row, week: weekOf(row.at) };
}

export function tallyMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ShareTallies',
    // Below Dexie's own middlewares (hooks, cache, observability at 0 and up), which read the
    // transaction from Dexie's zone; the awaits here would lose that zone. Below this level
    // sits only IndexedDB itself.
    level: -0.5,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope =
            mode === 'readwrite' && stores.includes('shares')
              ? [...new Set([...stores, ...TALLY_STORES])]
              : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== 'shares') return table;
          return { ...table, mutate: (req) => mutateShares(down, table, req) };
        },
      };
    },
  };
}

function isUpgrade(trans: DBCoreTransaction): boolean {
  // The v2 upgrade recounts everything itself, once, after rewriting the rows.
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

async function mutateShares(
  down: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (isUpgrade(trans)) return table.mutate(req);

  let request = req;
  // What each operation removes (rows replaced or deleted), index by index.
  let before: (ShareEvent | undefined)[] = [];
  switch (req.type) {
    case 'add':
      request = { ...req, values: req.values.map(withWeek) };
      break;
    case 'put': {
      const values = req.values.map(withWeek);
      request = { ...req, values };
      const keys: unknown[] = req.keys ?? values.map((value) => value.id);
      before = await existing(table, trans, keys);
      break;
    }
    case 'delete':
      before = await existing(table, trans, req.keys);
      break;
    case 'deleteRange': {
      const { result } = await table.query({
        trans,
        values: true,
        query: { index: table.schema.primaryKey, range: req.range },
      });
      before = result as ShareEvent[];
      break;
    }
  }

  const response = await table.mutate(request);
  const failed = (i: number) => response.failures[i] !== undefined;
  const added =
    request.type === 'add' || request.type === 'put'
      ? (request.values as ShareEvent[]).filter((_, i) => !failed(i))
      : [];
  // deleteRange reports no per-row failures: it either happened or threw.
  const removed = before.filter(
    (row, i): row is ShareEvent => row !== undefined && (req.type === 'deleteRange' || !failed(i)),
  );
  try {
    await applyTallies(down, trans, merge(tallyShares(added), tallyShares(removed, -1)));
  } catch (error) {
    // A row without its count would skew the figures for good: undo the row too.
    try {
      trans.abort();
    } catch {
      // Already finished or aborted: nothing was committed past this point.
    }
    throw error;
  }
  return response;
}

async function existing(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly unknown[],
): Promise<(ShareEvent | undefined)[]> {
  const known = keys.map((key, i) => [key, i] as const).filter(([key]) => key != null);
  const rows: (ShareEvent | undefined)[] = new Array(keys.length).fill(undefined);
  if (known.length === 0) return rows;
  const found = await table.getMany({ trans, keys: known.map(([key]) => key) });
  known.forEach(([, i], n) => (rows[i] = found[n] as ShareEvent | undefined));
  return rows;
}

function merge(a: Tallies, b: Tallies): Tallies {
  return { weekly: [...a.weekly, ...b.weekly], items: [...a.items, ...b.items] };
}

async function applyTallies(down: DBCore, trans: DBCoreTransaction, deltas: Tallies) {
  await bump<WeeklyTally>(down.table('weeklyTallies'), trans, deltas.weekly, (t) => [
    t.week,
    t.network,
    t.action,
  ]);
  await bump<ItemTally>(down.table('itemTallies'), trans, deltas.items, (t) => [
    t.contentId,
    t.network,
    t.action,
  ]);
}

/** Adds each delta to its stored count; a count that reaches zero is deleted. */
async function bump<T extends { count: number }>(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: readonly T[],
  keyOf: (tally: T) => unknown[],
): Promise<void> {
  // The same key can come twice (a put that replaces a row with one in the same week).
  const summed = new Map<string, { key: unknown[]; tally: T }>();
  for (const delta of deltas) {
    const key = keyOf(delta);
    const id = JSON.stringify(key);
    const known = summed.get(id);
    if (known) known.tally = { ...known.tally, count: known.tally.count + delta.count };
    else summed.set(id, { key, tally: { ...delta } });
  }
  const changes = [...summed.values()].filter(({ tally }) => tally.count !== 0);
  if (changes.length === 0) return;
  const stored = (await table.getMany({ trans, keys: changes.map((c) => c.key) })) as (
    | T
    | undefined
  )[];
  const puts: T[] = [];
  const deletes: unknown[] = [];
  changes.forEach(({ key, tally }, i) => {
    const count = (stored[i]?.count ?? 0) + tally.count;
    if (count > 0) puts.push({ ...tally, count });
    else deletes.push(key);
  });
  if (puts.length) throwOnFailure(await table.mutate({ type: 'put', trans, values: puts }));
  if (deletes.length) throwOnFailure(await table.mutate({ type: 'delete', trans, keys: deletes }));
}

function throwOnFailure(response: DBCoreMutateResponse): void {
  // A count that cannot be written (a full disk) must fail the log row with it.
  const failure = Object.values(response.failures)[0];
  if (failure) throw failure;
}
