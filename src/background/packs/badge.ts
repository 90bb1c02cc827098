import { browser } from 'wxt/browser';
import type { PolicyStatus } from '@/src/policy/types';
import { policyProblems } from '@/src/policy/problems';

/**
 * The toolbar badge says when the organisation's policy could not be updated, and the
 * button's title says why, so a person can tell their help desk without opening anything.
 */

const TITLE = 'Postguard';
const ALERT_COLOR = '#c5221f';

export function badgeTitle(problems: readonly string[]): string {
  if (problems.length === 0) return TITLE;
  const [first] = problems;
  const more = problems.length - 1;
  return `${TITLE}: the policy could not be updated. ${first}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}; see the options page)` : ''}`;
}

export async function showPolicyHealth(status: PolicyStatus): Promise<void> {
  const problems = policyProblems(status);
  const action = browser.action;
  // Firefox for Android and some test browsers have no toolbar button.
  if (!action) return;
  if (problems.length === 0) {
    await Promise.all([action.setBadgeText({ text: '' }), action.setTitle({ title: TITLE })]);
    return;
  }
  await Promise.all([
    action.setBadgeText({ text: '!' }),
    action.setBadgeBackgroundColor({ color: ALERT_COLOR }),
    action.setTitle({ title: badgeTitle(problems) }),
  ]);
}
