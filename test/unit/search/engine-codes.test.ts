import { describe, expect, it } from 'vitest';
import { displayCode } from '../../../lib/codeset/code-format';
import type { SearchResult } from '../../../lib/search/types';
import { CM_CODES, codesOf, fixtureEngine, HCPCS_CODES, PCS_CODES, searchCodes } from '../../support/search-packs';

// Code queries: what a coder types when the code (or its start) is already known.
const engine = fixtureEngine();
const codeResults = (results: SearchResult[]) => results.filter((r) => r.why.some((w) => w.kind === 'code'));

describe('search by code', () => {
  it.each(['E11.22', 'e1122', 'E11 22', 'e11.22', '  E11.22  '])('"%s" puts E11.22 first, as a code match', (query) => {
    const [first] = engine.search(query);
    expect(first).toMatchObject({ system: 'icd10cm', code: 'E1122', valid: true, title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease' });
    expect(first.why[0]).toEqual({ kind: 'code', text: 'E1122' });
  });

  it.each(['E11.', 'E11', 'e11'])('a partial code "%s" lists that code first, then its children in code order', (query) => {
    expect(searchCodes(engine, query).slice(0, 7)).toEqual(['E11', 'E112', 'E1121', 'E1122', 'E1129', 'E1165', 'E119']);
  });

  it('a subcategory lists its 7th-character codes in order (A, D, S)', () => {
    expect(searchCodes(engine, 'S13.4').slice(0, 4)).toEqual(['S134', 'S134XXA', 'S134XXD', 'S134XXS']);
  });

  // OCG I.A.5 / I.C.19.a: a 7th character after fewer than six characters needs the placeholder X.
  it.each(['S13.4A', 's134a', 'S13.4 A', 'S13.4XXA'])('"%s" resolves to S13.4XXA, the only code it can mean', (query) => {
    const [first] = engine.search(query);
    expect(first.code).toBe('S134XXA');
    expect(first.why[0].kind).toBe('code');
  });

  it.each(['S13.4D', 's134d'])('"%s" resolves to the subsequent encounter S13.4XXD', (query) => {
    expect(searchCodes(engine, query)[0]).toBe('S134XXD');
  });

  it.each(['E13.9', 'E11.99', 'Z99.89', 'S13.4B', '0DTJ4Z0', 'J9999'])('a code absent from the pack ("%s") gives no code match', (query) => {
    expect(codeResults(engine.search(query))).toEqual([]);
  });

  it('a dotted code that is not in the code set gives no results at all (its digits match no words)', () => {
    // "2" is a title word of the fixture (Type 2 diabetes): a dotted code must not fall back to it.
    expect(engine.search('E22.2')).toEqual([]);
    expect(engine.search('Z99.999')).toEqual([]);
  });

  it('finds an ICD-10-PCS code typed in full, in any case', () => {
    for (const query of ['0DTJ4ZZ', '0dtj4zz']) {
      const [first] = engine.search(query);
      expect(first).toMatchObject({ system: 'icd10pcs', code: '0DTJ4ZZ', valid: true, title: 'Resection of Appendix, Percutaneous Endoscopic Approach' });
      expect(first.why[0].kind).toBe('code');
    }
  });

  it('a PCS table (first three characters) lists the table then its codes in code order', () => {
    expect(searchCodes(engine, '0DT').slice(0, 4)).toEqual(['0DT', '0DTJ0ZZ', '0DTJ4ZZ', '0DTJ8ZZ']);
    expect(engine.search('0DT')[0].valid).toBe(false);
  });

  it('finds a HCPCS Level II code, and lists codes under a HCPCS prefix', () => {
    const [first] = engine.search('j1100');
    expect(first).toMatchObject({ system: 'hcpcs', code: 'J1100', valid: true, title: 'Injection, dexamethasone sodium phosphate, 1 mg' });
    expect(codesOf(codeResults(engine.search('J10')))).toEqual(['J1020', 'J1030']);
  });

  it('every code of the fixture packs is found first by itself, as displayed and as stored', () => {
    const misses: string[] = [];
    for (const [system, rows] of [['icd10cm', CM_CODES], ['icd10pcs', PCS_CODES], ['hcpcs', HCPCS_CODES]] as const)
      for (const [code] of rows)
        for (const query of [displayCode(system, code), code, code.toLowerCase()]) {
          const [first] = engine.search(query);
          if (first?.code !== code || first.system !== system) misses.push(`${query} → ${first?.code}`);
        }
    expect(misses).toEqual([]);
  });

  it('code matches are listed before word matches', () => {
    // "S13.4" also matches words ("4-aminophenol", "40 mg") — those must come after the codes.
    const results = engine.search('S13.4');
    const lastCode = results.findLastIndex((r) => r.why[0].kind === 'code');
    const firstWord = results.findIndex((r) => r.why[0].kind !== 'code');
    expect(lastCode).toBe(3);
    if (firstWord >= 0) expect(firstWord).toBeGreaterThan(lastCode);
  });
});
