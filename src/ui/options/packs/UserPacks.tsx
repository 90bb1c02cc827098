import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { UserPack } from '@/src/policy/types';
import type { PacksClient } from './client';
import { formatTime } from './format';
import { t, tCount } from '@/src/ui/i18n';

type Outcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * Packs a person imports beside the organisation's: they can add rules, never change or
 * switch off the organisation's (the background enforces it). Offered only when the admin
 * has not set `allowUserPacks` to false.
 */
export function UserPacks({
  allowed,
  userPacks,
  client,
}: {
  allowed: boolean;
  userPacks: readonly UserPack[];
  client: PacksClient;
}) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The control that was used goes away (Remove) or is disabled while busy (import): the
  // focus moves to the outcome, which says what happened.
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (!allowed) {
    return (
      <div className="pg-user-packs">
        <h3>{t('userPacks_heading')}</h3>
        <p className="pg-quiet">
          {t('userPacks_notAllowed')}
          {userPacks.length > 0 && ` ${tCount('userPacks_notInForce', userPacks.length)}`}
        </p>
      </div>
    );
  }

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const text = await file.text();
      const answer = await client.send({ kind: 'import-pack', fileName: file.name, text });
      setOutcome(
        answer.ok
          ? { ok: true, message: t('userPacks_inForce', file.name) }
          : { ok: false, message: t('userPacks_notImported', file.name, answer.error) },
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, message: t('userPacks_unreadable', file.name, detail) });
    } finally {
      setBusy(false);
      // The same file can be chosen again after it is fixed.
      input.value = '';
    }
  };

  const remove = async (userPack: UserPack) => {
    setBusy(true);
    const answer = await client.send({ kind: 'remove-pack', packId: userPack.pack.id });
    setBusy(false);
    setOutcome(
      answer.ok
        ? { ok: true, message: t('userPacks_removed', userPack.pack.name) }
        : { ok: false, message: t('userPacks_notRemoved', userPack.pack.name, answer.error) },
    );
  };

  return (
    <div className="pg-user-packs">
      <h3>{t('userPacks_heading')}</h3>
      <p className="pg-quiet">{t('userPacks_intro')}</p>
      {userPacks.length > 0 && (
        <ul aria-label={t('userPacks_listLabel')}>
          {userPacks.map((userPack) => (
            <li key={userPack.pack.id} data-pack-id={userPack.pack.id}>
              {userPack.pack.name} <code>{userPack.pack.id}</code>{' '}
              {t(
                'userPacks_itemDetails',
                userPack.pack.version,
                userPack.fileName,
                formatTime(userPack.importedAt),
              )}{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={t('userPacks_removeLabel', userPack.pack.name)}
                onClick={() => void remove(userPack)}
              >
                {t('userPacks_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId}>{t('userPacks_importLabel')}</label>{' '}
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => void importFile(event)}
      />
      <p
        ref={outcomeRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={
          outcome ? (outcome.ok ? 'pg-notice pg-notice-done' : 'pg-notice pg-notice-error') : ''
        }
      >
        {outcome?.message}
      </p>
    </div>
  );
}
