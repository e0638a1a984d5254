import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, sha256Hex, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import { getDb, resetDbForTests } from '../../../lib/db/open';
import { importPack } from '../../../lib/db/releases';
import { getSearchIndex, searchIndexKey } from '../../../lib/db/search-index';
import { engineFromData } from '../../../lib/search/engine';
import { buildIndexData } from '../../../lib/search/index-data';
import { activeIndexTarget, buildSearchIndex, ensureSearchIndex, indexFormatVersion, loadSearchIndex, rebuildUnreadableIndex } from '../../../lib/search-index/prepare';
import { cmPackBuilder } from '../../support/packs';

const CODES: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'],
  ['I10', 1, 'Essential (primary) hypertension'],
];
const cmPack = cmPackBuilder({ codes: CODES, sections: { index: { title: 'Index', terms: [{ t: 'Hypertension', c: 'I10' }] } } });

async function importAs(pack: Pack) {
  return importPack(pack, await sha256Hex(encodePack(pack)), { activate: 'if-newer' });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('search index preparation', () => {
  it('keys indexes by the format version the engine builds', () => {
    expect(indexFormatVersion()).toBe(buildIndexData([]).version);
  });

  it('has nothing to prepare before a code set is imported', async () => {
    expect(await activeIndexTarget()).toBeNull();
    expect(await ensureSearchIndex()).toBeNull();
    expect(await loadSearchIndex()).toBeNull();
  });

  it('builds the index of the active releases once, stores it, and loads it from the store after', async () => {
    const release = await importAs(cmPack('2099'));
    const target = await activeIndexTarget();
    expect(target).toEqual({ key: searchIndexKey([release.id], indexFormatVersion()), releaseIds: [release.id] });

    let building = 0;
    const first = await ensureSearchIndex(async () => void building++);
    expect(building).toBe(1);
    expect(first?.built).toMatchObject({ key: target!.key, releaseIds: [release.id], stored: true });
    expect(first?.built?.buildMs).toBeGreaterThanOrEqual(0);

    const again = await ensureSearchIndex(async () => void building++);
    expect(building).toBe(1);
    expect(again).toEqual({ target });

    const loaded = await loadSearchIndex();
    expect(loaded?.source).toBe('cache');
    // The stored index is what the engine searches.
    const engine = engineFromData(loaded!.record.data);
    expect(engine.search('E11.22')[0]).toMatchObject({ code: 'E1122', valid: true });
    expect(engine.search('hypertension').map((r) => r.code)).toContain('I10');
  });

  it('builds when nothing is stored, and rebuilds after a new release becomes active', async () => {
    await importAs(cmPack('2098'));
    expect((await loadSearchIndex())?.source).toBe('built');
    const newer = await importAs(cmPack('2099', { codes: [...CODES, ['I110', 1, 'Hypertensive heart disease with heart failure']] }));
    const loaded = await loadSearchIndex();
    expect(loaded?.source).toBe('built');
    expect(loaded?.record.releaseIds).toEqual([newer.id]);
    // Only the index of the active releases is kept.
    expect(await (await getDb()).getAllKeys('searchIndex')).toEqual([loaded!.record.key]);
  });

  it('does not store an index of releases that stopped being active during the build', async () => {
    const old = await importAs(cmPack('2098'));
    const built = await buildSearchIndex({ key: searchIndexKey(['icd10cm@2097~gone'], indexFormatVersion()), releaseIds: ['icd10cm@2097~gone'] });
    expect(built.stored).toBe(false);
    expect(await (await getDb()).count('searchIndex')).toBe(0);
    expect((await ensureSearchIndex())?.built?.releaseIds).toEqual([old.id]);
  });

  it('replaces a stored index that turned out unreadable', async () => {
    await importAs(cmPack('2099'));
    const { record } = (await loadSearchIndex())!;
    const fresh = await rebuildUnreadableIndex(record);
    expect(fresh.key).toBe(record.key);
    expect(await getSearchIndex(record.key)).toMatchObject({ key: record.key, builtAt: fresh.builtAt });
  });

  it('a damaged stored index is dropped and built anew when loaded', async () => {
    await importAs(cmPack('2099'));
    const { record } = (await loadSearchIndex())!;
    const stored = (await getSearchIndex(record.key))!;
    const bytes = new Uint8Array(await stored.data.arrayBuffer());
    await (await getDb()).put('searchIndex', { ...stored, builtAt: 'damaged', data: new Blob([bytes.subarray(0, bytes.length >> 1)]) });
    const again = (await loadSearchIndex())!;
    expect(again.source).toBe('built');
    expect(again.record.data.code).toEqual(record.data.code);
    expect((await getSearchIndex(record.key))?.builtAt).not.toBe('damaged');
  });
});
