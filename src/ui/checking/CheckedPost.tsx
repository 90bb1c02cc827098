import { useMemo } from 'react';
import type { Finding, Suggestion } from '@/src/core';
import { SEVERITY_ORDER } from '@/src/core/severity';
import { SEVERITY_COLOURS } from '@/src/severity-colours';
import { segmentText } from './segments';
import { fixLabel, severityName, t, tCount } from '@/src/ui/i18n';
import './checking.css';

const WORST_FIRST = [...SEVERITY_ORDER].reverse();

const SEVERITY_COUNTS = {
  error: 'severityCount_error',
  warning: 'severityCount_warning',
  info: 'severityCount_info',
} as const;

export function findingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return t('checked_noFindings');
  const counts = WORST_FIRST.map((severity) => ({
    severity,
    count: findings.filter((finding) => finding.severity === severity).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => tCount(SEVERITY_COUNTS[severity], count));
  return tCount('checked_summary', findings.length, counts.join(', '));
}

/** The guide page's address for a section; pages of the extension link to it directly. */
export type GuideHref = (sectionId: string) => string;

/**
 * A post as the compose overlay sees it: the stretches its findings cover, underlined by
 * severity, then one card per finding with the policy link, "Why?" (the rule's guide section)
 * and the fixes. Text goes in as text nodes only: a post is never markup.
 */
export function CheckedPost({
  text,
  findings,
  onFix,
  guideHref,
  previewLabel = t('checked_previewLabel'),
}: {
  text: string;
  findings: readonly Finding[];
  onFix(finding: Finding, suggestion: Suggestion): void;
  guideHref?: GuideHref;
  previewLabel?: string;
}) {
  const segments = useMemo(() => segmentText(text, findings), [text, findings]);
  if (findings.length === 0) return null;
  return (
    <>
      <div className="pg-preview" role="group" aria-label={previewLabel}>
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
      <ul className="pg-findings" aria-label={t('checked_findingsLabel')}>
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
              {severityName(finding.severity)}
            </span>{' '}
            <span className="pg-rule-id">{finding.ruleId}</span>
            <p>{finding.message}</p>
            {finding.link && (
              <a href={finding.link} target="_blank" rel="noopener noreferrer">
                {t('finding_readPolicy')}
              </a>
            )}
            {finding.guide && guideHref && (
              <WhyLink href={guideHref(finding.guide)} ruleId={finding.ruleId} />
            )}
            {finding.suggestions.length > 0 && (
              <div className="pg-fixes">
                {finding.suggestions.map((suggestion) => (
                  <button
                    key={suggestion.label}
                    type="button"
                    onClick={() => onFix(finding, suggestion)}
                  >
                    {fixLabel(suggestion)}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Why?": the rule's guide section; a new tab from elsewhere, the same page within the guide. */
function WhyLink({ href, ruleId }: { href: string; ruleId: string }) {
  const samePage = href.startsWith('#');
  return (
    <a
      className="pg-why"
      href={href}
      {...(samePage ? {} : { target: '_blank', rel: 'noopener' })}
      aria-label={t('checked_whyLabel', ruleId)}
    >
      {t('finding_why')}
    </a>
  );
}
