import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, sha256Hex, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import { getDb, resetDbForTests } from '../../../lib/db/open';
import {
  discardIncompleteImports,
  discardRelease,
  getActiveReleases,
  getAllCodes,
  getCode,
  getSection,
  importPack,
  listReadyReleases,
  listReleases,
  releaseId,
  setActiveRelease,
  type ImportProgress,
} from '../../../lib/db/releases';
import { cmPackBuilder } from '../../support/packs';

const CM_CODES: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E112', 0, 'Type 2 diabetes mellitus with kidney complications'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['I10', 1, 'Essential (primary) hypertension'],
];

const cmPack = cmPackBuilder({ codes: CM_CODES, sections: { index: { title: 'Index', terms: [{ t: 'Diabetes', c: 'E11.9' }] } } });

/** Imports a pack under the sha256 of its encoded bytes, as the real import does. */
async function importAs(pack: Pack, activate: 'always' | 'if-newer' | 'never' = 'if-newer', onProgress?: (p: ImportProgress) => void) {
  const sha = await sha256Hex(encodePack(pack));
  return importPack(pack, sha, { activate, onProgress });
}

const countRecords = async (store: 'codeBlocks' | 'sections' | 'releases') => (await getDb()).count(store);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('importPack', () => {
  it('stores codes and sections and makes the release active', async () => {
    const record = await importAs(cmPack('2099'));
    expect(record).toMatchObject({ system: 'icd10cm', release: '2099', title: 'ICD-10-CM FY2099', status: 'ready', sectionNames: ['index'] });
    expect(record.id).toMatch(/^icd10cm@2099~[0-9a-f]{12}$/);
    expect(record.importedAt).toBeTypeOf('string');

    expect(await getCode(record.id, 'E1122')).toEqual({
      releaseId: record.id,
      code: 'E1122',
      valid: 1,
      title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      shortTitle: 'Type 2 diabetes mellitus w diabetic chronic kidney disease',
    });
    const header = await getCode(record.id, 'E11');
    expect(header).toMatchObject({ valid: 0, title: 'Type 2 diabetes mellitus' });
    expect(header).not.toHaveProperty('shortTitle');
    expect(await getCode(record.id, 'E11.22')).toBeUndefined();
    expect(await getCode(record.id, 'Z999')).toBeUndefined();
    expect(await getSection(record.id, 'index')).toEqual({ title: 'Index', terms: [{ t: 'Diabetes', c: 'E11.9' }] });
    expect(await getSection(record.id, 'tabular')).toBeUndefined();

    expect((await getActiveReleases()).map((r) => r.id)).toEqual([record.id]);
    expect(await getAllCodes(record.id)).toEqual(CM_CODES);
  });

  it('stores codes sorted, whatever the order in the pack', async () => {
    const shuffled = [CM_CODES[4], CM_CODES[2], CM_CODES[0], CM_CODES[3], CM_CODES[1]];
    const record = await importAs(cmPack('2099', { codes: shuffled }));
    expect((await getAllCodes(record.id)).map((r) => r[0])).toEqual(['E11', 'E112', 'E1122', 'E119', 'I10']);
    for (const [code] of CM_CODES) expect((await getCode(record.id, code))?.code).toBe(code);
  });

  it('importing the same pack twice is a no-op', async () => {
    const first = await importAs(cmPack('2099'));
    const progress: ImportProgress[] = [];
    const second = await importAs(cmPack('2099'), 'if-newer', (p) => progress.push(p));
    expect(second).toEqual(first);
    expect(progress).toEqual([]);
    expect(await listReleases()).toEqual([first]);
    expect(await getAllCodes(first.id)).toEqual(CM_CODES);
    expect(await countRecords('codeBlocks')).toBe(1);
    expect(await countRecords('sections')).toBe(1);
  });

  it("activate 'if-newer': a newer release takes over, an older one is stored but not activated", async () => {
    const fy2099 = await importAs(cmPack('2099'));
    const fy2100 = await importAs(cmPack('2100'));
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2100.id]);

    const fy2098 = await importAs(cmPack('2098'));
    expect(fy2098.status).toBe('ready');
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2100.id]);
    expect((await listReleases()).map((r) => r.id).sort()).toEqual([fy2098.id, fy2099.id, fy2100.id].sort());
    // Older releases stay readable (a coder may code an old date of service).
    expect(await getCode(fy2098.id, 'I10')).toMatchObject({ title: 'Essential (primary) hypertension' });
  });

  it("activate 'never' stores a ready release beside the active one without switching", async () => {
    const fy2099 = await importAs(cmPack('2099'));
    const fy2100 = await importAs(cmPack('2100'), 'never');
    expect(fy2100.status).toBe('ready');
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2099.id]);
    expect(await setActiveRelease(fy2100.id)).toBe(true);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2100.id]);
  });

  it('switching to a corrected re-issue of a release removes the earlier copy; other releases stay', async () => {
    const fy2099 = await importAs(cmPack('2099'));
    const first = await importAs(cmPack('2100'));
    const reissue = await importAs(cmPack('2100', { codes: [...CM_CODES, ['I11', 0, 'Hypertensive heart disease']] }), 'never');
    expect(await setActiveRelease(reissue.id)).toBe(true);
    expect((await listReleases()).map((r) => r.id).sort()).toEqual([fy2099.id, reissue.id].sort());
    expect(first.id).not.toBe(reissue.id);
  });

  it("activate 'always' switches even to an older release", async () => {
    await importAs(cmPack('2100'));
    const fy2099 = await importAs(cmPack('2099'), 'always');
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2099.id]);
  });

  it('keeps one active release per system', async () => {
    const cm = await importAs(cmPack('2099'));
    const pcs = await importAs(
      cmPack('2099', { system: 'icd10pcs', title: 'ICD-10-PCS FY2099', codes: [['0DT', 0, 'Gastrointestinal System, Resection'], ['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach']] }),
    );
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([cm.id, pcs.id]);
    expect(await getCode(pcs.id, '0DTJ0ZZ')).toMatchObject({ valid: 1 });
    expect(await getCode(cm.id, '0DTJ0ZZ')).toBeUndefined();
  });

  it('a re-issue of the same release (different sha256) replaces the old copy after the switch', async () => {
    const original = await importAs(cmPack('2099'));
    const corrected = cmPack('2099', {
      codes: [...CM_CODES.filter((r) => r[0] !== 'I10'), ['I110', 1, 'Hypertensive heart disease with heart failure']],
      sections: { drugs: { rows: [] } },
    });
    const reissue = await importAs(corrected);
    expect(reissue.id).not.toBe(original.id);
    expect(reissue.release).toBe(original.release);

    expect((await getActiveReleases()).map((r) => r.id)).toEqual([reissue.id]);
    expect((await listReleases()).map((r) => r.id)).toEqual([reissue.id]);
    expect(await getCode(original.id, 'E1122')).toBeUndefined();
    expect(await getSection(original.id, 'index')).toBeUndefined();
    expect(await getCode(reissue.id, 'I110')).toMatchObject({ title: 'Hypertensive heart disease with heart failure' });
    expect(await getCode(reissue.id, 'I10')).toBeUndefined();
    expect(await getSection(reissue.id, 'drugs')).toEqual({ rows: [] });
    // Nothing of the old copy is left anywhere.
    expect(await getAllCodes(original.id)).toEqual([]);
    expect(await getAllCodes(reissue.id)).toHaveLength(corrected.codes.length);
    expect(await countRecords('codeBlocks')).toBe(1);
    expect(await countRecords('sections')).toBe(1);
  });

  describe('a release larger than one write transaction', () => {
    // Enough rows for several write transactions and many stored blocks; every other number is
    // left out so lookups between stored codes are exercised too.
    const TOTAL = 45_001;
    const code = (n: number) => `Z${String(n * 2).padStart(6, '0')}`;
    const codes: CodeRow[] = Array.from({ length: TOTAL }, (_, i) => [code(i), (i % 7 === 0 ? 0 : 1) as 0 | 1, `Invented code ${i}`]);

    it('reports progress with increasing done, ending at done === total', async () => {
      const progress: ImportProgress[] = [];
      const record = await importAs(cmPack('2099', { codes }), 'if-newer', (p) => progress.push(p));
      expect(progress.length).toBeGreaterThan(1);
      for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
      expect(progress.every((p) => p.total === TOTAL && p.done <= p.total)).toBe(true);
      expect(progress[progress.length - 1]).toEqual({ done: TOTAL, total: TOTAL });
      expect(await getAllCodes(record.id)).toEqual(codes);
    });

    it('finds every code, including those at block edges, and no code in between', async () => {
      const record = await importAs(cmPack('2099', { codes }));
      for (let i = 0; i < TOTAL; i += 97) expect(await getCode(record.id, code(i)), code(i)).toMatchObject({ code: code(i), title: `Invented code ${i}` });
      for (const i of [0, 511, 512, 513, 1023, 1024, 20_479, 20_480, 20_481, TOTAL - 1])
        expect(await getCode(record.id, code(i)), code(i)).toMatchObject({ code: code(i), valid: i % 7 === 0 ? 0 : 1 });
      // Odd numbers were never stored; neither were codes sorting before the first or after the last.
      for (const missing of ['Z000001', 'Z001023', 'Z041001', 'A000', 'Z999999']) expect(await getCode(record.id, missing), missing).toBeUndefined();
    });
  });
});

