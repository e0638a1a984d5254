import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, sha256Hex, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import { getDb, resetDbForTests } from '../../../lib/db/open';
import { getActiveReleases, getCode, getReleasePack, importPack } from '../../../lib/db/releases';
import { DB_NAME, DB_VERSION, type SearchIndexRecord } from '../../../lib/db/schema';
import { getSearchIndex, hasSearchIndex, putSearchIndex, searchIndexKey } from '../../../lib/db/search-index';
import type { SearchIndexData } from '../../../lib/search/index-data';
import { cmPackBuilder } from '../../support/packs';

const CODES: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
  ['I10', 1, 'Essential (primary) hypertension'],
];
const SECTIONS = { index: { title: 'Index', terms: [{ t: 'Hypertension', c: 'I10' }] }, drugs: { columns: [], labels: [], rows: [] } };
const cmPack = cmPackBuilder({ codes: CODES, sections: SECTIONS });

async function importAs(pack: Pack) {
  return importPack(pack, await sha256Hex(encodePack(pack)), { activate: 'if-newer' });
}

const fakeRecord = (key: string): SearchIndexRecord => ({ key, releaseIds: [key], builtAt: '2026-01-01T00:00:00.000Z', buildMs: 5, data: new Blob([key]) });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('database upgrade from version 1 to today', () => {
  it('adds the search index and detector stores and keeps every release, code and setting of version 1', async () => {
    // A version-1 database as the first release of the extension left it.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('releases', { keyPath: 'id' });
        db.createObjectStore('codeBlocks', { keyPath: ['releaseId', 'first'] });
        db.createObjectStore('sections', { keyPath: ['releaseId', 'name'] });
        db.createObjectStore('state', { keyPath: 'key' });
      },
    });
    const id = 'icd10cm@2099~abc';
    await v1.put('releases', { id, system: 'icd10cm', release: '2099', status: 'ready', sectionNames: [] });
    await v1.put('codeBlocks', { releaseId: id, first: 'E11', rows: CODES });
    await v1.put('state', { key: 'active:icd10cm', value: id });
    v1.close();

    const db = await getDb();
    expect(DB_VERSION).toBe(3);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['codeBlocks', 'detectorData', 'releases', 'searchIndex', 'sections', 'state']);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([id]);
    expect(await getCode(id, 'I10')).toMatchObject({ title: 'Essential (primary) hypertension', valid: 1 });
    expect(await db.count('searchIndex')).toBe(0);
  });

  it('creates every store on a fresh profile', async () => {
    const db = await getDb();
    expect([...db.objectStoreNames].sort()).toEqual(['codeBlocks', 'detectorData', 'releases', 'searchIndex', 'sections', 'state']);
  });
});

describe('getReleasePack', () => {
  it('gives back the imported pack: header, codes in code order, sections', async () => {
    const pack = cmPack('2099', { codes: [...CODES].reverse() });
    const release = await importAs(pack);
    const rebuilt = await getReleasePack(release);
    expect(rebuilt).toEqual({ ...pack, codes: CODES });
  });
});

describe('search index records', () => {
  it('keys by index version and release ids, in any order', () => {
    expect(searchIndexKey(['icd10pcs@2026~b', 'icd10cm@2026~a'], 3)).toBe('v3|icd10cm@2026~a|icd10pcs@2026~b');
    expect(searchIndexKey(['b', 'a'], 1)).toBe(searchIndexKey(['a', 'b'], 1));
    expect(searchIndexKey(['a'], 1)).not.toBe(searchIndexKey(['a'], 2));
  });

  it('keeps only the newest stored index', async () => {
    await putSearchIndex(fakeRecord('v1|old'));
    await putSearchIndex(fakeRecord('v1|new'));
    expect(await hasSearchIndex('v1|old')).toBe(false);
    expect(await hasSearchIndex('v1|new')).toBe(true);
    expect(await getSearchIndex('v1|new')).toEqual(fakeRecord('v1|new'));
    expect(await (await getDb()).count('searchIndex')).toBe(1);
  });
});
