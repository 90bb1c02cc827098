import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type {
  UnrecognisedBoxSighting,
  UnrecognisedBoxesSource,
} from '@/src/store/unrecognised-boxes';
import { formatNumber, formatTime, t } from '@/src/ui/i18n';
import { NETWORK_NAMES } from './packs/Playground';
import '@/src/ui/activity/activity.css';
import './packs/packs.css';

// Loaded when first needed: defining the storage item reads extension storage at once, which
// only an extension page has (tests render this section without one).
const loadSightings = () => import('@/src/store/unrecognised-boxes');
const storedSightings: UnrecognisedBoxesSource = {
  watch(listener) {
    let live = true;
    let stop: (() => void) | undefined;
    loadSightings().then(
      (module) => {
        if (live) stop = module.storedUnrecognisedBoxes.watch(listener);
      },
      (error: unknown) => console.warn('Postguard: no unrecognised compose boxes', error),
    );
    return () => {
      live = false;
      stop?.();
    };
  },
  clear: () => loadSightings().then((module) => module.clearUnrecognisedBoxes()),
};

const copyToClipboard = (text: string) => navigator.clipboard.writeText(text);
const currentTime = () => new Date();
const browserName = () => navigator.userAgent;

function extensionVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    // Not an extension page (a test): the report goes without the version.
    return undefined;
  }
}

const site = (sighting: UnrecognisedBoxSighting) =>
  `${NETWORK_NAMES[sighting.network]} (${sighting.host})`;
const markerList = (sighting: UnrecognisedBoxSighting, none: string) =>
  sighting.markers.length > 0 ? sighting.markers.join(', ') : none;
const iso = (at: number) => new Date(at).toISOString();

/**
 * The plain-text report the person sends their admin: where and what kind of editor, never a word
 * of what was written (the sightings hold none). Times in UTC, since the admin may be elsewhere;
 * in English whatever the interface's language, like the CLI, for the admin and the adapters'
 * maintainers.
 */
