import type { PreparedIndex } from './prepare';
import type { SearchIndexData } from '../search/index-data';
import { looksLikeCode } from '../search/code-query';
import type { SearchEngine, SearchOptions, SearchResult } from '../search/types';
import { parseSearchRequest, type SearchWorkerRequest, type SearchWorkerResponse } from '../search/worker-protocol';

/** The part of a dedicated worker's global scope the host uses. */
export interface SearchWorkerScope {
  postMessage(message: SearchWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface SearchWorkerDeps {
  /** The prepared index of the active releases (cached or built), or null when none is installed. */
  load(): Promise<{ record: PreparedIndex; source: 'cache' | 'built' } | null>;
  /** Replaces a stored index the engine could not read with a freshly built one. */
  rebuild(record: PreparedIndex): Promise<PreparedIndex>;
  createEngine(data: SearchIndexData): SearchEngine;
  /**
   * Answers a code typed while the index is still loading, straight from the stored code set
   * (exact code only); the full answer follows once the index is ready.
   */
  quickCodes?(query: string, options: SearchOptions | undefined): Promise<SearchResult[]>;
  /** Runs `task` after the messages already queued (setTimeout 0 in the worker). */
  schedule(task: () => void): void;
  now(): number;
}

/**
 * The search worker's message loop. Searches run one at a time on the worker thread; while one
 * runs, further keystrokes queue up, and only the newest of them is answered (the panel shows
 * only the newest anyway). Requests arriving while the index loads are answered once it is ready.
 * Nothing is loaded until the panel sends `reload`: the panel starts the worker as early as it can
 * (so its script is ready) and tells it to load once the background is not importing or building.
 */
export function startSearchWorkerHost(scope: SearchWorkerScope, deps: SearchWorkerDeps): void {
  let engine: SearchEngine | null = null;
  let pending: Extract<SearchWorkerRequest, { type: 'search' }> | null = null;
  let newestId = -1;
  let scheduled = false;
  let loading = false;
  let loadAgain = false;

  const post = (m: SearchWorkerResponse) => scope.postMessage(m);

  function runPending() {
    scheduled = false;
    const request = pending;
    if (!request || !engine) return;
    pending = null;
    const started = deps.now();
    try {
      const results = engine.search(request.query, request.options);
      post({ type: 'results', id: request.id, results, tookMs: deps.now() - started });
    } catch (err) {
      post({ type: 'error', message: `Search failed: ${messageOf(err)}` });
    }
  }

  function schedulePending() {
    if (scheduled || !pending || !engine) return;
    scheduled = true;
    deps.schedule(runPending);
  }

  /** An engine over the record, checked with a code query and a word query before it is trusted. */
  function engineFor(record: PreparedIndex): SearchEngine {
    const candidate = deps.createEngine(record.data);
    candidate.search('E11', { limit: 1 });
    candidate.search('diabetes', { limit: 1 });
    return candidate;
  }

  async function load() {
    if (loading) {
      loadAgain = true;
      return;
    }
    loading = true;
    const started = deps.now();
    try {
      const loaded = await deps.load();
      if (!loaded) {
        engine = null;
        post({ type: 'noData' });
      } else {
        let { record, source } = loaded;
        const engineStarted = deps.now();
        try {
          engine = engineFor(record);
        } catch (err) {
          // A stored index this engine cannot read (written by another version): build it anew.
          console.warn('[Coder Lens] stored search index unreadable, rebuilding:', err);
          record = await deps.rebuild(record);
          source = 'built';
          engine = engineFor(record);
        }
        post({ type: 'ready', loadMs: deps.now() - started, engineMs: deps.now() - engineStarted, key: record.key, source, startedAt: started });
        schedulePending();
      }
    } catch (err) {
      post({ type: 'error', message: `Search could not load the code index: ${messageOf(err)}` });
    } finally {
      loading = false;
      if (loadAgain) {
        loadAgain = false;
        void load();
      }
    }
  }

  scope.addEventListener('message', (event) => {
    const request = parseSearchRequest(event.data);
    if (!request) {
      console.warn('[Coder Lens] search worker ignored a malformed message');
      return;
    }
    if (request.type === 'reload') {
      void load();
      return;
    }
    // Ids only grow: an older id arriving late is already superseded.
    if (request.id <= newestId) return;
    newestId = request.id;
    pending = request;
    schedulePending();
    if (!engine && deps.quickCodes && looksLikeCode(request.query)) {
      const { id } = request;
      const started = deps.now();
      deps.quickCodes(request.query, request.options).then(
        (results) => {
          if (!engine && id === newestId && results.length) post({ type: 'results', id, results, tookMs: deps.now() - started });
        },
        (err: unknown) => console.warn('[Coder Lens] code lookup while loading failed:', err),
      );
    }
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
