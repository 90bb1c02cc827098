import { useEffect, useState } from 'react';
import {
  activePolicyItem,
  policyStatusItem,
  userPacksItem,
  type ActivePolicy,
  type PolicyStatus,
  type UserPack,
} from '@/src/store/policy';

export interface PacksState {
  loaded: boolean;
  policy: ActivePolicy | null;
  status: PolicyStatus | null;
  userPacks: UserPack[];
}

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
    void Promise.all([
      activePolicyItem.getValue(),
      policyStatusItem.getValue(),
      userPacksItem.getValue(),
    ]).then(([policy, status, userPacks]) => {
      if (live) setState({ loaded: true, policy, status, userPacks: userPacks ?? [] });
    });
    const unwatch = [
      activePolicyItem.watch((policy) => setState((s) => ({ ...s, policy }))),
      policyStatusItem.watch((status) => setState((s) => ({ ...s, status }))),
      userPacksItem.watch((userPacks) => setState((s) => ({ ...s, userPacks: userPacks ?? [] }))),
    ];
    return () => {
      live = false;
      for (const stop of unwatch) stop();
    };
  }, []);
  return state;
}
