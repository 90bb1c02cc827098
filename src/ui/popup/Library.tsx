import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Network, Pack } from '@/src/core/pack/schema';
import type { ComposeStatus } from '@/src/messages';
import type { PostguardDb } from '@/src/store/schema';
import { logInsert } from '@/src/store/share-log';
import { ContentCard, type CardActions } from './ContentCard';
import { LibraryFilters } from './LibraryFilters';
import {
  NETWORK_NAMES,
  NO_FILTER,
  filterChoices,
  filterEntries,
  libraryEntries,
  shareText,
  type LibraryEntry,
  type LibraryFilter,
} from './library';
import type { PopupServices } from './services';

/** Cards rendered at first and per "Show more": a popup shows a dozen at a time anyway. */
export const PAGE_SIZE = 50;

type Target =
  | { state: 'loading' }
  | { state: 'ready'; tabId: number | undefined; status: ComposeStatus | undefined };

type Notice = { tone: 'done' | 'error'; text: string } | undefined;

/** The approved content of the packs in force, and what to do with it on this tab. */
export function Library({
  services,
  db,
  onDatabaseError,
}: {
  services: PopupServices;
  db: PostguardDb;
  onDatabaseError: (error: unknown) => void;
}) {
  const [packs, setPacks] = useState<Pack[] | undefined>();
  const [packError, setPackError] = useState<string | undefined>();
  const [target, setTarget] = useState<Target>({ state: 'loading' });
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const networkChosen = useRef(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const [insertedId, setInsertedId] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    services.loadPacks().then(
      (loaded) => live && setPacks(loaded),
      (error: unknown) => live && setPackError(String(error)),
    );
    const unwatch = services.watchPacks((loaded) => live && setPacks(loaded));
    void (async () => {
      const tabId = await services.targetTab();
      const status = tabId === undefined ? undefined : await services.composeStatus(tabId);
      if (!live) return;
      setTarget({ state: 'ready', tabId, status });
      // Start on the tab's network, unless the person already picked one.
      if (status && !networkChosen.current)
        setFilter((current) => ({ ...current, network: status.network }));
    })();
    return () => {
      live = false;
      unwatch();
    };
  }, [services]);

  const now = useMemo(() => services.now(), [services]);
  const entries = useMemo(() => (packs ? libraryEntries(packs, now) : []), [packs, now]);
  const choices = useMemo(() => filterChoices(entries), [entries]);
  // Typing stays responsive: the list follows a keystroke behind when it has to.
  const deferredFilter = useDeferredValue(filter);
  const matches = useMemo(() => filterEntries(entries, deferredFilter), [entries, deferredFilter]);

  const status = target.state === 'ready' ? target.status : undefined;
  const tabId = target.state === 'ready' ? target.tabId : undefined;
  const network: Network | undefined = status?.network ?? (filter.network || undefined);
  const canInsert = Boolean(status?.hasComposeBox && tabId !== undefined);

  const changeFilter = useCallback((change: Partial<LibraryFilter>) => {
    if (change.network !== undefined) networkChosen.current = true;
    setFilter((current) => ({ ...current, ...change }));
    setLimit(PAGE_SIZE);
  }, []);

  const copyText = useCallback(
    async (text: string, done: string) => {
      try {
        await services.copy(text);
        setNotice({ tone: 'done', text: done });
      } catch {
        setNotice({
          tone: 'error',
          text: 'The browser did not allow copying. Select the text and copy it by hand.',
        });
      }
    },
    [services],
  );

  const actions: CardActions = useMemo(
    () => ({
      async insert(entry: LibraryEntry) {
        if (tabId === undefined || !status) return;
        const { item } = entry;
        setBusy(true);
        setNotice(undefined);
        let ok = false;
        try {
          const result = await services.insert(tabId, {
            kind: 'insert-content',
            contentId: item.id,
            packId: entry.packId,
            packVersion: entry.packVersion,
            text: shareText(entry, status.network).text,
          });
          ok = result.ok;
          if (!result.ok)
            setNotice({
              tone: 'error',
              text:
                result.reason === 'no-compose-box'
                  ? `There is no compose box on the page any more. Open one on ${NETWORK_NAMES[status.network]}, then insert again, or copy the text.`
                  : 'The compose box did not take the text. Click into it, then insert again, or copy the text.',
            });
        } catch {
          setNotice({
            tone: 'error',
            text: 'The page did not answer (was it reloaded or closed?). Reload it, then insert again.',
          });
        } finally {
          setBusy(false);
        }
        if (!ok) return;
        setInsertedId(item.id);
        setNotice({
          tone: 'done',
          text: `Inserted “${item.title}” into your ${NETWORK_NAMES[status.network]} post. Read it over, then post it.`,
        });
        try {
          await logInsert(db, {
            contentId: item.id,
            network: status.network,
            packId: entry.packId,
            packVersion: entry.packVersion,
            at: services.now().getTime(),
          });
        } catch (error) {
          onDatabaseError(error);
        }
      },
      copy(entry: LibraryEntry, target: Network | undefined) {
        void copyText(shareText(entry, target).text, `Copied “${entry.item.title}”.`);
      },
      sharedByLink(entry: LibraryEntry, target: Network) {
        void copyText(
          shareText(entry, target).text,
          `${NETWORK_NAMES[target]}’s dialog takes the link only: the text is copied, paste it there.`,
        );
      },
    }),
    [tabId, status, services, db, onDatabaseError, copyText],
  );

  const shown = matches.slice(0, limit);
  // Until the tab's network is known too: a list shown unfiltered would jump as the filter lands.
  const loading = (!packs && !packError) || target.state === 'loading';

  return (
    <div className="pg-library">
      <LibraryFilters
        filter={filter}
        campaigns={choices.campaigns}
        tags={choices.tags}
        onChange={changeFilter}
      />
      <p className="pg-context pg-quiet">{contextLine(target, canInsert)}</p>
      <div
        role={notice?.tone === 'error' ? 'alert' : 'status'}
        className={notice ? `pg-notice pg-notice-${notice.tone}` : 'pg-notice-empty'}
      >
        {notice?.text}
      </div>
      {packError && (
        <p role="alert" className="pg-notice pg-notice-error">
          The packs in force could not be read: {packError}
        </p>
      )}
      {loading ? (
        <p className="pg-quiet">Loading approved content…</p>
      ) : entries.length === 0 ? (
        <p className="pg-empty">Your organisation has not shared any content to post right now.</p>
      ) : (
        <>
          <p className="pg-count" aria-live="polite">
            {matches.length === entries.length
              ? `${entries.length.toLocaleString()} ${entries.length === 1 ? 'item' : 'items'}`
              : `${matches.length.toLocaleString()} of ${entries.length.toLocaleString()} items match`}
          </p>
          {matches.length === 0 ? (
            <p className="pg-empty">
              Nothing matches.{' '}
              <button
                type="button"
                className="pg-link-button"
                onClick={() => changeFilter({ ...NO_FILTER })}
              >
                Clear search and filters
              </button>
            </p>
          ) : (
            <ul className="pg-cards" aria-label="Approved content">
              {shown.map((entry) => (
                <ContentCard
                  key={entry.item.id}
                  entry={entry}
                  network={network}
                  canInsert={canInsert}
                  busy={busy}
                  inserted={insertedId === entry.item.id}
                  actions={actions}
                />
              ))}
            </ul>
          )}
          {matches.length > shown.length && (
            <button
              type="button"
              className="pg-more"
              onClick={() => setLimit((n) => n + PAGE_SIZE)}
            >
              Show {Math.min(PAGE_SIZE, matches.length - shown.length)} more (
              {(matches.length - shown.length).toLocaleString()} not shown)
            </button>
          )}
        </>
      )}
    </div>
  );
}

function contextLine(target: Target, canInsert: boolean): string {
  if (target.state === 'loading') return 'Looking at this tab…';
  const { status } = target;
  if (!status)
    return 'This tab is not X, Facebook or LinkedIn: share through a network’s dialog, or copy.';
  const name = NETWORK_NAMES[status.network];
  return canInsert
    ? `“Insert” puts an item into the ${name} compose box you used last.`
    : `No compose box open on ${name}: open one to insert, or share through ${name}’s dialog, or copy.`;
}
