import type { UpdateErrorKind } from './errors';
import { validateFeedEntry, type FeedEntry } from './feed';
import type { ChangesSummary } from './pack-changes';

/**
 * The phases of an update run. The run state is saved after every step, so the phase says which
 * step comes next; a worker stopped at any moment picks the run up there (see state-machine.ts).
 */
export const UPDATE_PHASES = [
  'idle',
  'checking',
  'uptodate',
  'available',
  'downloading',
  'verifying',
  'importing',
  'switching',
  'rollingBack',
  'done',
  'failed',
] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

/** Phases with a step still to run: a run saved in one of them was interrupted. */
export const WORKING_PHASES = ['checking', 'downloading', 'verifying', 'importing', 'switching', 'rollingBack'] as const;
export type WorkingPhase = (typeof WORKING_PHASES)[number];

export function isWorking(phase: UpdatePhase): phase is WorkingPhase {
  return (WORKING_PHASES as readonly string[]).includes(phase);
}

export interface UpdateProblem {
  kind: UpdateErrorKind;
  /** Plain words for the panel: what failed, why, and what stays in use. */
  message: string;
}

/** One release to install (the runs installs one per item, each switched or rolled back on its own). */
export interface UpdateItem {
  entry: FeedEntry;
  status: 'pending' | 'working' | 'switched' | 'failed';
  /** The active release of the system when the item started: what a rollback returns to. */
  fromReleaseId?: string;
  fromTitle?: string;
  /** The stored release, once imported. */
  releaseId?: string;
  /** Downloads started for this item; a worker that keeps dying on it gives up after a few. */
  attempts: number;
  progress?: { stage: 'download' | 'import'; done: number; total: number };
  changes?: ChangesSummary;
  /** Why "what changed" is missing, when the previous release could not be read. */
  changesNote?: string;
  error?: UpdateProblem;
  switchedAt?: string;
  /** Older releases removed after the switch (beyond the number kept). */
  pruned?: string[];
}

/** A completed switch, kept across runs so the panel can show "what changed" until the next one. */
export interface SwitchRecord {
  releaseId: string;
  title: string;
  switchedAt: string;
  changes?: ChangesSummary;
}

export interface UpdateRunState {
  phase: UpdatePhase;
  feedUrl?: string;
  /** Whether the run goes on to install what the check finds (a restarted worker honours it). */
  install?: boolean;
  startedAt?: string;
  updatedAt: string;
  /** Last time the feed was read (successfully or not). */
  lastCheckedAt?: string;
  /** End of the last run that found nothing to do or installed everything. */
  lastSuccessAt?: string;
  /** Runs in a row that ended `failed` (for the retry schedule). */
  consecutiveFailures: number;
  items: UpdateItem[];
  /** The item being worked on (downloading … rollingBack). */
  current: number;
  error?: UpdateProblem;
  /** Most recent first. */
  history: SwitchRecord[];
}

export const HISTORY_LENGTH = 6;

export function idleState(now: string): UpdateRunState {
  return { phase: 'idle', updatedAt: now, consecutiveFailures: 0, items: [], current: 0, history: [] };
}

/**
 * Reads a stored run state back. Stored values are untrusted (another version of the extension,
 * a damaged profile): anything that does not have the expected shape gives `undefined`, and the
 * caller starts from idle rather than acting on it.
 */
export function parseRunState(value: unknown): UpdateRunState | undefined {
  if (!isRecord(value) || !(UPDATE_PHASES as readonly unknown[]).includes(value.phase)) return undefined;
  if (!Array.isArray(value.items) || !Array.isArray(value.history)) return undefined;
  if (typeof value.current !== 'number' || typeof value.consecutiveFailures !== 'number' || typeof value.updatedAt !== 'string')
    return undefined;
  const feedUrl = typeof value.feedUrl === 'string' ? value.feedUrl : 'https://invalid.invalid/';
  try {
    for (const [i, item] of (value.items as unknown[]).entries()) {
      if (!isRecord(item) || typeof item.attempts !== 'number' || !['pending', 'working', 'switched', 'failed'].includes(item.status as string))
        return undefined;
      validateFeedEntry(item.entry, i, feedUrl);
    }
  } catch {
    // An entry that fails validation makes the whole stored run unusable: start from idle.
    return undefined;
  }
  const state = value as unknown as UpdateRunState;
  if (isWorking(state.phase) && state.phase !== 'checking' && !state.items[state.current]) return undefined;
  if (state.phase === 'checking' && typeof value.feedUrl !== 'string') return undefined;
  return state;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
