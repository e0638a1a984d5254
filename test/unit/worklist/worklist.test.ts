import { describe, expect, it } from 'vitest';
import type { CodeRef } from '../../../lib/worklist/code-list';
import {
  addToWorklist,
  clearWorklist,
  copyText,
  moveCode,
  moveCodeDown,
  moveCodeUp,
  removeCode,
  WORKLIST_LIMIT,
  type Worklist,
} from '../../../lib/worklist/worklist';

const cm = (code: string, title = `CM ${code}`): CodeRef => ({ system: 'icd10cm', code, title });
const pcs = (code: string, title = `PCS ${code}`): CodeRef => ({ system: 'icd10pcs', code, title });
const hcpcs = (code: string, title = `HCPCS ${code}`): CodeRef => ({ system: 'hcpcs', code, title });
const at = new Date('2026-03-02T10:15:00.000Z');

/** Adds each code in turn, failing the test if one is refused. */
function build(...refs: CodeRef[]): Worklist {
  let list: Worklist = [];
  for (const ref of refs) {
    const r = addToWorklist(list, ref, at);
    if (!r.added) throw new Error(r.message);
    list = r.list;
  }
  return list;
}
const codes = (list: Worklist) => list.map((e) => e.code);

describe('addToWorklist', () => {
  it('appends in the order added, with the time added', () => {
    const list = build(cm('E1122'), cm('I10'), pcs('0DTJ4ZZ'));
    expect(codes(list)).toEqual(['E1122', 'I10', '0DTJ4ZZ']);
    expect(list[0]).toEqual({ system: 'icd10cm', code: 'E1122', title: 'CM E1122', addedAt: '2026-03-02T10:15:00.000Z' });
  });

  it('keeps the valid flag and leaves out any other field the caller passed along', () => {
    const fromSearch = { ...cm('S134', 'Sprain of ligaments of cervical spine'), valid: false, score: 3, why: [] };
    const r = addToWorklist([], fromSearch, at);
    expect(r.list[0]).toEqual({ system: 'icd10cm', code: 'S134', title: 'Sprain of ligaments of cervical spine', valid: false, addedAt: at.toISOString() });
    expect(Object.keys(r.list[0]).sort()).toEqual(['addedAt', 'code', 'system', 'title', 'valid']);
  });

  it('refuses a duplicate: same list object back, a reason and a message with the dotted code', () => {
    const list = build(cm('E1122'), cm('I10'));
    const r = addToWorklist(list, cm('E1122', 'another title'), at);
    expect(r.added).toBe(false);
    expect(r.list).toBe(list);
    if (r.added) return;
    expect(r.reason).toBe('duplicate');
    expect(r.message).toBe('E11.22 is already in the worklist.');
  });

  it('treats the same characters in two systems as two codes (A0100: CM A01.00 and HCPCS A0100)', () => {
    const list = build(cm('A0100'), hcpcs('A0100'));
    expect(list.map((e) => e.system)).toEqual(['icd10cm', 'hcpcs']);
  });

  it('does not change the list it was given', () => {
    const list = build(cm('I10'));
    addToWorklist(list, cm('E1122'), at);
    expect(codes(list)).toEqual(['I10']);
  });

  it('refuses malformed codes (dotted, lower case, wrong system shape) so the stored state stays valid', () => {
    for (const ref of [cm('E11.22'), cm('e1122'), pcs('0DTJ4ZZZ'), pcs('0DTI4ZZ'), hcpcs('J110'), { ...cm('I10'), system: 'cpt' as never }]) {
      const r = addToWorklist([], ref, at);
      expect(r.added, JSON.stringify(ref)).toBe(false);
      if (!r.added) expect(r.reason).toBe('invalid');
    }
  });

  it(`stops at ${WORKLIST_LIMIT} codes with a message`, () => {
    const full = build(...Array.from({ length: WORKLIST_LIMIT }, (_, i) => hcpcs(`J${String(i).padStart(4, '0')}`)));
    const r = addToWorklist(full, cm('I10'), at);
    expect(r.added).toBe(false);
    expect(r.list).toBe(full);
    if (!r.added) expect(r.message).toBe(`The worklist holds ${WORKLIST_LIMIT} codes. Remove one to add I10.`);
    expect(addToWorklist(full.slice(1), cm('I10'), at).added).toBe(true);
  });
});

describe('removeCode and clearWorklist', () => {
  it('removes only the code of that system, keeping the order of the rest', () => {
    const list = build(cm('A0100'), cm('I10'), hcpcs('A0100'), cm('E1122'));
    expect(removeCode(list, { system: 'hcpcs', code: 'A0100' }).map((e) => `${e.system}:${e.code}`)).toEqual([
      'icd10cm:A0100',
      'icd10cm:I10',
      'icd10cm:E1122',
    ]);
  });

  it('returns the same list when the code is not there', () => {
    const list = build(cm('I10'));
    expect(removeCode(list, cm('E1122'))).toBe(list);
  });

  it('clears to an empty list and leaves the old one intact for undo', () => {
    const list = build(cm('I10'), cm('E1122'));
    expect(clearWorklist(list)).toEqual([]);
    expect(codes(list)).toEqual(['I10', 'E1122']);
  });
});

