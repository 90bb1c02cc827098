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
import { formatNumber, interfaceLanguage, t, tCount } from '@/src/ui/i18n';

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
        setNotice({ tone: 'error', text: t('library_copyFailed') });
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
            text: shareText(entry, status.network, interfaceLanguage()).text,
          });
          ok = result.ok;
          if (!result.ok)
            setNotice({
              tone: 'error',
              text:
                result.reason === 'no-compose-box'
                  ? t('library_noComposeBox', NETWORK_NAMES[status.network])
                  : t('library_insertNotTaken'),
            });
        } catch {
          setNotice({ tone: 'error', text: t('library_pageDidNotAnswer') });
        } finally {
          setBusy(false);
        }
        if (!ok) return;
        setInsertedId(item.id);
        setNotice({
          tone: 'done',
          text: t('library_inserted', item.title, NETWORK_NAMES[status.network]),
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
        void copyText(
          shareText(entry, target, interfaceLanguage()).text,
          t('library_copied', entry.item.title),
        );
      },
      sharedByLink(entry: LibraryEntry, target: Network) {
        void copyText(
          shareText(entry, target, interfaceLanguage()).text,
          t('library_sharedByLink', NETWORK_NAMES[target]),
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
          {t('library_packsUnreadable', packError)}
        </p>
      )}
      {loading ? (
        <p className="pg-quiet">{t('library_loading')}</p>
      ) : entries.length === 0 ? (
        <p className="pg-empty">{t('library_empty')}</p>
      ) : (
        <>
          <p className="pg-count" aria-live="polite">
            {matches.length === entries.length
              ? tCount('library_count', entries.length)
              : tCount('library_matches', matches.length, formatNumber(entries.length))}
          </p>
          {matches.length === 0 ? (
            <p className="pg-empty">
              {t('library_nothingMatches')}{' '}
              <button
                type="button"
                className="pg-link-button"
                onClick={() => changeFilter({ ...NO_FILTER })}
              >
                {t('library_clearFilters')}
              </button>
            </p>
          ) : (
            <ul className="pg-cards" aria-label={t('popup_approvedContent')}>
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
              {t(
                'library_showMore',
                formatNumber(Math.min(PAGE_SIZE, matches.length - shown.length)),
                formatNumber(matches.length - shown.length),
              )}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function contextLine(target: Target, canInsert: boolean): string {
  if (target.state === 'loading') return t('library_lookingAtTab');
  const { status } = target;
  if (!status) return t('library_notASite');
  const name = NETWORK_NAMES[status.network];
  return canInsert ? t('library_canInsert', name) : t('library_noBoxOpen', name);
}
