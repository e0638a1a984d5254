/** The code systems Coder Lens knows. */
export const CODE_SYSTEMS = ['icd10cm', 'icd10pcs', 'hcpcs'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export const SYSTEM_LABELS: Record<CodeSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
};

export function isCodeSystem(value: unknown): value is CodeSystem {
  return typeof value === 'string' && (CODE_SYSTEMS as readonly string[]).includes(value);
}

/**
 * Effective dates of a release. ICD-10-CM and ICD-10-PCS follow the US federal fiscal year
 * (FY2026 = 2025-10-01 … 2026-09-30); the HCPCS annual file follows the calendar year.
 */
export function releaseDates(system: CodeSystem, year: number): { effectiveFrom: string; effectiveTo: string } {
  if (system === 'hcpcs') return { effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` };
  return { effectiveFrom: `${year - 1}-10-01`, effectiveTo: `${year}-09-30` };
}

export function releaseTitle(system: CodeSystem, release: string): string {
  return system === 'hcpcs' ? `${SYSTEM_LABELS[system]} ${release}` : `${SYSTEM_LABELS[system]} FY${release}`;
}

/** Whether a release is in force on a date (ISO yyyy-mm-dd strings compare correctly as text). */
export function isInForce(r: { effectiveFrom: string; effectiveTo: string }, isoDate: string): boolean {
  return r.effectiveFrom <= isoDate && isoDate <= r.effectiveTo;
}

/** Code shape per system, used to validate codes in packs and downloaded files. */
export const CODE_PATTERNS: Record<CodeSystem, RegExp> = {
  // FY2026 introduced categories with a letter in second place (QA0 neurodevelopmental disorders).
  icd10cm: /^[A-Z][0-9A-Z][0-9A-Z]([0-9A-Z]{1,4})?$/,
  icd10pcs: /^[0-9A-HJ-NP-Z]{3,7}$/,
  hcpcs: /^[A-Z0-9]{5}$/,
};
