import type { PackRecord, PackSource, SourceStatus } from '@/src/policy/types';
import { formatTime } from '@/src/ui/activity/format';

/** Plain words for the options page: where a pack came from, which key, when. */

export { formatTime };

export function sourceLabel(source: PackSource, origin: string): string {
  switch (source) {
    case 'bundled':
      return 'Built into Postguard';
    case 'managed-inline':
      return `Pushed by your organisation (policy, ${origin})`;
    case 'managed-url':
      return `Fetched from ${origin}`;
    case 'user':
      return `Imported by you (${origin})`;
  }
}

/** A public key is 44 base64 characters: its start is enough to tell keys apart at a glance. */
export function keyLabel(publicKey: string): string {
  return `Ed25519 key ${publicKey.slice(0, 12)}…`;
}

export function recordSource(record: PackRecord | undefined): string {
  return record ? sourceLabel(record.source, record.origin) : sourceLabel('bundled', '');
}

export function statusSummary(status: SourceStatus): string {
  if (status.error) return status.error.message;
  if (status.checkedAt === undefined) return 'Not checked yet';
  return `Up to date (checked ${formatTime(status.checkedAt)})`;
}
