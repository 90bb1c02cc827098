import { browser } from 'wxt/browser';
import type { PolicyStatus } from '@/src/policy/types';
import { policyProblems } from '@/src/policy/problems';
import { t, tCount } from '@/src/i18n/messages';

/**
 * The toolbar badge says when the organisation's policy could not be updated, and the
 * button's title says why, so a person can tell their help desk without opening anything: in
 * the browser's language, with the first problem in the words of the source that failed.
 */

const TITLE = 'Postguard';
const ALERT_COLOR = '#c5221f';

export function badgeTitle(problems: readonly string[]): string {
  const [first] = problems;
  if (first === undefined) return TITLE;
  const title = t('badge_updateProblem', first);
  const more = problems.length - 1;
  return more > 0 ? `${title} ${tCount('badge_moreProblems', more)}` : title;
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
