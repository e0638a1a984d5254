/**
 * What the detector needs to know about the active releases: does a code exist, is it valid
 * (reportable) or a header, what is its title, and does any code start with a given stem. The
 * background worker builds it from the packs it already holds; tests build it from fixtures.
 */
import type { Pack } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';

export interface CodeInfo {
  title: string;
  valid: boolean;
}

export interface CodeLookup {
  /** The releases it answers for (one per system). */
  readonly releases: ReadonlyArray<{ system: CodeSystem; release: string }>;
  /** A code of the active release of `system` (undotted, upper case), or undefined. */
  get(system: CodeSystem, code: string): CodeInfo | undefined;
  /** Whether some longer code of `system` starts with `stem` ("E11" has descendants, "I10" has none). */
  hasDescendant(system: CodeSystem, stem: string): boolean;
}

interface SystemCodes {
  rows: Map<string, Pack['codes'][number]>;
  sorted: string[];
}

/** A lookup over packs: one pack per system (a later pack of the same system replaces an earlier one). */
export function createCodeLookup(packs: readonly Pack[]): CodeLookup {
  const bySystem = new Map<CodeSystem, SystemCodes>();
  const releases = new Map<CodeSystem, string>();
  for (const pack of packs) {
    const rows = new Map<string, Pack['codes'][number]>();
    for (const row of pack.codes) rows.set(row[0], row);
    bySystem.set(pack.system, { rows, sorted: [...rows.keys()].sort() });
    releases.set(pack.system, pack.release);
  }
  return {
    releases: [...releases].map(([system, release]) => ({ system, release })),
    get(system, code) {
      const row = bySystem.get(system)?.rows.get(code);
      return row ? { title: row[2], valid: row[1] === 1 } : undefined;
    },
    hasDescendant(system, stem) {
      const sorted = bySystem.get(system)?.sorted;
      if (!sorted) return false;
      let lo = 0;
      let hi = sorted.length;
      // First code greater than the stem; it is a descendant when it starts with the stem.
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= stem) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo].startsWith(stem);
    },
  };
}

/** The packs given, or a lookup already built over them. */
export function asCodeLookup(source: readonly Pack[] | CodeLookup): CodeLookup {
  return Array.isArray(source) ? createCodeLookup(source as readonly Pack[]) : (source as CodeLookup);
}
