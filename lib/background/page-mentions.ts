/**
 * The background's record of what was found on each tab's page: in memory, mirrored to
 * storage.session (a worker stopped by the browser reads it back), dropped when the tab closes or
 * navigates. One writer per tab at a time, so concurrent frame reports never lose each other.
 */
import { locateMention, tabPageMentions, withFrameMentions, type TabEntry } from '../detect/page-mentions';
import type { FrameMention, TabPageMentions } from '../detect/page-types';

export interface TabEntryStorage {
  read(tabId: number): Promise<TabEntry | null>;
  /** null removes the tab's entry. */
  write(tabId: number, entry: TabEntry | null): Promise<void>;
}

export interface PageMentionsStore {
  /** A frame's list (replaces what the frame reported before), or its next part (`append`). */
  report(tabId: number, frameId: number, frameUrl: string, mentions: FrameMention[], options?: { append?: boolean; truncated?: boolean }): Promise<void>;
  get(tabId: number): Promise<TabPageMentions>;
  /** Where a tab-wide mention id lives, or null when it is not (or no longer) on the page. */
  locate(tabId: number, pageMentionId: string): Promise<{ frameId: number; id: string } | null>;
  /** The tab closed or loaded another page. */
  drop(tabId: number): Promise<void>;
}

export function createPageMentionsStore(storage: TabEntryStorage, now: () => number = Date.now, writeDelayMs = 250): PageMentionsStore {
  const cache = new Map<number, TabEntry | null>();
  const queues = new Map<number, Promise<unknown>>();
  const writes = new Map<number, ReturnType<typeof setTimeout>>();

  /**
   * Reports come in parts a few ms apart: the session copy is written once they settle (memory
   * is the live copy; the stored one is what a restarted worker reads back).
   */
  function scheduleWrite(tabId: number): void {
    clearTimeout(writes.get(tabId));
    writes.set(
      tabId,
      setTimeout(() => {
        writes.delete(tabId);
        void inOrder(tabId, () => storage.write(tabId, cache.get(tabId) ?? null)).catch((err) => console.error('[Coder Lens] storing page mentions failed:', err));
      }, writeDelayMs),
    );
  }

  /** Runs `task` after the tab's earlier tasks (a failed one does not stop the next). */
  function inOrder<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(task);
    queues.set(tabId, run);
    void run.finally(() => {
      if (queues.get(tabId) === run) queues.delete(tabId);
    }).catch(() => undefined);
    return run;
  }

  async function load(tabId: number): Promise<TabEntry | null> {
    if (!cache.has(tabId)) cache.set(tabId, await storage.read(tabId));
    return cache.get(tabId) ?? null;
  }

  return {
    report: (tabId, frameId, frameUrl, mentions, options = {}) =>
      inOrder(tabId, async () => {
        const next = withFrameMentions((await load(tabId)) ?? undefined, { tabId, frameId, frameUrl, mentions, ...options, now: now() });
        cache.set(tabId, next);
        scheduleWrite(tabId);
      }),
    get: (tabId) => inOrder(tabId, async () => tabPageMentions(await load(tabId), tabId)),
    locate: (tabId, id) => inOrder(tabId, async () => locateMention(await load(tabId), id)),
    drop: (tabId) =>
      inOrder(tabId, async () => {
        clearTimeout(writes.get(tabId));
        writes.delete(tabId);
        if (cache.get(tabId) === null) return;
        cache.set(tabId, null);
        await storage.write(tabId, null);
      }),
  };
}
