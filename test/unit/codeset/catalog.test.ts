import { describe, expect, it } from 'vitest';
import { catalogFor, fiscalYearOf } from '../../../lib/codeset/catalog';
import { isInForce, releaseDates } from '../../../lib/codeset/releases';

describe('release catalog and dates', () => {
  it('knows the fiscal year in force: FY2027 from 2026-10-01', () => {
    expect(fiscalYearOf('2026-09-30')).toBe(2026);
    expect(fiscalYearOf('2026-10-01')).toBe(2027);
    expect(fiscalYearOf('2026-11-23')).toBe(2027);
  });

  it('lists the official CMS zips of a fiscal year', () => {
    const urls = catalogFor(2027).map((e) => e.url);
    expect(urls).toEqual([
      'https://www.cms.gov/files/zip/2027-code-descriptions-tabular-order.zip',
      'https://www.cms.gov/files/zip/2027-code-tables-tabular-and-index.zip',
      'https://www.cms.gov/files/zip/2027-icd-10-pcs-order-file-long-and-abbreviated-titles.zip',
      'https://www.cms.gov/files/zip/2027-icd-10-pcs-code-tables-and-index.zip',
    ]);
    expect(catalogFor(2027, ['hcpcs']).map((e) => e.url)).toEqual(['https://www.cms.gov/files/zip/january-2027-alpha-numeric-hcpcs-file.zip']);
  });

  it('gives fiscal-year dates for ICD-10 and calendar-year dates for HCPCS', () => {
    expect(releaseDates('icd10cm', 2026)).toEqual({ effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' });
    expect(releaseDates('hcpcs', 2020)).toEqual({ effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' });
    expect(isInForce(releaseDates('icd10cm', 2026), '2026-11-23')).toBe(false);
    expect(isInForce(releaseDates('icd10cm', 2027), '2026-11-23')).toBe(true);
  });
});
