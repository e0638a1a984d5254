import { describe, expect, it } from 'vitest';
import { changesBetween, summarizeChanges } from '../../../lib/update/pack-changes';
import { fy } from './support';

describe('changesBetween', () => {
  it('lists codes that became valid, ceased to be valid, or got a new long title', () => {
    expect(changesBetween(fy('2025'), fy('2026'))).toEqual({
      added: [
        { code: 'Z910120', title: 'Allergy to eggs, unspecified' },
        { code: 'Z910121', title: 'Allergy to eggs with tolerance to baked egg' },
      ],
      // Z91012 is still there, but as a header with new children: deleted for a coder.
      deleted: [{ code: 'Z91012', title: 'Allergy to eggs' }],
      revised: [
        {
          code: 'E1122',
          oldTitle: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
          newTitle: 'Type 2 diabetes mellitus with diabetic chronic kidney disease (CKD)',
        },
      ],
    });
  });

  it('finds nothing between a release and itself', () => {
    expect(changesBetween(fy('2026'), fy('2026'))).toEqual({ added: [], deleted: [], revised: [] });
  });
});

describe('summarizeChanges', () => {
  it('keeps the full counts and at most `limit` codes per list', () => {
    const changes = changesBetween(fy('2025'), fy('2026'));
    const from = { id: 'icd10cm@2025~abc', title: 'ICD-10-CM FY2025' };
    expect(summarizeChanges(changes, from)).toEqual({ fromReleaseId: from.id, fromTitle: from.title, counts: { added: 2, deleted: 1, revised: 1 }, ...changes, truncated: false });
    const cut = summarizeChanges(changes, from, 1);
    expect(cut.counts).toEqual({ added: 2, deleted: 1, revised: 1 });
    expect(cut.added.map((c) => c.code)).toEqual(['Z910120']);
    expect(cut.truncated).toBe(true);
  });
});
