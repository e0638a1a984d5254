import { computed, signal } from '@preact/signals';
import type { CodeSystem } from '../../../lib/codeset/releases';
import { moveCode, moveCodeDown, moveCodeUp, removeCode, type CodeKey, type CodeRef } from '../../../lib/worklist/code-list';
import { recordLookup, toggleFavorite } from '../../../lib/worklist/favorites';
import { emptyWorklistState, parseWorklistState, type WorklistState } from '../../../lib/worklist/state';
import { addToWorklist, clearWorklist, copyText, type CopyOptions } from '../../../lib/worklist/worklist';

/**
 * The part of the WXT storage item the store uses; `worklistStateItem` (lib/worklist/store.ts)
 * fits it, and tests pass an in-memory one. Values read are untrusted and parsed.
 */
export interface WorklistStorage {
  getValue(): Promise<unknown>;
  setValue(value: WorklistState): Promise<void>;
  /** Called with the new stored value whenever any page of the extension changes it. */
  watch(callback: (newValue: unknown) => void): () => void;
}

/** Runs `task` while no other holder of the same lock runs one. */
export type WorklistLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface WorklistStoreDeps {
  storage: WorklistStorage;
  /**
   * Shared by every page that writes the worklist. `storage.local` has no transactions, so two
   * panels reading then writing at the same time would each drop the other's change; the default
   * Web Lock is shared by all pages of the extension (same origin).
   */
  lock?: WorklistLock;
  now?: () => Date;
}

/** What an action did; `message` says in plain words why nothing changed. */
export type WorklistChange = { changed: true } | { changed: false; message?: string };

export const WORKLIST_LOCK_NAME = 'coder-lens:worklist';

/** A lock held across pages of the extension (Web Locks API). */
export function createWebLock(locks: LockManager, name = WORKLIST_LOCK_NAME): WorklistLock {
  // request() resolves with what the task's promise resolves to.
  return <T>(task: () => Promise<T>) => locks.request(name, task) as Promise<T>;
}

/** A lock for one page only: tasks run one after another in the order asked. */
export function createLocalLock(): WorklistLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function defaultLock(): WorklistLock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? createWebLock(locks) : createLocalLock();
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function droppedMessage(dropped: number): string {
  return dropped === 1
    ? '1 saved worklist item could not be read and was left out.'
    : `${dropped} saved worklist items could not be read and were left out.`;
}

/**
 * The worklist, favorites and recent lookups. Every action is a read-modify-write of the stored
 * value under the lock, so a change made in another panel or the options page is never
 * overwritten by a stale copy; the store watches storage to show those changes.
 */
