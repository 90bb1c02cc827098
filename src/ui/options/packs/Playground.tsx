import { useId, useMemo, useRef, useState } from 'react';
import type { Checker, Finding, Network } from '@/src/core';
import { NETWORKS } from '@/src/core';
import { SEVERITY_COLOURS } from '@/src/severity-colours';
import { applyTextEdits } from '@/src/core/edits';
import { SEVERITY_ORDER } from '@/src/core/severity';
import { segmentText } from './segments';

export const NETWORK_NAMES: Record<Network, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
};

const WORST_FIRST = [...SEVERITY_ORDER].reverse();

export function findingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings: this post follows the policy in force.';
  const counts = WORST_FIRST.map((severity) => ({
    severity,
    count: findings.filter((finding) => finding.severity === severity).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
}

/**
 * Paste a post, pick a network, and see what the compose overlay would say: the same checker,
 * the same underlines by severity, the same card with the policy link and the fixes. Fixes
 * change the playground's text only.
 */
export function Playground({ checker, now }: { checker: Checker; now: () => Date }) {
  const [text, setText] = useState('');
  const [network, setNetwork] = useState<Network>('linkedin');
  const postRef = useRef<HTMLTextAreaElement>(null);
  const postId = useId();
  const networkId = useId();

  const findings = useMemo(
    () => (text.trim() === '' ? [] : checker.check(text, { network, now: now() })),
    [checker, text, network, now],
  );
  const segments = useMemo(() => segmentText(text, findings), [text, findings]);

  return (
    <div className="pg-playground">
      <div className="pg-playground-inputs">
        <label htmlFor={postId}>Post to try</label>
        <textarea
          ref={postRef}
          id={postId}
          rows={5}
          value={text}
          placeholder="Paste or write a post to see what Postguard would say about it"
          onChange={(event) => setText(event.target.value)}
        />
        <label htmlFor={networkId}>Network to try it on</label>
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
      {findings.length > 0 && (
        <>
          <div className="pg-preview" role="group" aria-label="The post with its findings marked">
            {segments.map((segment) =>
              segment.severity ? (
                <mark
                  key={segment.start}
                  data-severity={segment.severity}
                  title={segment.findings.map((finding) => finding.message).join('\n')}
                  style={{
                    background: 'transparent',
                    color: 'inherit',
                    textDecoration: `underline wavy ${SEVERITY_COLOURS[segment.severity]}`,
                    textDecorationThickness: '2px',
                    textUnderlineOffset: '3px',
                  }}
                >
                  {text.slice(segment.start, segment.end)}
                </mark>
              ) : (
                <span key={segment.start}>{text.slice(segment.start, segment.end)}</span>
              ),
            )}
          </div>
          <ul className="pg-findings" aria-label="Findings">
            {findings.map((finding, index) => (
              <li
                key={`${finding.ruleId}:${finding.start}:${index}`}
                className="pg-finding"
                data-rule-id={finding.ruleId}
                data-severity={finding.severity}
              >
                <span
                  className="pg-severity"
                  style={{ background: SEVERITY_COLOURS[finding.severity] }}
                >
                  {finding.severity}
                </span>{' '}
                <span className="pg-rule-id">{finding.ruleId}</span>
                <p>{finding.message}</p>
                {finding.link && (
                  <a href={finding.link} target="_blank" rel="noopener noreferrer">
                    Read the policy
                  </a>
                )}
                {finding.suggestions.length > 0 && (
                  <div className="pg-fixes">
                    {finding.suggestions.map((suggestion) => (
                      <button
                        key={suggestion.label}
                        type="button"
                        onClick={() => {
                          setText(applyTextEdits(text, suggestion.edits));
                          // The fix's card goes with its finding; back to the text, as the overlay does.
                          postRef.current?.focus();
                        }}
                      >
                        {suggestion.label}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
