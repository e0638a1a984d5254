import { describe, expect, it } from 'vitest';
import { searchStatusText, searchWorkerStartDelay } from '../../../lib/search-view/availability';
import type { ImportStatus, SearchIndexStatus } from '../../../lib/storage/items';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString();
const imp = (phase: ImportStatus['phase'], secondsAgo: number): ImportStatus => ({ phase, updatedAt: at(secondsAgo) });
const idx = (phase: SearchIndexStatus['phase'], secondsAgo: number): SearchIndexStatus => ({ phase, key: 'k', updatedAt: at(secondsAgo) });
const NEVER: SearchIndexStatus = { phase: 'idle', updatedAt: '' };

describe('searchWorkerStartDelay', () => {
  it('starts at once when the index was reported after the last import', () => {
    expect(searchWorkerStartDelay(imp('done', 30), idx('ready', 29), NOW)).toBe(0);
    expect(searchWorkerStartDelay(imp('error', 30), idx('error', 29), NOW)).toBe(0);
  });

  it('starts at once on a profile where nothing ran yet (the worker then says there is no data)', () => {
    expect(searchWorkerStartDelay({ phase: 'idle', updatedAt: '' }, NEVER, NOW)).toBe(0);
  });

  it('waits while the background imports or builds, until those statuses turn stale', () => {
    expect(searchWorkerStartDelay(imp('importing', 10), idx('ready', 3600), NOW)).toBe(110_000);
    expect(searchWorkerStartDelay(imp('done', 20), idx('building', 5), NOW)).toBe(115_000);
    expect(searchWorkerStartDelay(imp('importing', 600), idx('ready', 3600), NOW)).toBe(0);
  });

  it('waits between the end of an import and the index report that follows it', () => {
    expect(searchWorkerStartDelay(imp('done', 1), idx('ready', 3600), NOW)).toBe(119_000);
    expect(searchWorkerStartDelay(imp('done', 1), NEVER, NOW)).toBe(119_000);
    // An import report from long ago (e.g. a version without search index) does not hold it up.
    expect(searchWorkerStartDelay(imp('done', 86_400), NEVER, NOW)).toBe(0);
  });
});

describe('searchStatusText', () => {
  it('says search is being prepared while loading or importing, and shows errors as they are', () => {
    expect(searchStatusText({ phase: 'loading' }, imp('done', 1))).toBe('Preparing search…');
    expect(searchStatusText({ phase: 'waiting' }, imp('importing', 1))).toBe('Preparing search…');
    expect(searchStatusText({ phase: 'noData' }, imp('importing', 1))).toBe('Preparing search…');
    expect(searchStatusText({ phase: 'noData' }, imp('error', 1))).toMatch(/No code set is installed yet/);
    expect(searchStatusText({ phase: 'error', message: 'Search failed: x' }, imp('done', 1))).toBe('Search failed: x');
    expect(searchStatusText({ phase: 'ready', key: 'k', loadMs: 1 }, imp('done', 1))).toBeUndefined();
  });
});