export function createWorklistStore(deps: WorklistStoreDeps) {
  const { storage } = deps;
  const lock = deps.lock ?? defaultLock();
  const now = deps.now ?? (() => new Date());
  const state = signal<WorklistState>(emptyWorklistState());
  /** Whether the stored state has been read (until then `state` is an empty placeholder). */
  const loaded = signal(false);
  /** The last thing the coder should know: a refused add, a full list, unreadable saved items. */
  const message = signal<string | undefined>(undefined);
  /** Counts every value applied, so a slow first read cannot replace a newer watched value. */
  let applied = 0;
  let unwatch: (() => void) | undefined;

  function apply(raw: unknown): void {
    applied++;
    const parsed = parseWorklistState(raw);
    if (parsed.dropped > 0) message.value = droppedMessage(parsed.dropped);
    // Our own writes come back through the watcher; an equal value need not re-render the panel.
    if (JSON.stringify(parsed.state) !== JSON.stringify(state.peek())) state.value = parsed.state;
  }

  /** Reads the stored state and starts following changes made by any page. Call once. */
  async function start(): Promise<void> {
    unwatch ??= storage.watch(apply);
    const ticket = applied;
    try {
      const raw = await storage.getValue();
      if (ticket === applied) apply(raw);
    } catch (err) {
      message.value = `The saved worklist could not be read: ${errorText(err)}`;
    }
    loaded.value = true;
  }

  /**
   * Applies `change` to the freshest stored state and writes the result, all under the lock.
   * `change` returns the same state object when nothing changes (then nothing is written).
   */
  function update(change: (current: WorklistState) => { next: WorklistState; message?: string }): Promise<WorklistChange> {
    return lock(async () => {
      let current: WorklistState;
      try {
        current = parseWorklistState(await storage.getValue()).state;
      } catch (err) {
        message.value = `The worklist could not be read: ${errorText(err)}`;
        return { changed: false, message: message.peek() };
      }
      const { next, message: refusal } = change(current);
      if (next === current) {
        if (refusal) message.value = refusal;
        return { changed: false, message: refusal };
      }
      try {
        await storage.setValue(next);
      } catch (err) {
        message.value = `The worklist could not be saved: ${errorText(err)}`;
        return { changed: false, message: message.peek() };
      }
      applied++;
      state.value = next;
      return { changed: true };
    });
  }

  const key = (code: string, system: CodeSystem): CodeKey => ({ system, code });
  const withWorklist = (s: WorklistState, worklist: WorklistState['worklist']) => ({ next: worklist === s.worklist ? s : { ...s, worklist } });
  const favoriteKeys = computed(() => new Set(state.value.favorites.map((f) => `${f.system}:${f.code}`)));

  return {
    state,
    loaded,
    message,
    start,
    /** Stops following storage (the panel is closing, or a test ends). */
    stop() {
      unwatch?.();
      unwatch = undefined;
    },
    dismissMessage() {
      message.value = undefined;
    },
    /** Appends a code to the worklist; a duplicate or a full list is refused with a message. */
    add(entry: CodeRef) {
      return update((s) => {
        const r = addToWorklist(s.worklist, entry, now());
        return r.added ? { next: { ...s, worklist: r.list } } : { next: s, message: r.message };
      });
    },
    remove(code: string, system: CodeSystem) {
      return update((s) => withWorklist(s, removeCode(s.worklist, key(code, system))));
    },
    /**
     * Moves a code to `toIndex` (clamped). The code, not its index, says what moves: another
     * panel may have changed the list since this one was drawn.
     */
    move(code: string, system: CodeSystem, toIndex: number) {
      return update((s) => withWorklist(s, moveCode(s.worklist, key(code, system), toIndex)));
    },
    moveUp(code: string, system: CodeSystem) {
      return update((s) => withWorklist(s, moveCodeUp(s.worklist, key(code, system))));
    },
    moveDown(code: string, system: CodeSystem) {
      return update((s) => withWorklist(s, moveCodeDown(s.worklist, key(code, system))));
    },
    /** Empties the worklist (favorites and recent stay). The UI asks the coder to confirm first. */
    clear() {
      return update((s) => withWorklist(s, s.worklist.length === 0 ? s.worklist : clearWorklist(s.worklist)));
    },
    /** Pins or unpins; a full favorites list is refused with a message. */
    toggleFavorite(entry: CodeRef) {
      return update((s) => {
        const r = toggleFavorite(s.favorites, entry);
        return r.changed ? { next: { ...s, favorites: r.list } } : { next: s, message: r.message };
      });
    },
    /** Reads `state`, so a component calling it re-renders when favorites change. */
    isFavorite(code: string, system: CodeSystem): boolean {
      return favoriteKeys.value.has(`${system}:${code}`);
    },
    /** Records an opened code as the most recent lookup (silently skips a malformed one). */
    noteRecent(entry: CodeRef) {
      return update((s) => {
        const first = s.recent[0];
        // Opening the code already on top again changes nothing (title and flag included).
        if (first && sameRef(first, entry)) return { next: s };
        const recent = recordLookup(s.recent, entry);
        return { next: recent === s.recent ? s : { ...s, recent } };
      });
    },
    /** The worklist as the coder pastes it, in its current order. */
    copyAllText(options: CopyOptions): string {
      return copyText(state.peek().worklist, options);
    },
  };
}

function sameRef(a: CodeRef, b: CodeRef): boolean {
  return a.system === b.system && a.code === b.code && a.title === b.title && a.valid === b.valid;
}

export type WorklistStore = ReturnType<typeof createWorklistStore>;
