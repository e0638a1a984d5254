import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, sha256Hex, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import { resetDbForTests } from '../../../lib/db/open';
import { importPack } from '../../../lib/db/releases';
import { quickCodeResults } from '../../../lib/search-index/quick-codes';
import { cmPackBuilder } from '../../support/packs';

const CODES: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'],
  ['I10', 1, 'Essential (primary) hypertension'],
];
const cmPack = cmPackBuilder({ codes: CODES, sections: {} });

async function importAs(pack: Pack) {
  return importPack(pack, await sha256Hex(encodePack(pack)), { activate: 'if-newer' });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('codes answered from the stored code set while the index loads', () => {
  it('finds the exact code typed with or without the dot, in any case, marked valid or header', async () => {
    await importAs(cmPack('2099'));
    for (const q of ['E11.22', 'e1122', ' E11 22 ']) expect(await quickCodeResults(q)).toMatchObject([{ system: 'icd10cm', code: 'E1122', valid: true, why: [{ kind: 'code' }] }]);
    expect(await quickCodeResults('E11')).toMatchObject([{ code: 'E11', valid: false, title: 'Type 2 diabetes mellitus' }]);
  });

  it('honours the filters and finds nothing for an absent code or before any import', async () => {
    expect(await quickCodeResults('I10')).toEqual([]);
    await importAs(cmPack('2099'));
    expect(await quickCodeResults('E11', { validOnly: true })).toEqual([]);
    expect(await quickCodeResults('I10', { systems: ['icd10pcs'] })).toEqual([]);
    expect(await quickCodeResults('I10', { chapter: '4' })).toEqual([]);
    expect(await quickCodeResults('I10', { chapter: '9' })).toMatchObject([{ code: 'I10' }]);
    expect(await quickCodeResults('Z99.999')).toEqual([]);
  });
});
