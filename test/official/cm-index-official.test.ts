import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenIndex, parseCmIndex, type IndexCode } from '../../lib/codeset/cm-index';
import { parseDrugTable, parseNeoplasmTable, type CmTable } from '../../lib/codeset/cm-tables';
import { parseOrderFile, undotted } from '../../lib/codeset/order-file';
import { decodeText } from '../../lib/codeset/text';
import { officialDir, officialFile } from './official-data';

const read = (rel: string) => decodeText(readFileSync(officialFile(rel)), rel);

const mainTermCount = (index: ReturnType<typeof parseCmIndex>) =>
  index.letters.reduce((n, l) => n + l.mainTerms.length, 0);

function codeCells<K extends string>(table: CmTable<K>): IndexCode[] {
  return table.rows.flatMap((r) => Object.values<IndexCode | null>(r.cells).filter((c): c is IndexCode => c !== null));
}

let orderCodes: Set<string> | undefined;

/** Codes (partial ones normalised) missing from the FY2026 order file, which lists valid codes and headers. */
function unresolved(codes: IndexCode[]): string[] {
  orderCodes ??= new Set(
    parseOrderFile(read('icd10cm/2026/icd10cm_order_2026.txt'), 'icd10cm_order_2026.txt').map((e) => e.code),
  );
  const order = orderCodes;
  return [...new Set(codes.map((c) => undotted(c.code)))].filter((c) => !order.has(c));
}

describe.skipIf(!officialDir)('ICD-10-CM index and tables on the official files', () => {
  it('FY2017 Alphabetic Index: 7,973 main terms', () => {
    const index = parseCmIndex(read('icd10cm/2017/icd10cm_index_2017.xml'), 'icd10cm_index_2017.xml');
    expect(index.version).toBe('2017');
    expect(mainTermCount(index)).toBe(7_973);
    const flat = flattenIndex(index);
    // Every <mainTerm> and <term> element becomes one entry: 7,973 + 69,226.
    expect(flat).toHaveLength(7_973 + 69_226);
    expect(flat.filter((e) => e.code)).toHaveLength(59_412);
    expect(flat.filter((e) => e.manif)).toHaveLength(746);
  });

  it('External Cause Index: 314 main terms in FY2017 and FY2026', () => {
    const e2017 = parseCmIndex(read('icd10cm/2017/icd10cm_eindex_2017.xml'), 'icd10cm_eindex_2017.xml');
    const e2026 = parseCmIndex(read('icd10cm/2026/icd10cm_eindex_2026.xml'), 'icd10cm_eindex_2026.xml');
    expect(mainTermCount(e2017)).toBe(314);
    expect(mainTermCount(e2026)).toBe(314);
    const flat = flattenIndex(e2026);
    expect(flat).toHaveLength(314 + 7_776);
    const codes = flat.flatMap((e) => (e.code ? [e.code] : []));
    expect(codes).toHaveLength(6_671);
    expect(unresolved(codes)).toEqual([]);
  });

  it('FY2026 Table of Drugs and Chemicals: 5,179 main terms and 40,036 code cells', () => {
    const table = parseDrugTable(read('icd10cm/2026/icd10cm_drug_2026.xml'), 'icd10cm_drug_2026.xml');
    expect(table.version).toBe('2026');
    expect(table.rows.filter((r) => r.path.length === 1)).toHaveLength(5_179);
    expect(table.rows.filter((r) => r.path.length > 1)).toHaveLength(2_251);
    const cells = codeCells(table);
    expect(cells).toHaveLength(40_036);
    expect(unresolved(cells)).toEqual([]);
  });

  it('FY2026 Neoplasm table: 1 main term, 1,939 subterm rows (<term> elements) and 9,020 code cells', () => {
    const table = parseNeoplasmTable(read('icd10cm/2026/icd10cm_neoplasm_2026.xml'), 'icd10cm_neoplasm_2026.xml');
    const mains = table.rows.filter((r) => r.path.length === 1);
    expect(mains.map((r) => r.path[0])).toEqual(['Neoplasm, neoplastic']);
    expect(table.rows.length - mains.length).toBe(1_939);
    const cells = codeCells(table);
    expect(cells).toHaveLength(9_020);
    expect(unresolved(cells)).toEqual([]);
  });

  it('FY2017 drug and neoplasm tables parse with the older header wording', () => {
    const drug = parseDrugTable(read('icd10cm/2017/icd10cm_drug_2017.xml'), 'icd10cm_drug_2017.xml');
    expect(drug.rows.filter((r) => r.path.length === 1)).toHaveLength(5_170);
    expect(codeCells(drug)).toHaveLength(39_964);
    const neoplasm = parseNeoplasmTable(read('icd10cm/2017/icd10cm_neoplasm_2017.xml'), 'icd10cm_neoplasm_2017.xml');
    expect(neoplasm.rows).toHaveLength(1 + 1_929);
    expect(codeCells(neoplasm)).toHaveLength(9_009);
  });
});
