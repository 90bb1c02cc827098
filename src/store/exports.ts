import type { Acknowledgement, ShareEvent } from './schema';
import { rowWeek } from './weeks';

// The activity log as files the person downloads (CSV and JSON).

const CSV_COLUMNS = [
  'id',
  'at',
  'week',
  'network',
  'action',
  'contentId',
  'packId',
  'packVersion',
  'edited',
] as const;

/**
 * One CSV cell. Ids come from packs, which the person did not write: a value that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`.
 */
function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The log as CSV (RFC 4180, CRLF line ends), times in ISO 8601 UTC. */
export function sharesToCsv(rows: Iterable<ShareEvent>): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvCell(row.id),
        csvCell(new Date(row.at).toISOString()),
        csvCell(rowWeek(row)),
        csvCell(row.network),
        csvCell(row.action),
        csvCell(row.contentId),
        csvCell(row.packId),
        csvCell(row.packVersion),
        csvCell(row.edited),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The log as JSON: the rows as stored, with the time also in ISO 8601 for people reading it.
 * Given acknowledgements, each "Post anyway" is listed too, in `acknowledgements` next to
 * `shares` (an added key: readers of `shares` are unaffected).
 */
export function sharesToJson(
  rows: Iterable<ShareEvent>,
  acknowledgements?: Iterable<Acknowledgement>,
): string {
  const out = [...rows].map((row) => ({
    id: row.id,
    at: row.at,
    time: new Date(row.at).toISOString(),
    week: rowWeek(row),
    network: row.network,
    action: row.action,
    contentId: row.contentId,
    packId: row.packId,
    packVersion: row.packVersion,
    edited: row.edited,
  }));
  const document: Record<string, unknown> = { format: 'postguard/activity@1', shares: out };
  if (acknowledgements)
    document.acknowledgements = [...acknowledgements].map((row) => ({
      id: row.id,
      at: row.at,
      time: new Date(row.at).toISOString(),
      network: row.network,
      ruleIds: [...row.ruleIds],
      packs: row.packs.map((pack) => ({ id: pack.id, version: pack.version })),
    }));
  return `${JSON.stringify(document, null, 2)}\n`;
}

const ACKNOWLEDGEMENT_CSV_COLUMNS = ['id', 'at', 'network', 'ruleIds', 'packs'] as const;

/**
 * Each "Post anyway" as CSV, like the log: rule ids separated by spaces, packs as
 * `id@version` separated by spaces. Which rules, never the post's text.
 */
export function acknowledgementsToCsv(rows: Iterable<Acknowledgement>): string {
  const lines = [ACKNOWLEDGEMENT_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvCell(row.id),
        csvCell(new Date(row.at).toISOString()),
        csvCell(row.network),
        csvCell(row.ruleIds.join(' ')),
        csvCell(row.packs.map((pack) => `${pack.id}@${pack.version}`).join(' ')),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
