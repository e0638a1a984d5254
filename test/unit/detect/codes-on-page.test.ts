import { describe, expect, it } from 'vitest';
import { createCodeLookup } from '../../../lib/detect/code-lookup';
import { findCodesOnPage } from '../../../lib/detect/codes-on-page';
import { searchPack } from '../../support/search-packs';
import { HCPCS_ROWS, testPacks } from './detect-packs';

const lookup = createCodeLookup(testPacks());
const withHcpcs = createCodeLookup([...testPacks(), searchPack('hcpcs', '2020', HCPCS_ROWS)]);
const found = (text: string, l = lookup) => findCodesOnPage(text, l).map((m) => `${m.text}:${m.codeStatus}`);

describe('codes written on the page', () => {
  it('ICD-10-CM with the dot: valid, header, or unknown to the release', () => {
    expect(found('Dx: E11.22, E11.9 and E11.2; also E11.99.')).toEqual(['E11.22:valid', 'E11.9:valid', 'E11.2:header', 'E11.99:unknown']);
    const [unknown] = findCodesOnPage('E11.99', lookup);
    expect(unknown.concept).toBe('E11.99: not a code in ICD-10-CM FY2026');
    // The nearest code above it that exists is offered.
    expect(unknown.codes.map((c) => c.display)).toEqual(['E11.9']);
  });

  it('a 7th-character code, and one that lacks its 7th character (a header: more characters needed)', () => {
    expect(found('S13.4XXA then S13.4XX')).toEqual(['S13.4XXA:valid', 'S13.4XX:header']);
  });

  it('a code is read as written: offsets, display, title', () => {
    const text = 'Assessment: I10 (essential).';
    const [m] = findCodesOnPage(text, lookup);
    expect(text.slice(m.start, m.end)).toBe('I10');
    expect(m).toMatchObject({ kind: 'code', concept: 'Essential (primary) hypertension', codeStatus: 'valid' });
    expect(m.codes[0]).toEqual({ system: 'icd10cm', code: 'I10', display: 'I10', title: 'Essential (primary) hypertension', valid: true });
  });

  it('without the dot only when the release has the code (no false hits on lot numbers or vitamins)', () => {
    expect(found('E1122 and E119 were billed')).toEqual(['E1122:valid', 'E119:valid']);
    expect(found('vitamin B12, HbA1c, A1C 7.2, lot E12345, grant R01, T4 and L5-S1, COVID19')).toEqual([]);
  });

  it('ICD-10-PCS: seven characters of the release', () => {
    expect(found('Procedure 0DTJ4ZZ (lap appendectomy); 0DTJ4ZX is not a code')).toEqual(['0DTJ4ZZ:valid']);
    expect(findCodesOnPage('0DTJ4ZZ', lookup)[0].codes[0]).toMatchObject({ system: 'icd10pcs', display: '0DTJ4ZZ' });
  });

  it('HCPCS only when a HCPCS release is loaded', () => {
    expect(found('Given J1885 x2')).toEqual([]);
    expect(found('Given J1885 x2', withHcpcs)).toEqual(['J1885:valid']);
  });

  it('lower case, longer runs and codes glued to words are not codes', () => {
    expect(found('e11.9 XE11.9 E11.9X1234 E11.22abc')).toEqual([]);
  });

  it('hostile text: one huge word, endless dots, markup', () => {
    expect(found('E'.repeat(300_000))).toEqual([]);
    expect(found('.'.repeat(300_000))).toEqual([]);
    expect(found('<td>E11.9</td><td onclick="x">I10</td>')).toEqual(['E11.9:valid', 'I10:valid']);
  });
});
