import { describe, expect, it } from 'vitest';
import { releaseDates, type CodeSystem } from '../../../lib/codeset/releases';
import { releaseNotice, systemsWithChoice } from '../../../lib/search-view/code-set-status';

const release = (year: number, system: CodeSystem = 'icd10cm') => ({ id: `${system}@${year}`, system, title: `ICD-10-CM FY${year}`, ...releaseDates(system, year) });
const fy17 = release(2017);
const fy25 = release(2025);

describe('releaseNotice', () => {
  it('warns when the active release ended before today (FY2026 ended 2026-09-30)', () => {
    expect(releaseNotice(release(2026), [release(2026)], '2026-12-01', '')).toEqual({ expired: true });
    expect(releaseNotice(release(2026), [release(2026)], '2026-09-30', '')).toEqual({ expired: false });
  });

  it('says an expired release is right for a date of service it covers', () => {
    expect(releaseNotice(fy17, [fy17, fy25], '2026-12-01', '2017-03-02')).toEqual({
      expired: true,
      dateOfService: { ok: true, text: 'In force on the date of service 2017-03-02.' },
    });
  });

  it('points to the installed release that covers the date of service', () => {
    expect(releaseNotice(fy25, [fy17, fy25], '2026-12-01', '2017-03-02').dateOfService).toEqual({ ok: false, text: 'Not in force on 2017-03-02: use ICD-10-CM FY2017.' });
  });

  it('says plainly when no installed release covers the date of service', () => {
    expect(releaseNotice(fy25, [fy17, fy25], '2026-12-01', '2020-06-01').dateOfService?.text).toBe(
      'No installed ICD-10-CM release covers the date of service 2020-06-01; this release is in force 2024-10-01 to 2025-09-30.',
    );
  });
});

describe('systemsWithChoice', () => {
  it('lists only systems with more than one installed release', () => {
    expect(systemsWithChoice([fy17, fy25, release(2026, 'icd10pcs')])).toEqual(['icd10cm']);
    expect(systemsWithChoice([release(2026, 'icd10pcs')])).toEqual([]);
  });
});
