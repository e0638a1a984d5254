import type { DBSchema } from 'idb';
import type { CodeRow, PackCounts, PackSource } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';
import type { SearchIndexData } from '../search/index-data';

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

/**
 * Codes are stored in blocks of consecutive codes (sorted), not one record per code: importing
 * ~100k codes as a few hundred records takes a fraction of the time, and loading a whole release
 * (for the search index) is a few hundred reads. A code is found in the last block whose first
 * code sorts at or before it.
 */
export interface CodeBlockRecord {
  releaseId: string;
  /** First code of the block. */
  first: string;
  rows: CodeRow[];
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

/**
 * The prepared search index of the active releases, kept so that opening the side panel loads it
 * instead of rebuilding it (seconds of work). `data` is opaque here: only `lib/search` reads it.
 */
export interface SearchIndexRecord {
  /** Fingerprint of what it was built from (see `searchIndexKey`). */
  key: string;
  releaseIds: string[];
  builtAt: string;
  buildMs: number;
  /** The index in its binary form (lib/search/index-binary): a Blob opens far faster than a cloned object. */
  data: Blob;
}

/**
 * The page detector's prepared phrase data for the active releases (seconds to build from the
 * packs), kept so a restarted background worker reads it instead of rebuilding. Opaque here:
 * only `lib/detect` reads `data`.
 */
export interface DetectorDataRecord {
  /** Format version and release ids it was built from (see `detectorDataKey`). */
  key: string;
  builtAt: string;
  data: unknown;
}

export interface CoderLensDB extends DBSchema {
  releases: { key: string; value: ReleaseRecord };
  codeBlocks: { key: [string, string]; value: CodeBlockRecord };
  sections: { key: [string, string]; value: SectionRecord };
  state: { key: string; value: StateRecord };
  searchIndex: { key: string; value: SearchIndexRecord };
  detectorData: { key: string; value: DetectorDataRecord };
}

export const DB_NAME = 'coder-lens';
export const DB_VERSION = 3;
