import { describe, expect, it } from 'vitest';
import { indexEntriesFor } from '../../../lib/detail/index-entries';
import { detailPack, orderOnlyPack } from '../../support/detail-packs';

const paths = (code: string, limit?: number) => indexEntriesFor(detailPack(), code, limit).entries.map((e) => `${e.path.join(' › ')} ${e.printed} ${e.match}`);

describe('Index entries that lead to a code', () => {
  it('finds the entries printing S13.4 for S13.4XXA, in index order, and not Sprain › neck (S13.9)', () => {
    expect(paths('S13.4XXA')).toEqual([
      'Sprain › atlas, atlanto-axial, atlanto-occipital S13.4 ancestor',
      'Sprain › neck › cervical spine S13.4 ancestor',
      'Sprain › whiplash S13.4 ancestor',
      'Whiplash injury S13.4 ancestor',
    ]);
  });

  it('marks the entries naming the code itself as exact', () => {
    expect(paths('S13.4')[0]).toBe('Sprain › atlas, atlanto-axial, atlanto-occipital S13.4 exact');
    expect(paths('E08.22')).toEqual(['Diabetes, diabetic › due to underlying condition › with › chronic kidney disease E08.22 exact']);
  });

  it('follows a dashed partial code to its descendants (M20.5X- → M20.5X1)', () => {
    expect(paths('M20.5X1')).toEqual(['Hallux › limitus M20.5X- ancestor']);
    expect(paths('M20.5X')).toEqual(['Hallux › limitus M20.5X- exact']);
  });

  it('does not give a category the entries of codes below it', () => {
    expect(paths('S13')).toEqual([]);
    expect(paths('E11.9')).toEqual(['Diabetes, diabetic E11.9 exact']);
  });

  it('caps the list and says how many there are in all', () => {
    const r = indexEntriesFor(detailPack(), 'S134XXA', 2);
    expect([r.entries.length, r.total]).toEqual([2, 4]);
  });

  it('finds nothing in a pack without an index', () => {
    expect(indexEntriesFor(orderOnlyPack(), 'S134XXA')).toEqual({ entries: [], total: 0 });
  });
});
