import { describe, expect, it, vi } from 'vitest';
import type { PreparedIndex } from '../../../lib/search-index/prepare';
import type { SearchIndexData } from '../../../lib/search/index-data';
import type { SearchEngine, SearchResult } from '../../../lib/search/types';
import type { SearchWorkerResponse } from '../../../lib/search/worker-protocol';
import { startSearchWorkerHost, type SearchWorkerDeps } from '../../../lib/search-index/worker-host';

const record = (key: string): PreparedIndex => ({ key, releaseIds: ['a'], builtAt: '', buildMs: 1, data: { version: 1, key } as unknown as SearchIndexData });
const result = (code: string): SearchResult => ({ system: 'icd10cm', code, title: code, valid: true, score: 1, why: [] });

/** A worker host over fake deps: messages are delivered by `send`, scheduled tasks run by `flush`. */
function harness(overrides: Partial<SearchWorkerDeps> = {}) {
  const posted: SearchWorkerResponse[] = [];
  let listener: ((e: { data: unknown }) => void) | undefined;
  const tasks: Array<() => void> = [];
  const searched: string[] = [];
  const engineFor = (data: SearchIndexData): SearchEngine => ({
    search(query) {
      if (query === 'E11' || query === 'diabetes') return [];
      searched.push(`${(data as unknown as { key: string }).key}:${query}`);
      return [result(query.toUpperCase())];
    },
  });
  const deps: SearchWorkerDeps = {
    load: async () => ({ record: record('k1'), source: 'cache' }),
    rebuild: async (r) => record(`${r.key}-rebuilt`),
    createEngine: engineFor,
    schedule: (t) => tasks.push(t),
    now: () => 0,
    ...overrides,
  };
  startSearchWorkerHost({ postMessage: (m) => posted.push(m), addEventListener: (_t, l) => (listener = l) }, deps);
  // The panel tells the worker when to load (it starts the worker early, loads when the background is idle).
  listener!({ data: { type: 'reload' } });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    posted,
    searched,
    send: (data: unknown) => listener!({ data }),
    flush: () => tasks.splice(0).forEach((t) => t()),
    settle,
  };
}

const search = (id: number, query: string) => ({ type: 'search', id, query, options: { limit: 5 } });

describe('search worker host', () => {
  it('answers a code typed while the index loads from the stored code set, then fully once ready', async () => {
    let release: () => void = () => undefined;
    const quick = vi.fn(async (q: string) => [result(`${q}-quick`)]);
    const h = harness({ load: () => new Promise((r) => (release = () => r({ record: record('k1'), source: 'cache' }))), quickCodes: quick });
    h.send(search(1, 'E11.22'));
    h.send(search(2, 'diabetes'));
    await h.settle();
    // Only the code-shaped query is looked up; it is no longer the newest, so nothing is posted.
    expect(quick).toHaveBeenCalledTimes(1);
    expect(h.posted).toEqual([]);
    h.send(search(3, 'I10'));
    await h.settle();
    expect(h.posted).toEqual([{ type: 'results', id: 3, results: [result('I10-quick')], tookMs: 0 }]);
    release();
    await h.settle();
    h.flush();
    expect(h.posted.at(-1)).toEqual({ type: 'results', id: 3, results: [result('I10')], tookMs: 0 });
  });

  it('loads nothing until told to', async () => {
    const load = vi.fn(async () => ({ record: record('k1'), source: 'cache' as const }));
    startSearchWorkerHost({ postMessage: () => undefined, addEventListener: () => undefined }, { load, rebuild: async (r) => r, createEngine: () => ({ search: () => [] }), schedule: () => undefined, now: () => 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the index, says ready, then answers searches', async () => {
    const h = harness();
    await h.settle();
    expect(h.posted).toEqual([{ type: 'ready', loadMs: 0, engineMs: 0, key: 'k1', source: 'cache', startedAt: 0 }]);
    h.send(search(1, 'i10'));
    h.flush();
    expect(h.posted[1]).toEqual({ type: 'results', id: 1, results: [result('I10')], tookMs: 0 });
  });

  it('answers only the newest of the queries that queued up', async () => {
    const h = harness();
    await h.settle();
    h.send(search(1, 'h'));
    h.send(search(2, 'ht'));
    h.send(search(3, 'htn'));
    h.flush();
    expect(h.searched).toEqual(['k1:htn']);
    expect(h.posted.filter((m) => m.type === 'results').map((m) => m.type === 'results' && m.id)).toEqual([3]);
  });

  it('ignores an older id arriving late, and malformed messages', async () => {
    const h = harness();
    await h.settle();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    h.send(search(5, 'htn'));
    h.flush();
    h.send(search(4, 'ht'));
    h.send({ type: 'search', id: 6, query: 42 });
    h.send('<img src=x onerror=alert(1)>');
    h.flush();
    expect(h.searched).toEqual(['k1:htn']);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('keeps the query typed while loading and answers it once ready', async () => {
    let release!: () => void;
    const h = harness({ load: () => new Promise((r) => (release = () => r({ record: record('k1'), source: 'built' }))) });
    h.send(search(1, 'htn'));
    h.flush();
    expect(h.posted).toEqual([]);
    release();
    await h.settle();
    h.flush();
    expect(h.posted.map((m) => m.type)).toEqual(['ready', 'results']);
    expect(h.posted[0]).toMatchObject({ source: 'built' });
  });

  it('says there is no data when no code set is installed, and loads again on reload', async () => {
    let loaded: PreparedIndex | null = null;
    const h = harness({ load: async () => (loaded ? { record: loaded, source: 'cache' } : null) });
    await h.settle();
    expect(h.posted).toEqual([{ type: 'noData' }]);
    loaded = record('k2');
    h.send({ type: 'reload' });
    await h.settle();
    expect(h.posted[1]).toMatchObject({ type: 'ready', key: 'k2' });
  });

  it('rebuilds a stored index the engine cannot read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = harness({
      createEngine: (data) => {
        if ((data as unknown as { key: string }).key === 'k1') throw new Error('unknown index layout');
        return { search: () => [] };
      },
    });
    await h.settle();
    expect(h.posted).toEqual([{ type: 'ready', loadMs: 0, engineMs: 0, key: 'k1-rebuilt', source: 'built', startedAt: 0 }]);
    warn.mockRestore();
  });

  it('reports a load failure and a search failure as errors', async () => {
    const failing = harness({ load: async () => Promise.reject(new Error('QuotaExceededError')) });
    await failing.settle();
    expect(failing.posted).toEqual([{ type: 'error', message: 'Search could not load the code index: QuotaExceededError' }]);

    const h = harness({
      createEngine: () => ({
        search: (q) => {
          if (q === 'boom') throw new Error('bad query');
          return [];
        },
      }),
    });
    await h.settle();
    h.send(search(1, 'boom'));
    h.flush();
    expect(h.posted.at(-1)).toEqual({ type: 'error', message: 'Search failed: bad query' });
  });
});
