import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffReleases, parseCmCodesAddenda, parseOrderAddenda, type ReleaseChanges } from '../../lib/codeset/changes';
import { parseHcpcs } from '../../lib/codeset/hcpcs';
import { parseOrderFile, type OrderEntry } from '../../lib/codeset/order-file';
import {
  describePcsCode,
  expandPcsCodes,
  expandPcsTable,
  indexPcsTables,
  parsePcsTables,
  type PcsTables,
} from '../../lib/codeset/pcs-tables';
import { decodeText } from '../../lib/codeset/text';
import { officialDir, officialFile } from './official-data';

/** A PCS order file has 3-character table headers and 7-character codes, never I or O. */
const PCS_ORDER_CODE = /^[0-9A-HJ-NP-Z]{3}(?:[0-9A-HJ-NP-Z]{4})?$/;

function read(rel: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): string {
  return decodeText(readFileSync(officialFile(rel)), rel, encoding);
}

const validCodes = (entries: OrderEntry[]) => entries.filter((e) => e.valid).map((e) => e.code);
const sortedCodes = (list: Array<{ code: string }>) => list.map((c) => c.code).sort();

describe.skipIf(!officialDir)('official ICD-10-PCS tables, HCPCS and CM changes', () => {
  describe.each([
    ['2026', 79_115, 914],
    ['2025', 78_948, 908],
  ])('ICD-10-PCS FY%s', (year, validCount, tableCount) => {
    // Parsed in beforeAll: a skipped describe still runs its body to collect the tests.
    let tables: PcsTables;
    let order: OrderEntry[];
    beforeAll(() => {
      const rel = `icd10pcs/${year}/icd10pcs_tables_${year}.xml`;
      tables = parsePcsTables(read(rel), rel);
      order = parseOrderFile(read(`icd10pcs/${year}/icd10pcs_order_${year}.txt`), 'pcs order', PCS_ORDER_CODE);
    });

    it('has one table per order-file header', () => {
      expect(tables.version).toBe(year);
      expect(tables.tables).toHaveLength(tableCount);
      expect(tables.tables.map((t) => t.code).sort()).toEqual(order.filter((e) => !e.valid).map((e) => e.code).sort());
    });

    it('expands to exactly the valid codes of the order file (0 extra, 0 missing)', () => {
      const rowByRow = tables.tables.flatMap(expandPcsTable);
      const expanded = expandPcsCodes(tables);
      // No two rows of the official tables allow the same code.
      expect(rowByRow).toHaveLength(expanded.length);
      const valid = new Set(validCodes(order));
      expect(valid.size).toBe(validCount);
      const expandedSet = new Set(expanded);
      expect(expanded.filter((c) => !valid.has(c))).toEqual([]);
      expect([...valid].filter((c) => !expandedSet.has(c))).toEqual([]);
    });

    it('explains every valid code axis by axis', () => {
      const index = indexPcsTables(tables);
      const unexplained = validCodes(order).filter((code) => describePcsCode(index, code)?.length !== 7);
      expect(unexplained).toEqual([]);
    });
  });

  it('PCS order FY2026 has 79,115 valid codes and 914 headers', () => {
    const order = parseOrderFile(read('icd10pcs/2026/icd10pcs_order_2026.txt'), 'pcs order 2026', PCS_ORDER_CODE);
    expect(validCodes(order)).toHaveLength(79_115);
    expect(order.filter((e) => !e.valid)).toHaveLength(914);
  });

  it('HCPCS 2020 has 6,710 codes and 369 modifiers', () => {
    const rel = 'hcpcs/2020/HCPC2020_ANWEB_w_disclaimer.txt';
    const release = parseHcpcs(read(rel, 'windows-1252'), rel);
    expect(release.codes).toHaveLength(6_710);
    expect(release.modifiers).toHaveLength(369);
    expect(release.codes[0].code).toBe('A0021');
    expect(release.codes.at(-1)?.code).toBe('V5364');
    expect(release.codes.find((c) => c.code === 'J1100')).toMatchObject({
      longDescription: 'Injection, dexamethasone sodium phosphate, 1 mg',
      shortDescription: 'Dexamethasone sodium phos',
      betos: 'O1E',
      coverageCode: 'D',
    });
    expect(release.codes.every((c) => c.longDescription && c.shortDescription && c.actionCode)).toBe(true);
  });

  describe('ICD-10-CM FY2025 → FY2026', () => {
    let cm2025: OrderEntry[];
    let diff: ReleaseChanges;
    beforeAll(() => {
      cm2025 = parseOrderFile(read('icd10cm/2025/icd10cm_order_2025.txt'), 'icd10cm_order_2025.txt');
      const cm2026 = parseOrderFile(read('icd10cm/2026/icd10cm_order_2026.txt'), 'icd10cm_order_2026.txt');
      diff = diffReleases(cm2025, cm2026);
    });

    /** An addenda file must list exactly the added, deleted and revised codes the order-file diff finds. */
    const expectSameCodesAsDiff = (addenda: ReleaseChanges) => {
      for (const kind of ['added', 'deleted', 'revised'] as const) expect(sortedCodes(addenda[kind]), kind).toEqual(sortedCodes(diff[kind]));
    };

    it('FY2025 order file has 74,260 valid codes', () => {
      expect(validCodes(cm2025)).toHaveLength(74_260);
    });

    it('the order files differ by 487 added and 28 deleted codes', () => {
      expect(diff.added).toHaveLength(487);
      expect(diff.deleted).toHaveLength(28);
    });

    it('the codes addenda lists the same added, deleted and revised codes', () => {
      const rel = 'icd10cm/2026/icd10cm_codes_addenda_2026.txt';
      const addenda = parseCmCodesAddenda(read(rel), rel);
      expectSameCodesAsDiff(addenda);
      expect(addenda.revised).toHaveLength(38);
    });

    it('the order addenda gives the same codes and lists the header changes', () => {
      const rel = 'icd10cm/2026/icd10cm_order_addenda_2026.txt';
      const addenda = parseOrderAddenda(read(rel), rel);
      expectSameCodesAsDiff(addenda);
      expect(addenda.headers.added).toHaveLength(143);
    });
  });

  it('PCS order addenda FY2026 parses (156 added, 27 deleted codes; 4 new tables)', () => {
    const rel = 'icd10pcs/2026/order_addenda_2026.txt';
    const addenda = parseOrderAddenda(read(rel), rel);
    expect([addenda.added.length, addenda.deleted.length, addenda.revised.length]).toEqual([156, 27, 0]);
    expect(addenda.headers.added.map((h) => h.code)).toEqual(['09X', '0C1', 'XDJ', 'XHH']);
  });
});
