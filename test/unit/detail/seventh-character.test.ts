import { describe, expect, it } from 'vitest';
import { searchPack } from '../../support/search-packs';
import { DETAIL_CODES, DETAIL_TABULAR, detailPack, orderOnlyPack } from '../../support/detail-packs';
import { buildSeventhCharacter } from '../../../lib/detail/seventh-character';

describe('7th-character builder', () => {
  it('fills the placeholder X: S13.4 + A → S13.4XXA, a valid code', () => {
    expect(buildSeventhCharacter(detailPack(), 'S13.4', 'A')).toEqual({
      code: 'S134XXA',
      display: 'S13.4XXA',
      valid: true,
      title: 'Sprain of ligaments of cervical spine, initial encounter',
    });
    expect(buildSeventhCharacter(detailPack(), 's134', 'd').code).toBe('S134XXD');
  });

  it('puts a 6-character code’s 7th character straight after it (S13.100 + A)', () => {
    expect(buildSeventhCharacter(detailPack(), 'S13.100', 'A')).toMatchObject({ code: 'S13100A', valid: true });
  });

  it('rejects a 7th character not in the inherited definition, naming the choices', () => {
    const r = buildSeventhCharacter(detailPack(), 'S13.4', 'B');
    expect([r.code, r.valid, r.reason]).toEqual(['S134XXB', false, 'B is not a 7th character of S13: choose A, D or S']);
  });

  it('refuses a 7th character on a subcategory with more specific codes (S13.1 + A)', () => {
    const r = buildSeventhCharacter(detailPack(), 'S13.1', 'A');
    expect(r.valid).toBe(false);
    expect(r.reason).toContain('S13.1 has more specific codes (S13.10)');
  });

  it('refuses a 7th character on a code that takes none', () => {
    expect(buildSeventhCharacter(detailPack(), 'E11.9', 'A').reason).toBe('E11.9 is a complete code: it takes no 7th character');
    expect(buildSeventhCharacter(detailPack(), 'E11', 'A').reason).toBe('E11 takes no 7th character');
    expect(buildSeventhCharacter(detailPack(), 'S13.4XXA', 'D').reason).toBe('S13.4XXA already has 7 characters');
  });

  it('checks the built code against the code set: a defined character whose code the release lacks is refused', () => {
    const withoutSequela = searchPack('icd10cm', '2017', DETAIL_CODES.filter((r) => r[0] !== 'S134XXS'), { tabular: DETAIL_TABULAR });
    expect(buildSeventhCharacter(withoutSequela, 'S13.4', 'S')).toMatchObject({ valid: false, reason: 'S13.4XXS is not in ICD-10-CM FY2017' });
  });

  it('works from the code list alone for a pack without the tabular', () => {
    expect(buildSeventhCharacter(orderOnlyPack(), 'S13.4', 'A')).toMatchObject({ code: 'S134XXA', valid: true });
    expect(buildSeventhCharacter(orderOnlyPack(), 'S13.4', 'B')).toMatchObject({ valid: false, reason: 'S13.4XXB is not in ICD-10-CM FY2025' });
  });

  it('follows the nearest definition: a subcategory’s own overrides its category’s (T78.40 allows only A)', () => {
    const pack = searchPack(
      'icd10cm',
      '2017',
      [
        ['T78', 0, 'Adverse effects, not elsewhere classified'],
        ['T784', 0, 'Other and unspecified allergy'],
        ['T7840', 0, 'Allergy, unspecified'],
        ['T7840XA', 1, 'Allergy, unspecified, initial encounter'],
      ],
      {
        tabular: {
          ...DETAIL_TABULAR,
          notes: {},
          sevenChr: {
            T78: { chars: [{ char: 'A', label: 'initial encounter' }, { char: 'D', label: 'subsequent encounter' }] },
            T7840: { chars: [{ char: 'A', label: 'initial encounter' }] },
          },
        },
      },
    );
    expect(buildSeventhCharacter(pack, 'T78.40', 'A')).toMatchObject({ code: 'T7840XA', valid: true });
    expect(buildSeventhCharacter(pack, 'T78.40', 'D').reason).toBe('D is not a 7th character of T78.40: choose A');
  });
});
