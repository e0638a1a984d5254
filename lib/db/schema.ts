import type { DBSchema } from 'idb';
import type { PackCounts, PackSource } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';

/** A code-set release stored in IndexedDB. `importing` ones are incomplete and never read. */
export interface ReleaseRecord {
  /** `${system}@${release}`, e.g. "icd10cm@2026". */
  id: string;
  system: CodeSystem;
  release: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
  counts: PackCounts;
  sources: PackSource[];
  /** sha256 of the pack file it was imported from. */
  sha256: string;
  status: 'importing' | 'ready';
  sectionNames: string[];
  importedAt?: string;
}

export interface CodeRecord {
  releaseId: string;
  /** Code without dot. */
  code: string;
  valid: 0 | 1;
  title: string;
  shortTitle?: string;
}

export interface SectionRecord {
  releaseId: string;
  name: string;
  data: unknown;
}

export interface StateRecord {
  key: string;
  value: string;
}

export interface CoderLensDB extends DBSchema {
  releases: { key: string; value: ReleaseRecord };
  codes: { key: [string, string]; value: CodeRecord };
  sections: { key: [string, string]; value: SectionRecord };
  state: { key: string; value: StateRecord };
}

export const DB_NAME = 'coder-lens';
export const DB_VERSION = 1;
