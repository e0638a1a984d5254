import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/codeset/pack';
import { createPackCache } from '../../../lib/detail/detail-view';
import type { DetailRelease } from '../../../entrypoints/sidepanel/state/detail-store';
import { createTablesStore } from '../../../entrypoints/sidepanel/state/tables-store';
import { TABLE_DRUGS, tablePack } from '../../support/table-packs';

const CM: DetailRelease = { id: 'icd10cm@2026~abc', system: 'icd10cm' };
const PCS: DetailRelease = { id: 'icd10pcs@2026~def', system: 'icd10pcs' };

/** A store over fake releases and a fake pack reader that counts its reads. */
function harness(pack: () => Promise<Pack> = async () => tablePack(), releases: DetailRelease[] = [PCS, CM]) {
  const reads: string[] = [];
  const rel = signal<DetailRelease[]>(releases);
  const loadPack = (r: DetailRelease) => {
    reads.push(r.id);
    return pack();
  };
  const store = createTablesStore({ releases: rel, loadPack });
  return { store, reads, releases: rel, loadPack };
}

const paths = (s: ReturnType<typeof harness>['store']) => s.answer.value?.rows.map((r) => r.path.join(' › '));

describe('tables store', () => {
  it('answers a query from the ICD-10-CM pack, read once, and switches tables', async () => {
    const h = harness();
    const first = h.store.setQuery('aspirin');
    expect(h.store.status.value).toBe('Opening the tables…');
    await first;
    expect(h.store.status.value).toBeUndefined();
    expect(paths(h.store)).toEqual(['Aspirin', 'Aluminium, aluminum › aspirin']);
    expect(h.store.answer.value?.rows[0].cells.map((c) => c.label)).toEqual(TABLE_DRUGS.labels);

    const next = h.store.setQuery('aspirin ');
    // The pack is read: no "opening" flash on later keystrokes.
    expect(h.store.status.value).toBeUndefined();
    await next;
    await h.store.setKind('neoplasm');
    expect(h.store.kind.value).toBe('neoplasm');
    expect(h.store.answer.value).toEqual({ rows: [], total: 0 });
    await h.store.setQuery('lung upper');
    expect(paths(h.store)).toEqual(['Neoplasm, neoplastic › lung › upper lobe', 'Neoplasm, neoplastic › bronchus › upper lobe of lung']);
    expect(h.reads).toEqual([CM.id]);
  });

  it('clears the answer for an empty query', async () => {
    const h = harness();
    await h.store.setQuery('lung');
    await h.store.setQuery('  ');
    expect(h.store.answer.value).toBeNull();
    expect(h.store.status.value).toBeUndefined();
  });

  it('shows only the newest query when the pack arrives late', async () => {
    let release!: (p: Pack) => void;
    const h = harness(() => new Promise<Pack>((res) => (release = res)));
    const a = h.store.setQuery('asp');
    const b = h.store.setQuery('acetaminophen');
    release(tablePack());
    await Promise.all([a, b]);
    expect(paths(h.store)).toEqual(['Acetaminophen']);
    expect(h.reads).toHaveLength(1);
  });

  it('says when ICD-10-CM is not installed, the release has no such table, or the pack cannot be read', async () => {
    const none = harness(undefined, [PCS]);
    await none.store.setQuery('aspirin');
    expect(none.store.status.value).toBe('The tables come with ICD-10-CM, which is not installed.');
    expect(none.store.answer.value).toBeNull();

    const drugsOnly = harness(async () => tablePack({ drugs: TABLE_DRUGS }));
    await drugsOnly.store.setKind('neoplasm');
    await drugsOnly.store.setQuery('lung');
    expect(drugsOnly.store.status.value).toBe('This ICD-10-CM release has no Neoplasm table.');

    const broken = harness(async () => {
      throw new Error('quota');
    });
    await broken.store.setQuery('lung');
    expect(broken.store.status.value).toBe('The tables could not be read: quota');
  });

  it('shares a pack cache with another store, so the pack is read once per panel', async () => {
    const h = harness();
    const packs = createPackCache(h.loadPack);
    const a = createTablesStore({ releases: h.releases, loadPack: h.loadPack, packs });
    const b = createTablesStore({ releases: h.releases, loadPack: h.loadPack, packs });
    await a.warm();
    await Promise.all([a.setQuery('lung'), b.setQuery('aspirin')]);
    expect(h.reads).toEqual([CM.id]);
    expect(b.answer.value?.total).toBe(2);
  });

  it('answers the query on screen again when another ICD-10-CM release is installed', async () => {
    const h = harness(async () => tablePack(), []);
    await h.store.setQuery('aspirin');
    expect(h.store.status.value).toMatch(/not installed/);
    h.releases.value = [CM];
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.store.status.value).toBeUndefined();
    expect(paths(h.store)).toEqual(['Aspirin', 'Aluminium, aluminum › aspirin']);
  });
});
