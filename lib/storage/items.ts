import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type PanelSettings } from '../search-view/settings';

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

/** The date of service the coder is coding for (yyyy-mm-dd), or '' when not set. */
export const dateOfServiceItem = storage.defineItem<string>('local:dateOfService', { fallback: '' });

/** The coder's panel preferences (read them through `parseSettings`: stored values are untrusted). */
export const settingsItem = storage.defineItem<PanelSettings>('local:settings', { fallback: DEFAULT_SETTINGS });
