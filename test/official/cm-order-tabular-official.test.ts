import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { impliedValidCodes, parseTabular, type Tabular } from '../../lib/codeset/cm-tabular';
import { parseOrderFile } from '../../lib/codeset/order-file';
import { decodeText } from '../../lib/codeset/text';
import { officialDir, officialFile } from './official-data';

const read = (rel: string) => decodeText(readFileSync(officialFile(rel)), rel);

describe.skipIf(!officialDir)('ICD-10-CM order files (official)', () => {
  it('FY2026: 74,719 valid codes and 23,467 headers, first A00, last U099', () => {
    const entries = parseOrderFile(read('icd10cm/2026/icd10cm_order_2026.txt'), 'icd10cm_order_2026.txt');
    expect(entries.filter((e) => e.valid).length).toBe(74_719);
    expect(entries.filter((e) => !e.valid).length).toBe(23_467);
    expect([entries[0].code, entries.at(-1)!.code]).toEqual(['A00', 'U099']);
  });
  it('FY2025: 74,260 valid codes', () => {
    const entries = parseOrderFile(read('icd10cm/2025/icd10cm_order_2025.txt'), 'icd10cm_order_2025.txt');
    expect(entries.filter((e) => e.valid).length).toBe(74_260);
  });
});

describe.skipIf(!officialDir)('ICD-10-CM FY2017 tabular (official)', () => {
  let tab: Tabular;
  beforeAll(() => {
    tab = parseTabular(read('icd10cm/2017/icd10cm_tabular_2017.xml'), 'icd10cm_tabular_2017.xml');
  });

  it('has 21 chapters, 295 sections and 43,910 diag elements', () => {
    expect([tab.chapters.length, tab.sections.length, tab.diags.length]).toEqual([21, 295, 43_910]);
  });

  it('counts every note kind as SOURCES.md does', () => {
    expect(tab.elementCounts).toEqual({
      inclusionTerm: 5_981,
      excludes1: 2_602,
      excludes2: 972,
      codeFirst: 292,
      useAdditionalCode: 743,
      codeAlso: 155,
      sevenChrDef: 505,
      sevenChrNote: 505,
      includes: 413,
      notes: 83,
    });
  });

  it('implies exactly 71,486 valid codes (leaves plus 7th-character expansions), S13.4 giving S13.4XXA', () => {
    const implied = impliedValidCodes(tab);
    expect(implied.length).toBe(71_486);
    expect(new Set(implied.map((c) => c.code)).size).toBe(71_486);
    expect(implied.filter((c) => c.base === 'S134').map((c) => c.code)).toEqual(['S134XXA', 'S134XXD', 'S134XXS']);
  });
});