export function unrecognisedBoxesReport(
  sightings: readonly UnrecognisedBoxSighting[],
  about: { version?: string | undefined; browser?: string | undefined; now: Date },
): string {
  const lines = [
    'Compose boxes Postguard did not recognise',
    `${about.version ? `Postguard ${about.version}, ` : ''}copied ${about.now.toISOString()}`,
  ];
  if (about.browser) lines.push(`Browser: ${about.browser}`);
  lines.push(
    '',
    'Postguard noticed these compose boxes on supported sites but no site adapter recognised them:',
    'the site may have changed. Postguard still checked them; some fixes may not have been offered.',
    'Nothing written in the boxes or shown on the pages was recorded.',
  );
  sightings.forEach((sighting, index) => {
    lines.push(
      '',
      `${index + 1}. ${site(sighting)} ${sighting.pathShape}`,
      `   Editor markers: ${markerList(sighting, 'none')}`,
      `   Seen ${sighting.count.toLocaleString('en')} ${sighting.count === 1 ? 'time' : 'times'}: first ${iso(sighting.firstSeen)}, last ${iso(sighting.lastSeen)}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

type Outcome = { ok: boolean; message: string };

function Moment({ at }: { at: number }) {
  return <time dateTime={iso(at)}>{formatTime(at)}</time>;
}

/** A path may break after each `/`, not inside a segment (`:id`). */
function PathShape({ path }: { path: string }) {
  const segments = path.split('/');
  return segments.map((segment, index) => (
    <Fragment key={index}>
      {segment}
      {index < segments.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

/**
 * Compose boxes on a supported site that no site adapter recognised (the content script records
 * them): a sign the site changed, for the person to pass on to their admin.
 */
export function UnrecognisedBoxesSection({
  source = storedSightings,
  copy = copyToClipboard,
  version = extensionVersion(),
  browser: browserLabel = browserName(),
  now = currentTime,
}: {
  source?: UnrecognisedBoxesSource;
  copy?: (text: string) => Promise<void>;
  version?: string | undefined;
  browser?: string | undefined;
  now?: () => Date;
}) {
  const [sightings, setSightings] = useState<UnrecognisedBoxSighting[] | null>(null);
  const [copied, setCopied] = useState<Outcome | null>(null);
  const [clearProblem, setClearProblem] = useState<string | null>(null);
  // "Clear" goes away with the table: the focus moves to the line that says there are none.
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const focusEmpty = useRef(false);

  useEffect(
    () =>
      source.watch((next) => {
        setSightings(next);
        // "Copied" was said of the list before this change.
        setCopied(null);
      }),
    [source],
  );

  useEffect(() => {
    if (sightings?.length === 0 && focusEmpty.current) {
      focusEmpty.current = false;
      emptyRef.current?.focus();
    }
  }, [sightings]);

  const copyReport = useCallback(
    async (shown: readonly UnrecognisedBoxSighting[]) => {
      try {
        await copy(unrecognisedBoxesReport(shown, { version, browser: browserLabel, now: now() }));
        setCopied({ ok: true, message: t('unrecognised_copied') });
      } catch {
        setCopied({ ok: false, message: t('unrecognised_copyFailed') });
      }
    },
    [copy, version, browserLabel, now],
  );

  const clear = useCallback(async () => {
    setClearProblem(null);
    focusEmpty.current = true;
    try {
      await source.clear();
      setSightings([]);
    } catch (error) {
      focusEmpty.current = false;
      const detail = error instanceof Error ? error.message : String(error);
      setClearProblem(t('unrecognised_notCleared', detail));
    }
  }, [source]);

  return (
    <section aria-labelledby="unrecognised-boxes-heading" className="pg-section">
      <h2 id="unrecognised-boxes-heading">{t('unrecognised_heading')}</h2>
      {sightings?.length === 0 && (
        <p ref={emptyRef} tabIndex={-1} className="pg-quiet">
          {t('unrecognised_none')}
        </p>
      )}
      {sightings && sightings.length > 0 && (
        <>
          <p>{t('unrecognised_intro')}</p>
          <table className="pg-table pg-unrecognised-boxes">
            <caption>{t('unrecognised_caption', formatNumber(sightings.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unrecognised_columnSite')}</th>
                <th scope="col">{t('unrecognised_columnPath')}</th>
                <th scope="col">{t('unrecognised_columnMarkers')}</th>
                <th scope="col">{t('unrecognised_columnFirstSeen')}</th>
                <th scope="col">{t('unrecognised_columnLastSeen')}</th>
                <th scope="col">{t('unrecognised_columnTimes')}</th>
              </tr>
            </thead>
            <tbody>
              {sightings.map((sighting) => (
                <tr
                  key={`${sighting.network} ${sighting.host} ${sighting.pathShape} ${sighting.markers.join(' ')}`}
                >
                  <th scope="row">{site(sighting)}</th>
                  <td>
                    <code>
                      <PathShape path={sighting.pathShape} />
                    </code>
                  </td>
                  <td>
                    <code>{markerList(sighting, t('unrecognised_noMarkers'))}</code>
                  </td>
                  <td>
                    <Moment at={sighting.firstSeen} />
                  </td>
                  <td>
                    <Moment at={sighting.lastSeen} />
                  </td>
                  <td>{formatNumber(sighting.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pg-unrecognised-actions">
            <button type="button" onClick={() => void copyReport(sightings)}>
              {t('unrecognised_copy')}
            </button>
            <button type="button" onClick={() => void clear()}>
              {t('unrecognised_clear')}
            </button>
            <span
              role="status"
              aria-live="polite"
              className={copied ? (copied.ok ? 'pg-copied' : 'pg-not-copied') : ''}
            >
              {copied?.message}
            </span>
          </div>
        </>
      )}
      {clearProblem && (
        <p role="alert" className="pg-notice pg-notice-error">
          {clearProblem}
        </p>
      )}
    </section>
  );
}
