import type { CodeSystem } from './releases';

/** One official release download. */
export interface CatalogEntry {
  system: CodeSystem;
  year: number;
  /** What the zip holds, as CMS names it on its ICD-10 / HCPCS pages. */
  label: string;
  url: string;
}

/**
 * The official CMS release URLs. CMS publishes every fiscal year under the same file names
 * (https://www.cms.gov/medicare/coding-billing/icd-10-codes): the order-file zip holds
 * `icd10cm_order_YYYY.txt`, the "Code Tables, Tabular and Index" zip holds the tabular, index,
 * drug, neoplasm and external-cause XML. FY2027 is in force from 2026-10-01.
 * When CMS re-issues a zip mid-year it sometimes adds a suffix ("-updated-…"): then pass the
 * file or URL with --source.
 */

export function catalogFor(year: number, systems: readonly CodeSystem[] = ['icd10cm', 'icd10pcs']): CatalogEntry[] {
  const entries: CatalogEntry[] = [
    { system: 'icd10cm', year, label: 'Code Descriptions in Tabular Order', url: `https://www.cms.gov/files/zip/${year}-code-descriptions-tabular-order.zip` },
    { system: 'icd10cm', year, label: 'Code Tables, Tabular and Index', url: `https://www.cms.gov/files/zip/${year}-code-tables-tabular-and-index.zip` },
    { system: 'icd10pcs', year, label: 'ICD-10-PCS Order File (Long and Abbreviated Titles)', url: `https://www.cms.gov/files/zip/${year}-icd-10-pcs-order-file-long-and-abbreviated-titles.zip` },
    { system: 'icd10pcs', year, label: 'ICD-10-PCS Code Tables and Index', url: `https://www.cms.gov/files/zip/${year}-icd-10-pcs-code-tables-and-index.zip` },
    { system: 'hcpcs', year, label: 'January Alpha-Numeric HCPCS File', url: `https://www.cms.gov/files/zip/january-${year}-alpha-numeric-hcpcs-file.zip` },
  ];
  return entries.filter((e) => systems.includes(e.system));
}

/** The ICD-10 fiscal year in force on a date: FY N runs from October 1 of N-1 to September 30 of N. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number);
  return m >= 10 ? y + 1 : y;
}
