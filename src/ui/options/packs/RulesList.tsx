import type { Checker } from '@/src/core';
import { localize } from '@/src/core/text/localized';
import { NETWORK_NAMES } from './Playground';

/** The rules in force after layering, with their messages and policy links. */
export function RulesList({ checker }: { checker: Checker }) {
  const { rules } = checker;
  if (rules.length === 0) return <p className="pg-quiet">No rules are in force.</p>;
  return (
    <table className="pg-table">
      <caption>Rules in force ({rules.length})</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Kind</th>
          <th scope="col">Severity</th>
          <th scope="col">Networks</th>
          <th scope="col">Message</th>
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
                <div className="pg-quiet">from {packId}</div>
              </th>
              <td>{rule.kind}</td>
              <td>{rule.severity}</td>
              <td>
                {rule.networks
                  ? rule.networks.map((network) => NETWORK_NAMES[network]).join(', ')
                  : 'All'}
              </td>
              <td>
                {localize(rule.message, undefined)}
                {link && (
                  <>
                    {' '}
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      Policy
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
