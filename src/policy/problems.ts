import type { PolicyStatus } from './types';

/**
 * The problems a person should hear about: managed sources that failed, bad settings. The
 * badge and the options page say the same, so they live here, free of extension APIs.
 */
export function policyProblems(status: PolicyStatus): string[] {
  const failing = status.sources
    .filter((source) => source.source !== 'user' && source.error)
    .map((source) => source.error!.message);
  return [...failing, ...status.settingsErrors];
}
