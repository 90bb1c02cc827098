import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { UserPack } from '@/src/policy/types';
import type { PacksClient } from './client';
import { formatTime } from './format';

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
        <h3>Your own packs</h3>
        <p className="pg-quiet">
          Your organisation does not allow importing packs.
          {userPacks.length > 0 &&
            ` ${userPacks.length === 1 ? 'The pack' : `The ${userPacks.length} packs`} you imported earlier ${userPacks.length === 1 ? 'is' : 'are'} not in force.`}
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
          ? { ok: true, message: `${file.name} is in force.` }
          : { ok: false, message: `${file.name} was not imported: ${answer.error}` },
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, message: `${file.name} could not be read: ${detail}` });
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
        ? { ok: true, message: `${userPack.pack.name} is no longer in force.` }
        : { ok: false, message: `${userPack.pack.name} was not removed: ${answer.error}` },
    );
  };

  return (
    <div className="pg-user-packs">
      <h3>Your own packs</h3>
      <p className="pg-quiet">
        A pack you import adds its rules to your organisation's; it cannot change or switch off
        theirs.
      </p>
      {userPacks.length > 0 && (
        <ul aria-label="Imported packs">
          {userPacks.map((userPack) => (
            <li key={userPack.pack.id} data-pack-id={userPack.pack.id}>
              {userPack.pack.name} <code>{userPack.pack.id}</code> {userPack.pack.version}, from{' '}
              {userPack.fileName}, imported {formatTime(userPack.importedAt)}{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={`Remove ${userPack.pack.name}`}
                onClick={() => void remove(userPack)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId}>Import a pack (.json)</label>{' '}
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
