import type { ImportStatus, SearchIndexStatus } from '../storage/items';

/** A status older than this is from a background worker that was stopped mid-way. */
const STALE_STATUS_MS = 2 * 60_000;

/**
 * How long the panel should wait before starting its search worker: 0 to start now. Not while
 * the background worker imports the code set or builds the search index (the search worker would
 * build an index of half the data, or the same index at the same time), nor between the end of
 * an import and the index report that always follows it. A status that stopped changing for a
 * while is from a background worker stopped mid-way: the wait ends when it turns stale, so the
 * result is the time until then (check again after it, or when a status changes).
 */
export function searchWorkerStartDelay(importStatus: ImportStatus, indexStatus: SearchIndexStatus, nowMs: number): number {
  const importAt = Date.parse(importStatus.updatedAt);
  const indexAt = Date.parse(indexStatus.updatedAt);
  const blocking: number[] = [];
  if (importStatus.phase === 'importing') blocking.push(importAt);
  if (indexStatus.phase === 'building') blocking.push(indexAt);
  // After every import run the background reports on the index; an import report newer than the
  // index report means that one is on its way.
  if (importStatus.phase !== 'idle' && !(indexAt >= importAt)) blocking.push(importAt);
  const until = Math.max(...blocking.filter((t) => Number.isFinite(t)).map((t) => t + STALE_STATUS_MS), 0);
  return until > nowMs ? until - nowMs : 0;
}

export type SearchWorkerState =
  | { phase: 'waiting' }
  | { phase: 'loading' }
  | { phase: 'ready'; key: string; loadMs: number }
  | { phase: 'noData' }
  | { phase: 'error'; message: string };

/** The line shown under the search box when there are no results to show. */
export function searchStatusText(worker: SearchWorkerState, importStatus: ImportStatus): string | undefined {
  switch (worker.phase) {
    case 'waiting':
    case 'loading':
      return 'Preparing search…';
    case 'noData':
      return importStatus.phase === 'importing' ? 'Preparing search…' : 'No code set is installed yet: search starts once one is imported.';
    case 'error':
      return worker.message;
    case 'ready':
      return undefined;
  }
}
