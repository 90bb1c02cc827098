import type { PackRecord, PackSource, SourceStatus } from '@/src/policy/types';
import { formatTime, t } from '@/src/ui/i18n';

/** Plain words for the options page: where a pack came from, which key, when. */

export { formatTime };

export function sourceLabel(source: PackSource, origin: string): string {
  switch (source) {
    case 'bundled':
      return t('source_bundled');
    case 'managed-inline':
      return t('source_managedInline', origin);
    case 'managed-url':
      return t('source_managedUrl', origin);
    case 'user':
      return t('source_user', origin);
  }
}

/** A public key is 44 base64 characters: its start is enough to tell keys apart at a glance. */
export function keyLabel(publicKey: string): string {
  return t('packs_keyLabel', publicKey.slice(0, 12));
}

export function recordSource(record: PackRecord | undefined): string {
  return record ? sourceLabel(record.source, record.origin) : sourceLabel('bundled', '');
}

export function statusSummary(status: SourceStatus): string {
  if (status.error) return status.error.message;
  if (status.checkedAt === undefined) return t('status_notChecked');
  return t('status_upToDate', formatTime(status.checkedAt));
}
