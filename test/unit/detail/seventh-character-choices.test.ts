import { describe, expect, it } from 'vitest';
import type { CodeRow } from '../../../lib/codeset/pack';
import { detailView } from '../../../lib/detail/detail-view';
import { sevenChrFromCodes, seventhCharacterChoices } from '../../../lib/detail/seventh-character-choices';
import { searchPack } from '../../support/search-packs';
import { detailPack, orderOnlyPack } from '../../support/detail-packs';

/** Each choice as "char label → code valid|reason". */
const lines = (code: string, pack = detailPack()) =>
  seventhCharacterChoices(pack, code)?.choices.map((c) => `${c.char} ${c.label} → ${c.result.display} ${c.result.valid ? 'valid' : c.result.reason}`);

/** Rows copied from the FY2026 order file: a category mixing 7th-character and plain codes, and 7-character codes that are not 7th-character codes. */
const FY2026_ROWS: CodeRow[] = [
  ['C44102', 0, 'Unspecified malignant neoplasm of skin of right eyelid, including canthus'],
  ['C441021', 1, 'Unspecified malignant neoplasm of skin of right upper eyelid, including canthus'],
  ['C441022', 1, 'Unspecified malignant neoplasm of skin of right lower eyelid, including canthus'],
  ['M48', 0, 'Other spondylopathies'],
  ['M480', 0, 'Spinal stenosis'],
  ['M4800', 1, 'Spinal stenosis, site unspecified'],
  ['M485', 0, 'Collapsed vertebra, not elsewhere classified'],
  ['M4850', 0, 'Collapsed vertebra, not elsewhere classified, site unspecified'],
  ['M4850XA', 1, 'Collapsed vertebra, not elsewhere classified, site unspecified, initial encounter for fracture'],
  ['M4850XD', 1, 'Collapsed vertebra, not elsewhere classified, site unspecified, subsequent encounter for fracture with routine healing'],
  ['M4850XG', 1, 'Collapsed vertebra, not elsewhere classified, site unspecified, subsequent encounter for fracture with delayed healing'],
  ['M4850XS', 1, 'Collapsed vertebra, not elsewhere classified, site unspecified, sequela of fracture'],
];

describe('7th-character choices from the Tabular List', () => {
  it('offers the inherited definition on a subcategory, each choice with its full code', () => {
    expect(seventhCharacterChoices(detailPack(), 'S134')).toMatchObject({ base: 'S134', baseDisplay: 'S13.4', from: 'S13', fromDisplay: 'S13', source: 'tabular', completes: true });
    expect(lines('S134')).toEqual([
      'A initial encounter → S13.4XXA valid',
      'D subsequent encounter → S13.4XXD valid',
      'S sequela → S13.4XXS valid',
    ]);
  });

  it('on a 7-character code, builds from its stem and marks its own character, to switch it', () => {
    const s = seventhCharacterChoices(detailPack(), 'S134XXD');
    expect([s?.base, s?.current]).toEqual(['S134', 'D']);
    expect(s?.choices.map((c) => c.result.code)).toEqual(['S134XXA', 'S134XXD', 'S134XXS']);
    expect(seventhCharacterChoices(detailPack(), 'S13100A')?.base).toBe('S13100');
  });

  it('on the category and on a header with more specific codes, says where the 7th character goes', () => {
    expect(lines('S13')?.[0]).toBe('A initial encounter → S13.XXXA S13 has more specific codes (S13.0, S13.1, S13.4, S13.5): the 7th character goes on the most specific one');
    expect(lines('S131')?.[0]).toContain('S13.1 has more specific codes (S13.10)');
    expect([seventhCharacterChoices(detailPack(), 'S13')?.completes, seventhCharacterChoices(detailPack(), 'S131')?.completes]).toEqual([false, false]);
  });

  it('offers nothing where no 7th character applies', () => {
    expect(seventhCharacterChoices(detailPack(), 'E11')).toBeUndefined();
    expect(seventhCharacterChoices(detailPack(), 'E119')).toBeUndefined();
    expect(seventhCharacterChoices(detailPack(), 'S134XXB')).toBeUndefined();
  });

  it('is part of the detail view', () => {
    expect(detailView(detailPack(), 'S13.4')?.seventhCharacter?.from).toBe('S13');
    expect(detailView(detailPack(), 'E11.9')?.seventhCharacter).toBeUndefined();
  });
});

describe('7th-character choices from the code list (release without the Tabular List)', () => {
  it('recovers the characters and their meanings from the titles, and the category holding them', () => {
    expect(sevenChrFromCodes(orderOnlyPack(), 'S134')).toEqual({
      from: 'S13',
      chars: [
        { char: 'A', label: 'initial encounter' },
        { char: 'D', label: 'subsequent encounter' },
        { char: 'S', label: 'sequela' },
      ],
    });
    expect(seventhCharacterChoices(orderOnlyPack(), 'S134XXA')).toMatchObject({ base: 'S134', current: 'A', from: 'S13', source: 'codes' });
    expect(lines('S134', orderOnlyPack())).toEqual([
      'A initial encounter → S13.4XXA valid',
      'D subsequent encounter → S13.4XXD valid',
      'S sequela → S13.4XXS valid',
    ]);
  });

  it('offers only the characters the release uses below the code (S13.5 has only A here)', () => {
    expect(sevenChrFromCodes(orderOnlyPack(), 'S135')).toEqual({ from: 'S135', chars: [{ char: 'A', label: 'initial encounter' }] });
  });

  it('places the definition on the subcategory when the category also has codes without a 7th character (M48.5, not M48)', () => {
    const pack = searchPack('icd10cm', '2026', FY2026_ROWS);
    expect(sevenChrFromCodes(pack, 'M48')).toBeUndefined();
    expect(sevenChrFromCodes(pack, 'M4850')?.from).toBe('M485');
    expect(lines('M4850', pack)).toEqual([
      'A initial encounter for fracture → M48.50XA valid',
      'D subsequent encounter for fracture with routine healing → M48.50XD valid',
      'G subsequent encounter for fracture with delayed healing → M48.50XG valid',
      'S sequela of fracture → M48.50XS valid',
    ]);
  });

  it('does not take codes that merely have 7 characters for 7th-character codes (C44.1021)', () => {
    const pack = searchPack('icd10cm', '2026', FY2026_ROWS);
    expect(seventhCharacterChoices(pack, 'C44102')).toBeUndefined();
    expect(seventhCharacterChoices(pack, 'C441021')).toBeUndefined();
  });

  it('offers nothing for other code systems (ICD-10-PCS codes have 7 characters too)', () => {
    const pcs = searchPack('icd10pcs', '2026', [
      ['0DT', 0, 'Resection of Gastrointestinal System'],
      ['0DTJ4ZZ', 1, 'Resection of Appendix, Percutaneous Endoscopic Approach'],
    ]);
    expect(seventhCharacterChoices(pcs, '0DTJ4ZZ')).toBeUndefined();
    expect(sevenChrFromCodes(pcs, '0DT')).toBeUndefined();
  });
});
