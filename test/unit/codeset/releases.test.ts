import { describe, expect, it } from 'vitest';
import { isIsoDate, releaseDates, releaseForDate } from '../../../lib/codeset/releases';

const fy = (year: number) => ({ id: `icd10cm@${year}`, ...releaseDates('icd10cm', year) });

describe('releaseForDate', () => {
  const installed = [fy(2025), fy(2017), fy(2026)];

  it('picks the release in force on the date of service', () => {
    expect(releaseForDate(installed, '2017-05-01')).toEqual({ kind: 'inForce', release: fy(2017) });
    expect(releaseForDate(installed, '2024-10-01')).toEqual({ kind: 'inForce', release: fy(2025) });
    expect(releaseForDate(installed, '2025-09-30')).toEqual({ kind: 'inForce', release: fy(2025) });
    expect(releaseForDate(installed, '2025-10-01')).toEqual({ kind: 'inForce', release: fy(2026) });
  });

  it('says when no installed release covers the date, and which is nearest', () => {
    expect(releaseForDate(installed, '2016-03-01')).toEqual({ kind: 'nearest', release: fy(2017), side: 'before' });
    expect(releaseForDate(installed, '2026-12-01')).toEqual({ kind: 'nearest', release: fy(2026), side: 'after' });
    // In the gap between FY2017 and FY2025: the release that ended last before the date.
    expect(releaseForDate(installed, '2020-01-15')).toEqual({ kind: 'nearest', release: fy(2017), side: 'after' });
    expect(releaseForDate([], '2020-01-15')).toEqual({ kind: 'none' });
  });
});

describe('isIsoDate', () => {
  it.each(['2026-12-01', '2024-02-29'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2025-02-29', '2026-13-01', '2026-1-01', '01/12/2026', '', 20261201, null])('rejects %s', (d) => expect(isIsoDate(d)).toBe(false));
});
