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

/** What `releaseForDate` found for a date of service. */
export type ReleaseForDate<R> =
  | { kind: 'inForce'; release: R }
  /** No installed release covers the date: the nearest one, and whether the date is before or after it. */
  | { kind: 'nearest'; release: R; side: 'before' | 'after' }
  | { kind: 'none' };

/**
 * The installed release of one code system to code a date of service with. Coding follows the
 * date of service, not today's date (ICD-10-CM guidelines: codes valid on the date of discharge
 * or service), so a claim from last fiscal year is coded with last year's release.
 */
export function releaseForDate<R extends { effectiveFrom: string; effectiveTo: string }>(releases: readonly R[], isoDate: string): ReleaseForDate<R> {
  if (releases.length === 0) return { kind: 'none' };
  const inForce = releases.filter((r) => isInForce(r, isoDate)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  if (inForce.length) return { kind: 'inForce', release: inForce[0] };
  const sorted = [...releases].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const first = sorted[0];
  if (isoDate < first.effectiveFrom) return { kind: 'nearest', release: first, side: 'before' };
  // After every release, or in a gap between two: the latest one that ended before the date.
  const ended = sorted.filter((r) => r.effectiveTo < isoDate);
  return { kind: 'nearest', release: ended[ended.length - 1], side: 'after' };
}

/** Whether a string is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
