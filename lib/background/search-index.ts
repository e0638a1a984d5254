import { ensureSearchIndex } from '../search-index/prepare';
import type { SearchIndexStatus } from '../storage/items';

/**
 * Prepares the search index of the active releases if it is missing or stale, reporting progress
 * for the side panel ("Preparing search…"). Safe to run at any time and more than once.
 */
export async function prepareSearchIndex(status: { get: () => Promise<SearchIndexStatus>; report: (status: SearchIndexStatus) => Promise<void> }): Promise<void> {
  const now = () => new Date().toISOString();
  const reportStatus = status.report;
  try {
    const result = await ensureSearchIndex(() => reportStatus({ phase: 'building', updatedAt: now() }));
    if (!result) await reportStatus({ phase: 'idle', updatedAt: now() });
    else if (!result.built) {
      // Already there: the status is rewritten (with a new time, which tells the panel the check is
      // done) but keeps the figures of the build that made it.
      const previous = await status.get();
      const buildMs = previous.key === result.target.key ? previous.buildMs : undefined;
      await reportStatus({ phase: 'ready', key: result.target.key, ...(buildMs === undefined ? {} : { buildMs }), updatedAt: now() });
    }
    // Not stored: the active releases changed during the build; the import that changed them runs this again.
    else if (result.built.stored) await reportStatus({ phase: 'ready', key: result.built.key, buildMs: result.built.buildMs, updatedAt: now() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await reportStatus({ phase: 'error', error: `Preparing search failed: ${message}`, updatedAt: now() });
    throw err;
  }
}

/**
 * Wraps a task so that calls never overlap: a call during a run makes exactly one more run after
 * it (the state it must see may have changed meanwhile), and every caller waits for that run.
 */
export function serialized(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const run = (): Promise<void> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    next ??= running
      // The earlier run's failure belongs to its own callers; this run starts either way.
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return run();
      });
    return next;
  };
}
