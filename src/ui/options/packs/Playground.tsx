import { useId, useMemo, useRef, useState } from 'react';
import type { Checker, Network } from '@/src/core';
import { NETWORKS } from '@/src/core';
import { applyTextEdits } from '@/src/core/edits';
import { CheckedPost, findingsSummary, type GuideHref } from '@/src/ui/checking/CheckedPost';
import { NETWORK_NAMES } from '@/src/ui/checking/networks';
import { t } from '@/src/ui/i18n';

export { findingsSummary, NETWORK_NAMES };

/**
 * Paste a post, pick a network, and see what the compose overlay would say: the same checker,
 * the same underlines by severity, the same card with the policy link and the fixes. Fixes
 * change the playground's text only.
 */
export function Playground({
  checker,
  now,
  guideHref,
}: {
  checker: Checker;
  now: () => Date;
  guideHref?: GuideHref;
}) {
  const [text, setText] = useState('');
  const [network, setNetwork] = useState<Network>('linkedin');
  const postRef = useRef<HTMLTextAreaElement>(null);
  const postId = useId();
  const networkId = useId();

  const findings = useMemo(
    () => (text.trim() === '' ? [] : checker.check(text, { network, now: now() })),
    [checker, text, network, now],
  );

  return (
    <div className="pg-playground">
      <div className="pg-playground-inputs">
        <label htmlFor={postId}>{t('playground_postLabel')}</label>
        <textarea
          ref={postRef}
          id={postId}
          rows={5}
          value={text}
          placeholder={t('playground_placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <label htmlFor={networkId}>{t('playground_networkLabel')}</label>
        <select
          id={networkId}
          value={network}
          onChange={(event) => setNetwork(event.target.value as Network)}
        >
          {NETWORKS.map((value) => (
            <option key={value} value={value}>
              {NETWORK_NAMES[value]}
            </option>
          ))}
        </select>
      </div>
      <p className="pg-count" role="status" aria-live="polite">
        {text.trim() === '' ? '' : findingsSummary(findings)}
      </p>
      <CheckedPost
        text={text}
        findings={findings}
        {...(guideHref ? { guideHref } : {})}
        onFix={(_finding, suggestion) => {
          setText(applyTextEdits(text, suggestion.edits));
          // The fix's card goes with its finding; back to the text, as the overlay does.
          postRef.current?.focus();
        }}
      />
    </div>
  );
}
