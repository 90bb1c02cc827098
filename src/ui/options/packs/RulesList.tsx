import type { Checker } from '@/src/core';
import { localize } from '@/src/core/text/localized';
import { NETWORK_NAMES } from './Playground';
import { formatNumber, interfaceLanguage, severityName, t } from '@/src/ui/i18n';

/** The rules in force after layering, with their messages and policy links. */
export function RulesList({ checker }: { checker: Checker }) {
  const { rules } = checker;
  if (rules.length === 0) return <p className="pg-quiet">{t('rules_none')}</p>;
  const language = interfaceLanguage();
  return (
    <table className="pg-table">
      <caption>{t('rules_caption', formatNumber(rules.length))}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rules_columnRule')}</th>
          <th scope="col">{t('rules_columnKind')}</th>
          <th scope="col">{t('rules_columnSeverity')}</th>
          <th scope="col">{t('rules_columnNetworks')}</th>
          <th scope="col">{t('rules_columnMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map(({ rule, packId }) => {
          // As a finding's link: the rule's, else its pack's, else the policy's.
          const link =
            rule.link ??
            checker.packs.find((pack) => pack.id === packId)?.policyUrl ??
            checker.policyUrl;
          return (
            <tr key={`${packId}:${rule.id}`} data-rule-id={rule.id}>
              <th scope="row">
                <code>{rule.id}</code>
                <div className="pg-quiet">{t('rules_fromPack', packId)}</div>
              </th>
              <td>{rule.kind}</td>
              <td>{severityName(rule.severity)}</td>
              <td>
                {rule.networks
                  ? rule.networks.map((network) => NETWORK_NAMES[network]).join(', ')
                  : t('filters_allNetworks')}
              </td>
              <td>
                {/* In the interface's language when the pack gives the message in it. */}
                {localize(rule.message, language)}
                {link && (
                  <>
                    {' '}
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {t('rules_policyLink')}
                    </a>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
