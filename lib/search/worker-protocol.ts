import { isCodeSystem, type CodeSystem } from '../codeset/releases';
import type { SearchOptions, SearchResult } from './types';

/**
 * Messages between the side panel and its search worker. The panel sends one `search` per
 * keystroke (ids increase); the worker answers only the newest one it has when it gets to work.
 */
export type SearchWorkerRequest =
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  /** The active releases or their prepared index changed: load it again. */
  | { type: 'reload' };

export type SearchWorkerResponse =
  | { type: 'results'; id: number; results: SearchResult[]; tookMs: number }
  /** The index is loaded (`key` says which one; `source` whether it was cached or had to be built). */
  /**
   * loadMs: from the start of loading to ready; engineMs: of which preparing the engine over the
   * read index; startedAt: when loading started, in ms since the worker was created.
   */
  | { type: 'ready'; loadMs: number; engineMs?: number; key: string; source: 'cache' | 'built'; startedAt?: number }
  /** No code set is installed yet: nothing to search. */
  | { type: 'noData' }
  | { type: 'error'; message: string };

/** Longest query kept (the engine reads no more than this either). */
export const MAX_QUERY_LENGTH = 256;
const MAX_LIMIT = 200;
const OPTION_KEYS = new Set(['limit', 'systems', 'validOnly', 'chapter']);

/**
 * Validates a message received by the worker. Messages are untrusted input: anything not exactly
 * a request gives null, and the request returned is a fresh object holding only known fields.
 */
export function parseSearchRequest(raw: unknown): SearchWorkerRequest | null {
  if (!isPlainObject(raw)) return null;
  if (raw.type === 'reload') return Object.keys(raw).length === 1 ? { type: 'reload' } : null;
  if (raw.type !== 'search') return null;
  const { id, query } = raw;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return null;
  if (typeof query !== 'string') return null;
  const options = parseOptions(raw.options);
  if (!options) return null;
  return { type: 'search', id, query: query.slice(0, MAX_QUERY_LENGTH), options };
}

function parseOptions(raw: unknown): SearchOptions | null {
  if (raw === undefined) return {};
  if (!isPlainObject(raw) || Object.keys(raw).some((k) => !OPTION_KEYS.has(k))) return null;
  const out: SearchOptions = {};
  const { limit, systems, validOnly, chapter } = raw;
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return null;
    out.limit = limit;
  }
  if (systems !== undefined) {
    if (!Array.isArray(systems) || systems.length > 3 || !systems.every(isCodeSystem)) return null;
    out.systems = [...new Set<CodeSystem>(systems)];
  }
  if (validOnly !== undefined) {
    if (typeof validOnly !== 'boolean') return null;
    out.validOnly = validOnly;
  }
  if (chapter !== undefined) {
    if (typeof chapter !== 'string' || !/^[1-9][0-9]?$/.test(chapter)) return null;
    out.chapter = chapter;
  }
  return out;
}

/**
 * Validates a message received by the panel from its worker: the envelope and the fields the
 * panel reads (a result list that is not one would otherwise break rendering).
 */
export function parseSearchResponse(raw: unknown): SearchWorkerResponse | null {
  if (!isPlainObject(raw)) return null;
  switch (raw.type) {
    case 'results': {
      const { id, results, tookMs } = raw;
      if (typeof id !== 'number' || typeof tookMs !== 'number' || !Array.isArray(results) || !results.every(isResult)) return null;
      return { type: 'results', id, results: results as SearchResult[], tookMs };
    }
    case 'ready': {
      const { loadMs, engineMs, key, source, startedAt } = raw;
      if (typeof loadMs !== 'number' || typeof key !== 'string' || (source !== 'cache' && source !== 'built')) return null;
      if ((engineMs !== undefined && typeof engineMs !== 'number') || (startedAt !== undefined && typeof startedAt !== 'number')) return null;
      return { type: 'ready', loadMs, key, source, ...(engineMs === undefined ? {} : { engineMs }), ...(startedAt === undefined ? {} : { startedAt }) };
    }
    case 'noData':
      return { type: 'noData' };
    case 'error':
      return typeof raw.message === 'string' ? { type: 'error', message: raw.message } : null;
    default:
      return null;
  }
}

function isResult(r: unknown): boolean {
  if (!isPlainObject(r)) return false;
  return (
    isCodeSystem(r.system) &&
    typeof r.code === 'string' &&
    typeof r.title === 'string' &&
    typeof r.valid === 'boolean' &&
    Array.isArray(r.why) &&
    r.why.every(isReason)
  );
}

function isReason(w: unknown): boolean {
  if (!isPlainObject(w) || typeof w.kind !== 'string' || typeof w.text !== 'string') return false;
  if (w.rewrites === undefined) return true;
  return Array.isArray(w.rewrites) && w.rewrites.every((x) => isPlainObject(x) && typeof x.from === 'string' && typeof x.to === 'string' && typeof x.how === 'string');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
