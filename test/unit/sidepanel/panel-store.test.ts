import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelStore, type SettingsStorage } from '../../../entrypoints/sidepanel/state/panel-store';
import type { PanelSettings } from '../../../lib/search-view/settings';

function harness(opts: { failClipboard?: boolean; stored?: unknown } = {}) {
  const copied: string[] = [];
  let stored: unknown = opts.stored;
  const watchers: Array<(v: unknown) => void> = [];
  const settings: SettingsStorage = {
    getValue: async () => stored,
    setValue: async (v: PanelSettings) => {
      stored = v;
    },
    watch: (cb) => {
      watchers.push(cb);
      return () => undefined;
    },
  };
  const store = createPanelStore({
    writeClipboard: async (text) => {
      if (opts.failClipboard) throw new Error('Document is not focused.');
      copied.push(text);
    },
    settings,
  });
  return { store, copied, stored: () => stored, watchers };
}

const S134XXA = { system: 'icd10cm' as const, code: 'S134XXA', title: 'Sprain of ligaments of cervical spine, initial encounter' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('panel store: copying', () => {
  it('copies the code with its dot by default, and says so', async () => {
    const { store, copied } = harness();
    await store.start();
    expect(await store.copyCode(S134XXA, false)).toBe(true);
    expect(copied).toEqual(['S13.4XXA']);
    expect(store.notice.value).toMatchObject({ text: 'Copied S13.4XXA', kind: 'ok' });
    vi.advanceTimersByTime(3000);
    expect(store.notice.value).toBeNull();
  });

  it('copies code and title, and without the dot once the setting says so (kept in storage)', async () => {
    const h = harness();
    await h.store.start();
    await h.store.copyCode(S134XXA, true);
    await h.store.setCopyWithDots(false);
    await h.store.copyCode(S134XXA, false);
    expect(h.copied).toEqual(['S13.4XXA\tSprain of ligaments of cervical spine, initial encounter', 'S134XXA']);
    expect(h.stored()).toEqual({ copyWithDots: false });
  });

  it('reads stored settings defensively and follows changes made in another panel', async () => {
    const h = harness({ stored: { copyWithDots: 'yes' } });
    await h.store.start();
    expect(h.store.settings.value.copyWithDots).toBe(true);
    h.watchers[0]({ copyWithDots: false });
    expect(h.store.settings.value.copyWithDots).toBe(false);
  });

  it('shows a clear message when the clipboard refuses', async () => {
    const { store } = harness({ failClipboard: true });
    await store.start();
    expect(await store.copyCode(S134XXA, false)).toBe(false);
    expect(store.notice.value).toMatchObject({ text: 'Could not copy S13.4XXA: Document is not focused.', kind: 'error' });
  });
});
