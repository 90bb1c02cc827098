// @vitest-environment happy-dom
// The options page's view of extension storage (usePacksState), over WXT's fake browser: the
// first read and the change events together, in either order, end on the newest values.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { starterPack } from '@/src/policy/starter';
import { activePolicyItem, policyStatusItem } from '@/src/policy/storage';
import type { ActivePolicy } from '@/src/policy/types';
import { usePacksState } from '@/src/ui/checking/usePacksState';

afterEach(() => cleanup());

const policyAt = (revision: number): ActivePolicy => ({
  revision,
  records: [{ source: 'user', origin: `pack-${revision}.json`, pack: starterPack() }],
});

describe('usePacksState', () => {
  it('reads what is stored, then follows every write', async () => {
    await activePolicyItem.setValue(policyAt(1));
    const { result } = renderHook(() => usePacksState());
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.policy?.revision).toBe(1);
    expect(result.current.userPacks).toEqual([]);

    await activePolicyItem.setValue(policyAt(2));
    await waitFor(() => expect(result.current.policy?.revision).toBe(2));
    await policyStatusItem.setValue({
      sources: [],
      settingsErrors: ['packUrls: x is not an https URL; it was ignored'],
      allowUserPacks: false,
      refreshMinutes: 60,
    });
    await waitFor(() => expect(result.current.status?.allowUserPacks).toBe(false));
  });

  it('keeps a change that lands while the first read is on its way', async () => {
    await activePolicyItem.setValue(policyAt(1));
    // The first read answers late: the background writes revision 2 meanwhile.
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    local.get = (async (...args: Parameters<typeof get>) => {
      const answer = await get(...args);
      await held;
      return answer;
    }) as typeof local.get;
    try {
      const { result } = renderHook(() => usePacksState());
      await activePolicyItem.setValue(policyAt(2));
      await waitFor(() => expect(result.current.policy?.revision).toBe(2));
      release();
      await waitFor(() => expect(result.current.loaded).toBe(true));
      expect(result.current.policy?.revision).toBe(2);
    } finally {
      local.get = get;
      release();
    }
  });
});
