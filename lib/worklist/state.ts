import { isCodeSystem } from '../codeset/releases';
import { codeRefProblem, sameCode, type CodeKey, type CodeRef } from './code-list';
import { FAVORITES_LIMIT, RECENT_LIMIT, type Favorites, type RecentLookups } from './favorites';
import { WORKLIST_LIMIT, type Worklist, type WorklistEntry } from './worklist';

/** Everything the panel keeps between sessions. */
export interface WorklistState {
  worklist: Worklist;
  favorites: Favorites;
  recent: RecentLookups;
}

export function emptyWorklistState(): WorklistState {
  return { worklist: [], favorites: [], recent: [] };
}

export interface ParsedWorklistState {
  state: WorklistState;
  /** How many stored items were discarded (malformed, duplicate, beyond a limit, wrong type). */
  dropped: number;
}

/** Exactly what `Date.toISOString()` writes. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Reads stored state, which is untrusted (an older version, a hand-edited profile, another
 * extension's bug). Keeps every well-formed entry in its stored order and counts the rest;
 * never throws. Nothing stored (undefined / null) is an empty state with nothing dropped.
 */
export function parseWorklistState(raw: unknown): ParsedWorklistState {
  const state = emptyWorklistState();
  if (raw === undefined || raw === null) return { state, dropped: 0 };
  // Array.isArray throws on a revoked Proxy, hence `attempt`.
  if (typeof raw !== 'object' || attempt(() => Array.isArray(raw)) !== false) return { state, dropped: 1 };
  const record = raw as Record<string, unknown>;
  const worklist = readList(() => record.worklist, WORKLIST_LIMIT, readWorklistEntry);
  const favorites = readList(() => record.favorites, FAVORITES_LIMIT, readCodeRef);
  const recent = readList(() => record.recent, RECENT_LIMIT, readCodeRef);
  return {
    state: { worklist: worklist.items, favorites: favorites.items, recent: recent.items },
    dropped: worklist.dropped + favorites.dropped + recent.dropped,
  };
}

/**
 * Reads one stored list, keeping the first `limit` valid, distinct entries. A missing list is
 * empty; a list of the wrong type, or one whose read throws, counts as one dropped item.
 */
function readList<T extends CodeKey>(
  get: () => unknown,
  limit: number,
  readItem: (value: unknown) => T | undefined,
): { items: T[]; dropped: number } {
  let value: unknown;
  try {
    value = get();
  } catch {
    return { items: [], dropped: 1 };
  }
  if (value === undefined || value === null) return { items: [], dropped: 0 };
  const length = attempt(() => (Array.isArray(value) ? value.length : undefined));
  if (length === undefined) return { items: [], dropped: 1 };
  const list = value as unknown[];
  const items: T[] = [];
  let dropped = 0;
  for (let i = 0; i < length; i++) {
    if (items.length >= limit) {
      dropped += length - i;
      break;
    }
    const item = attempt(() => readItem(list[i]));
    if (item && !items.some((kept) => sameCode(kept, item))) items.push(item);
    else dropped++;
  }
  return { items, dropped };
}

/** A fresh object with only the known fields, so nothing else stored rides along. */
function readCodeRef(value: unknown): CodeRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { system, code, title, valid } = value as Record<string, unknown>;
  if (!isCodeSystem(system) || typeof code !== 'string' || typeof title !== 'string') return undefined;
  if (valid !== undefined && typeof valid !== 'boolean') return undefined;
  const ref: CodeRef = valid === undefined ? { system, code, title } : { system, code, title, valid };
  return codeRefProblem(ref) ? undefined : ref;
}

function readWorklistEntry(value: unknown): WorklistEntry | undefined {
  const ref = readCodeRef(value);
  if (!ref) return undefined;
  const addedAt = (value as Record<string, unknown>).addedAt;
  if (typeof addedAt !== 'string' || !ISO_TIMESTAMP.test(addedAt) || Number.isNaN(Date.parse(addedAt))) {
    return undefined;
  }
  return { ...ref, addedAt };
}

/**
 * Runs a read that only a crafted object (a throwing getter, a revoked Proxy) could make throw;
 * values from extension storage are plain JSON and cannot. Such an item counts as dropped.
 */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