describe('setActiveRelease', () => {
  it('switches the active release of its system to an installed older release, and back', async () => {
    const fy2099 = await importAs(cmPack('2099'));
    const fy2100 = await importAs(cmPack('2100'));
    expect(await setActiveRelease(fy2099.id)).toBe(true);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2099.id]);
    expect(await setActiveRelease(fy2100.id)).toBe(true);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2100.id]);
    expect((await listReadyReleases()).map((r) => r.release)).toEqual(['2100', '2099']);
  });

  it('refuses a release that is not installed or not ready, and changes nothing', async () => {
    const fy2100 = await importAs(cmPack('2100'));
    expect(await setActiveRelease('icd10cm@2098~000000000000')).toBe(false);
    const db = await getDb();
    await db.put('releases', { ...fy2100, id: 'icd10cm@2101~half', release: '2101', status: 'importing' });
    expect(await setActiveRelease('icd10cm@2101~half')).toBe(false);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2100.id]);
    expect((await listReadyReleases()).map((r) => r.id)).toEqual([fy2100.id]);
  });
});

describe('discardIncompleteImports', () => {
  it('removes a release left importing by a stopped worker, and nothing else', async () => {
    const ready = await importAs(cmPack('2099'));
    const staleId = releaseId('icd10cm', '2100', 'd'.repeat(64));
    const db = await getDb();
    await db.put('releases', { ...ready, id: staleId, release: '2100', sha256: 'd'.repeat(64), status: 'importing', importedAt: undefined });
    await db.put('codeBlocks', { releaseId: staleId, first: 'E1122', rows: [['E1122', 1, 'half-imported']] });
    await db.put('codeBlocks', { releaseId: staleId, first: 'E119', rows: [['E119', 1, 'half-imported']] });
    await db.put('sections', { releaseId: staleId, name: 'index', data: {} });

    // A half-imported release is never read.
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([ready.id]);

    expect(await discardIncompleteImports()).toBe(1);
    expect((await listReleases()).map((r) => r.id)).toEqual([ready.id]);
    expect(await getCode(staleId, 'E1122')).toBeUndefined();
    expect(await getSection(staleId, 'index')).toBeUndefined();
    expect(await getAllCodes(staleId)).toEqual([]);
    expect(await countRecords('codeBlocks')).toBe(1);
    expect(await countRecords('sections')).toBe(1);
    expect(await getCode(ready.id, 'E1122')).toMatchObject({ title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' });

    expect(await discardIncompleteImports()).toBe(0);
  });

  it('an interrupted import of a release is redone cleanly by importing it again', async () => {
    const pack = cmPack('2099');
    const sha = await sha256Hex(encodePack(pack));
    const id = releaseId('icd10cm', '2099', sha);
    const db = await getDb();
    await db.put('releases', {
      id, system: 'icd10cm', release: '2099', title: pack.title, effectiveFrom: pack.effectiveFrom, effectiveTo: pack.effectiveTo,
      counts: pack.counts, sources: pack.sources, sha256: sha, status: 'importing', sectionNames: [],
    });
    await db.put('codeBlocks', { releaseId: id, first: 'X999', rows: [['X999', 1, 'leftover row']] });

    const record = await importPack(pack, sha, { activate: 'if-newer' });
    expect(record.status).toBe('ready');
    expect(await getCode(id, 'X999')).toBeUndefined();
    expect(await getAllCodes(id)).toEqual(CM_CODES);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([id]);
  });
});

describe('discardRelease', () => {
  it('removes the rows and the active pointer of a release', async () => {
    const record = await importAs(cmPack('2099'));
    await discardRelease(record.id);
    expect(await listReleases()).toEqual([]);
    expect(await getActiveReleases()).toEqual([]);
    expect(await countRecords('codeBlocks')).toBe(0);
    expect(await countRecords('sections')).toBe(0);
  });
});