describe('moving codes', () => {
  const list = build(cm('A000'), cm('B000'), cm('C000'), cm('D000'));

  it('moves up and down one place', () => {
    expect(codes(moveCodeUp(list, cm('C000')))).toEqual(['A000', 'C000', 'B000', 'D000']);
    expect(codes(moveCodeDown(list, cm('B000')))).toEqual(['A000', 'C000', 'B000', 'D000']);
  });

  it('keeps the first first and the last last (same list object back)', () => {
    expect(moveCodeUp(list, cm('A000'))).toBe(list);
    expect(moveCodeDown(list, cm('D000'))).toBe(list);
  });

  it('moves to an index, in either direction', () => {
    expect(codes(moveCode(list, cm('A000'), 2))).toEqual(['B000', 'C000', 'A000', 'D000']);
    expect(codes(moveCode(list, cm('D000'), 0))).toEqual(['D000', 'A000', 'B000', 'C000']);
    expect(codes(moveCode(list, cm('B000'), 3))).toEqual(['A000', 'C000', 'D000', 'B000']);
  });

  it('clamps an index outside the list and truncates a fractional one', () => {
    expect(codes(moveCode(list, cm('B000'), 99))).toEqual(['A000', 'C000', 'D000', 'B000']);
    expect(codes(moveCode(list, cm('C000'), -5))).toEqual(['C000', 'A000', 'B000', 'D000']);
    expect(codes(moveCode(list, cm('D000'), 1.9))).toEqual(['A000', 'D000', 'B000', 'C000']);
  });

  it('returns the same list for a missing code, NaN, or a move to the same place', () => {
    expect(moveCode(list, cm('Z000'), 0)).toBe(list);
    expect(moveCodeUp(list, cm('Z000'))).toBe(list);
    expect(moveCodeDown(list, cm('Z000'))).toBe(list);
    expect(moveCode(list, cm('B000'), Number.NaN)).toBe(list);
    expect(moveCode(list, cm('B000'), 1)).toBe(list);
  });

  it('does not change the list it was given', () => {
    moveCode(list, cm('A000'), 3);
    expect(codes(list)).toEqual(['A000', 'B000', 'C000', 'D000']);
  });
});

describe('copyText', () => {
  const list = build(
    cm('E1122', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
    cm('I10', 'Essential (primary) hypertension'),
    cm('S134XXA', 'Sprain of ligaments of cervical spine, initial encounter'),
    pcs('0DTJ4ZZ', 'Resection of Appendix, Percutaneous Endoscopic Approach'),
    hcpcs('J1100', 'Injection, dexamethasone sodium phosphate, 1 mg'),
  );

  it('gives codes in worklist order, one per line, with ICD-10-CM dots after the third character only', () => {
    expect(copyText(list, { withDots: true, withTitles: false })).toBe('E11.22\nI10\nS13.4XXA\n0DTJ4ZZ\nJ1100');
  });

  it('gives codes without dots when asked', () => {
    expect(copyText(list, { withDots: false, withTitles: false })).toBe('E1122\nI10\nS134XXA\n0DTJ4ZZ\nJ1100');
  });

  it('separates with a comma and a space as an option', () => {
    expect(copyText(list, { withDots: true, withTitles: false, separator: 'comma' })).toBe(
      'E11.22, I10, S13.4XXA, 0DTJ4ZZ, J1100',
    );
  });

  it('follows the order after a move', () => {
    const moved = moveCode(list, hcpcs('J1100'), 0);
    expect(copyText(moved, { withDots: false, withTitles: false, separator: 'comma' })).toBe(
      'J1100, E1122, I10, S134XXA, 0DTJ4ZZ',
    );
  });

  it('puts the title after a tab, one code per line even when a comma separator is asked for', () => {
    const expected = [
      'E11.22\tType 2 diabetes mellitus with diabetic chronic kidney disease',
      'I10\tEssential (primary) hypertension',
      'S13.4XXA\tSprain of ligaments of cervical spine, initial encounter',
      '0DTJ4ZZ\tResection of Appendix, Percutaneous Endoscopic Approach',
      'J1100\tInjection, dexamethasone sodium phosphate, 1 mg',
    ].join('\n');
    expect(copyText(list, { withDots: true, withTitles: true })).toBe(expected);
    expect(copyText(list, { withDots: true, withTitles: true, separator: 'comma' })).toBe(expected);
    expect(copyText(list, { withDots: false, withTitles: true }).split('\n')[0]).toBe(
      'E1122\tType 2 diabetes mellitus with diabetic chronic kidney disease',
    );
  });

  it('keeps markup in titles as plain text and flattens tabs and line breaks inside a title', () => {
    const hostile = build(cm('R69', '<img src=x onerror=alert(1)>Illness &amp; <b>bold</b>\tcol\r\nnext'));
    expect(copyText(hostile, { withDots: true, withTitles: true })).toBe(
      'R69\t<img src=x onerror=alert(1)>Illness &amp; <b>bold</b> col next',
    );
  });

  it('is empty for an empty worklist', () => {
    expect(copyText([], { withDots: true, withTitles: true })).toBe('');
  });
});
