import { useEffect, useState } from 'react';
import { activePolicyItem, policyStatusItem, userPacksItem } from '@/src/policy/storage';
import type { ActivePolicy, PolicyStatus, UserPack } from '@/src/policy/types';

export interface PacksState {
  loaded: boolean;
  policy: ActivePolicy | null;
  status: PolicyStatus | null;
  userPacks: UserPack[];
}

type Field = 'policy' | 'status' | 'userPacks';

/** What the background has stored about packs, kept current as it writes. */
export function usePacksState(): PacksState {
  const [state, setState] = useState<PacksState>({
    loaded: false,
    policy: null,
    status: null,
    userPacks: [],
  });
  useEffect(() => {
    let live = true;
    // A change seen while the first read is on its way is newer than what that read returns.
    const changed = new Set<Field>();
    const unwatch = [
      activePolicyItem.watch((policy) => {
        changed.add('policy');
        setState((s) => ({ ...s, policy }));
      }),
      policyStatusItem.watch((status) => {
        changed.add('status');
        setState((s) => ({ ...s, status }));
      }),
      userPacksItem.watch((userPacks) => {
        changed.add('userPacks');
        setState((s) => ({ ...s, userPacks: userPacks ?? [] }));
      }),
    ];
    void Promise.all([
      activePolicyItem.getValue(),
      policyStatusItem.getValue(),
      userPacksItem.getValue(),
    ]).then(([policy, status, userPacks]) => {
      if (!live) return;
      setState((s) => ({
        loaded: true,
        policy: changed.has('policy') ? s.policy : policy,
        status: changed.has('status') ? s.status : status,
        userPacks: changed.has('userPacks') ? s.userPacks : (userPacks ?? []),
      }));
    });
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, []);
  return state;
}
