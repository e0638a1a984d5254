import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorklistState } from '../../../lib/worklist/state';

// WXT's storage picks its `browser` when first imported, so the fake goes in before the store loads.
let store: typeof import('../../../lib/worklist/store');
beforeAll(async () => {
  vi.stubGlobal('chrome', fakeBrowser);
  store = await import('../../../lib/worklist/store');
});
beforeEach(() => fakeBrowser.reset());

const addedAt = '2026-03-02T10:15:00.000Z';
const state: WorklistState = {
  worklist: [
    { system: 'icd10cm', code: 'E1122', title: 'Type 2 diabetes mellitus with diabetic CKD', addedAt },
    { system: 'icd10pcs', code: '0DTJ4ZZ', title: 'Resection of Appendix', addedAt },
  ],
  favorites: [{ system: 'hcpcs', code: 'J1100', title: '<b>Injection</b>, dexamethasone' }],
  recent: [{ system: 'icd10cm', code: 'I10', title: 'Essential (primary) hypertension' }],
};

describe('worklist store', () => {
  it('loads an empty state when nothing is stored', async () => {
    expect(await store.loadWorklistState()).toEqual({ state: { worklist: [], favorites: [], recent: [] }, dropped: 0 });
  });

  it('saves to local:worklist and loads the same state back', async () => {
    expect(await store.saveWorklistState(state)).toBe(0);
    expect((await fakeBrowser.storage.local.get('worklist')).worklist).toEqual(state);
    expect(await store.loadWorklistState()).toEqual({ state, dropped: 0 });
  });

  it('drops malformed stored entries on load and keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({
      worklist: { worklist: [{ system: 'icd10cm', code: 'E11.22', title: 'dotted', addedAt }, ...state.worklist], favorites: 'oops' },
    });
    expect(await store.loadWorklistState()).toEqual({
      state: { worklist: state.worklist, favorites: [], recent: [] },
      dropped: 2,
    });
  });

  it('never writes malformed entries', async () => {
    const bad = { ...state, recent: [{ system: 'icd10cm' as const, code: 'not a code', title: '' }, ...state.recent] };
    expect(await store.saveWorklistState(bad)).toBe(1);
    expect((await fakeBrowser.storage.local.get('worklist')).worklist).toEqual(state);
  });
});
