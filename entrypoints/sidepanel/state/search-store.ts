import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { CodeSystem } from '../../../lib/codeset/releases';
import type { SearchResult } from '../../../lib/search/types';
import { parseSearchResponse, type SearchWorkerRequest } from '../../../lib/search/worker-protocol';
import { searchWorkerStartDelay, type SearchWorkerState } from '../../../lib/search-view/availability';
import { nextActiveOption } from '../../../lib/search-view/listbox';
import type { ImportStatus, SearchIndexStatus } from '../../../lib/storage/items';

/** The part of a `Worker` the store uses (a fake one in tests). */
export interface SearchWorkerPort {
  postMessage(message: SearchWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** Results on screen and the query they answer. */
export interface SearchAnswer {
  query: string;
  results: SearchResult[];
  /** When the keystroke that asked for them happened (event time), for the latency measure. */
  inputAt?: number;
  /** Time the worker spent searching (the rest of the latency is messaging and rendering). */
  searchMs?: number;
}

export type SystemFilter = 'all' | CodeSystem;

const RESULT_LIMIT = 25;

/**
 * State and actions of the search box. Every keystroke goes to the worker with a new id; only the
 * answer to the newest id is shown, so a slow answer never overwrites a newer one.
 */
export function createSearchStore(deps: {
  createWorker: () => SearchWorkerPort;
  /** False until the statuses below have been read: nothing is decided on placeholders. */
  statusesKnown: ReadonlySignal<boolean>;
  importStatus: ReadonlySignal<ImportStatus>;
  indexStatus: ReadonlySignal<SearchIndexStatus>;
}) {
  const query = signal('');
  const answer = signal<SearchAnswer>({ query: '', results: [] });
  const worker = signal<SearchWorkerState>({ phase: 'waiting' });
  const system = signal<SystemFilter>('all');
  const validOnly = signal(false);
  const active = signal(-1);
  let port: SearchWorkerPort | undefined;
  let nextId = 0;
  let newest: { id: number; query: string; inputAt?: number; answered?: boolean } | undefined;

  function send(inputAt?: number) {
    const text = query.value;
    if (!text.trim()) {
      newest = undefined;
      show({ query: text, results: [], inputAt });
      return;
    }
    newest = { id: nextId++, query: text, inputAt };
    const options = { limit: RESULT_LIMIT, validOnly: validOnly.value, ...(system.value === 'all' ? {} : { systems: [system.value] }) };
    port?.postMessage({ type: 'search', id: newest.id, query: text, options });
  }

  function show(next: SearchAnswer) {
    answer.value = next;
    active.value = -1;
  }

  function onMessage(data: unknown) {
    const msg = parseSearchResponse(data);
    if (!msg) return;
    switch (msg.type) {
      case 'results':
        if (newest && msg.id === newest.id) {
          show({ query: newest.query, results: msg.results, inputAt: newest.answered ? undefined : newest.inputAt, searchMs: msg.tookMs });
          newest.answered = true;
        }
        return;
      case 'ready':
        worker.value = { phase: 'ready', key: msg.key, loadMs: msg.loadMs };
        performance.mark('cl-search:ready', { detail: { loadMs: msg.loadMs, engineMs: msg.engineMs, startedAt: msg.startedAt, source: msg.source } });
        // Ask again: what was typed while it loaded is still unanswered, or the data changed.
        if (newest) send(newest.answered ? undefined : newest.inputAt);
        return;
      case 'noData':
        worker.value = { phase: 'noData' };
        return;
      case 'error':
        worker.value = { phase: 'error', message: msg.message };
        return;
    }
  }

  let booted: SearchWorkerPort | undefined;
  let bootError: string | undefined;

  /** Creates the worker so its script loads while the panel starts; it loads the index when told. */
  function boot() {
    if (booted || bootError) return;
    try {
      booted = deps.createWorker();
    } catch (err) {
      bootError = `Search could not start: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    booted.addEventListener('message', (e) => onMessage(e.data));
    booted.addEventListener('error', (e) => {
      worker.value = { phase: 'error', message: `Search stopped working${e.message ? `: ${e.message}` : ''}. Reopen the panel to try again.` };
    });
  }

  function startWorker() {
    worker.value = { phase: 'loading' };
    performance.mark('cl-search:worker-start');
    boot();
    if (!booted) {
      worker.value = { phase: 'error', message: bootError ?? 'Search could not start.' };
      return;
    }
    port = booted;
    port.postMessage({ type: 'reload' });
    if (newest) send(newest.inputAt);
  }

  /** Starts the worker once the background is not busy, and reloads it when a new index is ready. */
  function start() {
    const recheck = signal(0);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return effect(() => {
      void recheck.value;
      if (!deps.statusesKnown.value) return;
      const importStatus = deps.importStatus.value;
      const indexStatus = deps.indexStatus.value;
      if (!port) {
        const wait = searchWorkerStartDelay(importStatus, indexStatus, Date.now());
        clearTimeout(timer);
        if (wait === 0) startWorker();
        // No status change may ever come (background stopped): look again when they turn stale.
        else timer = setTimeout(() => recheck.value++, wait + 100);
        return;
      }
      const state = worker.peek();
      const stale = state.phase === 'noData' || state.phase === 'error' || (state.phase === 'ready' && state.key !== indexStatus.key);
      if (indexStatus.phase === 'ready' && indexStatus.key && stale) port.postMessage({ type: 'reload' });
    });
  }

  return {
    boot,
    query,
    answer,
    worker,
    system,
    validOnly,
    active,
    start,
    /** A keystroke: `inputAt` is the input event's time stamp. */
    setQuery(value: string, inputAt?: number) {
      query.value = value;
      send(inputAt);
    },
    setSystem(value: SystemFilter) {
      system.value = value;
      send();
    },
    setValidOnly(value: boolean) {
      validOnly.value = value;
      send();
    },
    /** Moves the active option for a key; false when the key is not for the list. */
    moveActive(key: string): boolean {
      const next = nextActiveOption(active.value, key, answer.value.results.length);
      if (next === undefined) return false;
      active.value = next;
      return true;
    },
    setActive(index: number) {
      active.value = index;
    },
  };
}

export type SearchStore = ReturnType<typeof createSearchStore>;
