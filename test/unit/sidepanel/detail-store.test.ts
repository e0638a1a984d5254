import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/codeset/pack';
import { createPackCache, detailView } from '../../../lib/detail/detail-view';
import { createDetailStore, type DetailRelease } from '../../../entrypoints/sidepanel/state/detail-store';
import { detailPack, orderOnlyPack } from '../../support/detail-packs';

const CM: DetailRelease = { id: 'icd10cm@2017~abc', system: 'icd10cm' };

/** A store over fake releases and a fake pack reader that counts its reads. */
function harness(pack: () => Promise<Pack> = async () => detailPack()) {
  const reads: string[] = [];
  const releases = signal<DetailRelease[]>([CM]);
  const store = createDetailStore({
    releases,
    loadPack: (r) => {
      reads.push(r.id);
      return pack();
    },
  });
  return { store, reads, releases };
}

describe('detail view model', () => {
  it('gives the code detail and the Index entries leading to it', () => {
    const view = detailView(detailPack(), 'S13.4XXA');
    expect(view?.detail.display).toBe('S13.4XXA');
    expect(view?.index.entries.length).toBeGreaterThan(0);
    expect(view?.index.entries.every((e) => e.match === 'ancestor' || e.match === 'exact')).toBe(true);
    expect(detailView(detailPack(), 'S13.4XXB')).toBeUndefined();
  });

  it('says notes are not available for a pack without a tabular', () => {
    expect(detailView(orderOnlyPack(), 'S134')?.detail.notesAvailable).toBe(false);
  });

  it('caches a pack per release, shares a pending read and forgets a failed one', async () => {
    let reads = 0;
    let fail = true;
    const cache = createPackCache<DetailRelease>(async () => {
      reads++;
      if (fail) throw new Error('disk');
      return detailPack();
    });
    await expect(cache.get(CM)).rejects.toThrow('disk');
    fail = false;
    const [a, b] = await Promise.all([cache.get(CM), cache.get(CM)]);
    expect(a).toBe(b);
    expect(await cache.get(CM)).toBe(a);
    expect(reads).toBe(2);
  });
});

describe('detail store', () => {
  it('opens a code after loading its pack once, and closes back to the results', async () => {
    const h = harness();
    const opening = h.store.open({ system: 'icd10cm', code: 'S134' });
    expect(h.store.state.value).toEqual({ phase: 'loading', target: { system: 'icd10cm', code: 'S134' } });
    await opening;
    const s = h.store.state.value;
    expect(s.phase).toBe('ready');
    if (s.phase !== 'ready') return;
    expect(s.view.detail.display).toBe('S13.4');
    expect(s.view.detail.headerWarning).toBeDefined();
    await h.store.open({ system: 'icd10cm', code: 'S134XXA' });
    expect(h.store.state.value.phase).toBe('ready');
    expect(h.reads).toEqual([CM.id]);
    h.store.close();
    expect(h.store.state.value).toEqual({ phase: 'closed' });
  });

  it('shows only the newest code when two are opened quickly, and nothing after a close', async () => {
    let release!: (p: Pack) => void;
    const h = harness(() => new Promise<Pack>((res) => (release = res)));
    const first = h.store.open({ system: 'icd10cm', code: 'S134' });
    const second = h.store.open({ system: 'icd10cm', code: 'E11' });
    release(detailPack());
    await Promise.all([first, second]);
    const s = h.store.state.value;
    expect(s.phase === 'ready' && s.view.detail.code).toBe('E11');

    const third = h.store.open({ system: 'icd10cm', code: 'N181' });
    h.store.close();
    await third;
    expect(h.store.state.value).toEqual({ phase: 'closed' });
  });

  it('reports a code not in the code set, a system not installed and a failed read', async () => {
    const h = harness();
    await h.store.open({ system: 'icd10cm', code: 'S134XXB' });
    expect(h.store.state.value).toMatchObject({ phase: 'error', message: 'S134XXB is not in this code set.' });
    await h.store.open({ system: 'icd10pcs', code: '0DTJ4ZZ' });
    expect(h.store.state.value).toMatchObject({ phase: 'error', message: 'This code set is not installed.' });
    const bad = harness(async () => {
      throw new Error('quota');
    });
    await bad.store.open({ system: 'icd10cm', code: 'S134' });
    expect(bad.store.state.value).toMatchObject({ phase: 'error', message: 'The code could not be read: quota' });
  });
});
