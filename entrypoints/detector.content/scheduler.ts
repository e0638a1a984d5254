/**
 * Runs work in small slices, each its own task of at most SLICE_MS: never one long task from us.
 * Slices are posted as background-priority tasks where the browser has the Prioritized Task
 * Scheduling API (they run when nothing more urgent is waiting: input, rendering, the page's own
 * tasks), else in idle callbacks. The work checks `hasTime()` between small steps and asks for
 * another slice when it is not done.
 */
const SLICE_MS = 8;

export interface SliceScheduler {
  /** Asks for a slice (one at a time: repeated requests before it runs are one). */
  request(): void;
}

type PostTask = (task: () => void, options: { priority: 'background' | 'user-visible'; signal?: AbortSignal }) => Promise<void>;

export function createSliceScheduler(run: (hasTime: () => boolean) => void, signal: AbortSignal): SliceScheduler {
  let pending = false;
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  const postTask = scheduler?.postTask?.bind(scheduler);

  function slice(budget: number): void {
    pending = false;
    if (signal.aborted) return;
    const start = performance.now();
    run(() => performance.now() - start < budget);
  }

  return {
    request() {
      if (pending || signal.aborted) return;
      pending = true;
      if (postTask)
        postTask(() => slice(SLICE_MS), { priority: 'background', signal }).catch(() => {
          pending = false; // Aborted with the content script.
        });
      else if (typeof requestIdleCallback === 'function')
        // The timeout keeps a page that is never idle (animations) from starving the scan.
        requestIdleCallback((d) => slice(d.didTimeout ? SLICE_MS / 2 : Math.min(SLICE_MS, Math.max(1, d.timeRemaining()))), { timeout: 1000 });
      else setTimeout(() => slice(SLICE_MS / 2), 16);
    },
  };
}
