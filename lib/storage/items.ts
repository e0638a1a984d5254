import { storage } from 'wxt/utils/storage';

/** What the background worker is doing with the code data, shown by the side panel. */
export interface ImportStatus {
  phase: 'idle' | 'importing' | 'done' | 'error';
  /** Release being imported, e.g. "ICD-10-CM FY2026". */
  title?: string;
  done?: number;
  total?: number;
  /** Wall time of the last completed import run, for the status line and measurements. */
  durationMs?: number;
  /** Plain-words message for the last failure. */
  error?: string;
  updatedAt: string;
}

export const importStatusItem = storage.defineItem<ImportStatus>('local:importStatus', {
  fallback: { phase: 'idle', updatedAt: '' },
});

/** Whether the background worker is preparing the search index, for "Preparing search…". */
export interface SearchIndexStatus {
  phase: 'idle' | 'building' | 'ready' | 'error';
  /** Key of the stored index (`searchIndexKey`) once ready. */
  key?: string;
  /** Wall time of the last build, when this run built it. */
  buildMs?: number;
  error?: string;
  updatedAt: string;
}

export const searchIndexStatusItem = storage.defineItem<SearchIndexStatus>('local:searchIndexStatus', {
  fallback: { phase: 'idle', updatedAt: '' },
});
