import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../lib/search/types';
import type { SearchWorkerRequest } from '../../../lib/search/worker-protocol';
import type { ImportStatus, SearchIndexStatus } from '../../../lib/storage/items';
import { createSearchStore, type SearchWorkerPort } from '../../../entrypoints/sidepanel/state/search-store';

const result = (code: string): SearchResult => ({ system: 'icd10cm', code, title: code, valid: true, score: 1, why: [] });

/** A store over a fake worker: `sent` holds what the panel posted, `reply` answers as the worker. */
function harness(statuses: { import?: ImportStatus; index?: SearchIndexStatus } = {}) {
  const sent: SearchWorkerRequest[] = [];
  const listeners: { message?: (e: { data: unknown }) => void; error?: (e: { message?: string }) => void } = {};
  let created = 0;
  const port = {
    postMessage: (m: SearchWorkerRequest) => sent.push(m),
    addEventListener: (type: 'message' | 'error', l: never) => (listeners[type] = l),
  } as SearchWorkerPort;
  const statusesKnown = signal(true);
  const importStatus = signal<ImportStatus>(statuses.import ?? { phase: 'done', updatedAt: new Date(Date.now() - 60_000).toISOString() });
  const indexStatus = signal<SearchIndexStatus>(statuses.index ?? { phase: 'ready', key: 'k1', updatedAt: new Date().toISOString() });
  const store = createSearchStore({
    createWorker: () => {
      created++;
      return port;
    },
    statusesKnown,
    importStatus,
    indexStatus,
  });
  return {
    store,
    sent,
    importStatus,
    indexStatus,
    created: () => created,
    reply: (data: unknown) => listeners.message!({ data }),
    fail: (message: string) => listeners.error!({ message }),
  };
}

describe('search store', () => {
  it('starts the worker and sends one search per keystroke, showing only the newest answer', () => {
    const h = harness();
    h.store.start();
    expect(h.created()).toBe(1);
    h.reply({ type: 'ready', loadMs: 5, key: 'k1', source: 'cache' });
    h.store.setQuery('h', 1);
    h.store.setQuery('ht', 2);
    // The worker is told to load first (it loads nothing until the panel says so).
    expect(h.sent).toEqual([
      { type: 'reload' },
      { type: 'search', id: 0, query: 'h', options: { limit: 25, validOnly: false } },
      { type: 'search', id: 1, query: 'ht', options: { limit: 25, validOnly: false } },
    ]);
    h.reply({ type: 'results', id: 1, results: [result('HT')], tookMs: 1 });
    h.reply({ type: 'results', id: 0, results: [result('H')], tookMs: 1 });
    expect(h.store.answer.value).toMatchObject({ query: 'ht', results: [result('HT')], inputAt: 2, searchMs: 1 });
  });

  it('clears results without asking the worker when the box is emptied', () => {
    const h = harness();
    h.store.start();
    h.store.setQuery('   ', 3);
    expect(h.sent).toEqual([{ type: 'reload' }]);
    expect(h.store.answer.value).toEqual({ query: '   ', results: [], inputAt: 3 });
  });

  it('sends the filters and searches again when they change', () => {
    const h = harness();
    h.store.start();
    h.store.setQuery('appendix', 1);
    h.store.setSystem('icd10pcs');
    h.store.setValidOnly(true);
    expect(h.sent.at(-1)).toEqual({ type: 'search', id: 2, query: 'appendix', options: { limit: 25, validOnly: true, systems: ['icd10pcs'] } });
  });

  it('waits for the background import to finish before starting the worker', () => {
    const h = harness({ import: { phase: 'importing', updatedAt: new Date().toISOString() }, index: { phase: 'idle', updatedAt: '' } });
    h.store.start();
    expect(h.created()).toBe(0);
    h.importStatus.value = { phase: 'done', updatedAt: new Date().toISOString() };
    expect(h.created()).toBe(0);
    h.indexStatus.value = { phase: 'building', updatedAt: new Date().toISOString() };
    expect(h.created()).toBe(0);
    h.indexStatus.value = { phase: 'ready', key: 'k1', updatedAt: new Date().toISOString() };
    expect(h.created()).toBe(1);
  });

  it('reloads the worker when a new index is ready, and asks again what was typed', () => {
    const h = harness();
    h.store.start();
    h.reply({ type: 'noData' });
    h.store.setQuery('htn', 1);
    h.indexStatus.value = { phase: 'ready', key: 'k2', updatedAt: new Date().toISOString() };
    expect(h.sent.at(-1)).toEqual({ type: 'reload' });
    h.reply({ type: 'ready', loadMs: 5, key: 'k2', source: 'cache' });
    expect(h.sent.at(-1)).toMatchObject({ type: 'search', query: 'htn' });
    // The same index reported again: nothing to reload.
    const count = h.sent.length;
    h.indexStatus.value = { phase: 'ready', key: 'k2', updatedAt: new Date().toISOString() };
    expect(h.sent.length).toBe(count);
  });

  it('shows worker errors, and ignores malformed replies', () => {
    const h = harness();
    h.store.start();
    h.reply({ type: 'results', id: 0, results: 'lots', tookMs: 1 });
    expect(h.store.worker.value).toEqual({ phase: 'loading' });
    h.fail('Uncaught SyntaxError');
    expect(h.store.worker.value).toMatchObject({ phase: 'error', message: expect.stringContaining('Uncaught SyntaxError') });
  });

  it('moves the active option with the arrow keys and resets it on new results', () => {
    const h = harness();
    h.store.start();
    h.store.setQuery('a', 1);
    h.reply({ type: 'results', id: 0, results: [result('A1'), result('A2')], tookMs: 1 });
    expect(h.store.moveActive('ArrowDown')).toBe(true);
    expect(h.store.moveActive('ArrowDown')).toBe(true);
    expect(h.store.active.value).toBe(1);
    expect(h.store.moveActive('x')).toBe(false);
    h.store.setQuery('ab', 2);
    h.reply({ type: 'results', id: 1, results: [result('AB')], tookMs: 1 });
    expect(h.store.active.value).toBe(-1);
  });
});
