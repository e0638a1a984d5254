/**
 * Scans the page in small slices and follows its changes. The MutationObserver only queues the
 * changed blocks ("dirty roots"). One root at a time: its text is walked into chunks (in slices),
 * the background detects mentions in a few chunks per message, and the results replace the
 * root's earlier mentions (in slices again). Content a single-page app swaps in is a changed
 * block like any other.
 */
import { createChunkBuilder, snippetAround, spansOf, type ChunkBuilder, type TextChunkOf } from '../../lib/detect/page-text';
import { PAGE_LIMITS } from '../../lib/detect/page-types';
import { boundaryOf, outermostRoots } from '../../lib/detect/page-walk';
import type { Mention } from '../../lib/detect/types';
import type { FoundMention, InsertPoint, MentionSet } from './mentions';
import { composedContains } from './order';
import { createSliceScheduler } from './scheduler';
import { isRendered, walkText, type ScanNode, type WalkHooks } from './walker';

export interface ScannerDeps {
  /** Mentions per chunk, or why there are none. */
  detect(chunks: string[]): Promise<{ ok: true; mentions: Mention[][] } | { ok: false; error: string }>;
  mentions: MentionSet;
  /** The mentions changed; `passDone` when the queue is empty (the page has been read through). */
  onChange(passDone: boolean): void;
  isOurs(node: Node): boolean;
  /** An open shadow root was found (it is observed from now on). */
  onShadowRoot(root: ShadowRoot): void;
  signal: AbortSignal;
}

export interface Scanner {
  stop(): void;
}

/**
 * Chunks per detectText message: a message is converted value by value on both sides, so a few
 * chunks (and their answer) at a time keep each conversion short.
 */
const CHUNKS_PER_MESSAGE = 3;
/** Mentions added between two checks of the slice's time. */
const ADD_STEP = 25;
/** Retries when the code set is not ready yet (first install: the import runs for a while). */
const RETRY_MS = [3_000, 10_000, 30_000, 60_000, 120_000];
/** Hidden elements remembered to rescan if they are shown (tabs, accordions). */
const MAX_HIDDEN = 2_000;

type Job =
  | { phase: 'walk'; root: Node; builder: ChunkBuilder<ScanNode>; walk: Generator<void, void, void> }
  | { phase: 'detect'; root: Node }
  | { phase: 'apply'; root: Node; found: FoundMention[]; next: number; at: InsertPoint | null };

export function createScanner(deps: ScannerDeps): Scanner {
  const queue = new Set<Node>();
  const hidden = new Set<Element>();
  const observed = new WeakSet<Node>();
  let job: Job | null = null;
  let visibilityCheck = false;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const hooks: WalkHooks = {
    isOurs: (el) => deps.isOurs(el),
    onShadowRoot(root) {
      observe(root);
      deps.onShadowRoot(root);
    },
    onHidden(el) {
      if (hidden.size < MAX_HIDDEN) hidden.add(el);
    },
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        // Only elements skipped as hidden matter; checked in a slice, not here.
        if (hidden.size) visibilityCheck = true;
        continue;
      }
      if (deps.isOurs(r.target) || (r.type === 'childList' && onlyOurs(r))) continue;
      queue.add(blockOf(r.target));
    }
    scheduler.request();
  });

  function onlyOurs(r: MutationRecord): boolean {
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.length > 0 && nodes.every((n) => deps.isOurs(n) || (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === 'coder-lens-ui'));
  }

  function observe(root: Node): void {
    if (observed.has(root)) return;
    observed.add(root);
    // Attributes only for what can show or hide text; the walk decides what they mean.
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
  }

  /** The nearest block around a changed node: rescanning it keeps sentences whole. */
  function blockOf(node: Node): Node {
    let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    while (n && n.nodeType === Node.ELEMENT_NODE && boundaryOf((n as Element).tagName) === 'none' && n.parentNode) n = n.parentNode;
    return n ?? node;
  }

  function nextRoot(): Node | null {
    for (const r of queue) if (!r.isConnected) queue.delete(r);
    if (!queue.size) return null;
    const [root] = outermostRoots([...queue], composedContains);
    for (const r of queue) if (composedContains(root, r)) queue.delete(r);
    return root;
  }

  /** Elements skipped as hidden that are shown now are queued. */
  function checkHidden(hasTime: () => boolean): void {
    let n = hidden.size;
    for (const el of hidden) {
      if (n-- <= 0 || !hasTime()) return;
      hidden.delete(el);
      if (!el.isConnected) continue;
      if (isRendered(el) && !(el as HTMLElement).hidden) queue.add(el);
      else hidden.add(el); // Still hidden: back at the end.
    }
    visibilityCheck = false;
  }

  function slice(hasTime: () => boolean): void {
    if (deps.signal.aborted) return;
    if (visibilityCheck && !job) checkHidden(hasTime);
    while (hasTime()) {
      if (!job) {
        const root = nextRoot();
        if (!root) return;
        const builder = createChunkBuilder<ScanNode>(PAGE_LIMITS.chunkChars);
        job = { phase: 'walk', root, builder, walk: walkText(root, builder, hooks) };
      }
      if (job.phase === 'detect') return; // Waiting for the background.
      if (job.phase === 'walk') {
        if (!job.walk.next().done) continue;
        const { root, builder } = job;
        job = { phase: 'detect', root };
        // In a task of its own: converting the first message is work too.
        setTimeout(() => void detect(root, builder.finish()), 0);
        return;
      }
      applySome(job, hasTime);
      if (job.next >= job.found.length) {
        job = null;
        deps.onChange(queue.size === 0);
      }
    }
    scheduler.request();
  }

  function applySome(j: Extract<Job, { phase: 'apply' }>, hasTime: () => boolean): void {
    j.at ??= deps.mentions.beginReplace(j.root);
    while (j.next < j.found.length && hasTime()) {
      const end = Math.min(j.found.length, j.next + ADD_STEP);
      for (; j.next < end; j.next++) deps.mentions.add(j.at, j.found[j.next]);
    }
  }

  async function detect(root: Node, chunks: TextChunkOf<ScanNode>[]): Promise<void> {
    const found: FoundMention[] = [];
    try {
      for (let i = 0; i < chunks.length; i += CHUNKS_PER_MESSAGE) {
        const group = chunks.slice(i, i + CHUNKS_PER_MESSAGE);
        const result = await deps.detect(group.map((c) => c.text));
        if (deps.signal.aborted) return;
        if (!result.ok) {
          if (result.error === 'no-code-set') retryLater(root);
          job = null;
          return;
        }
        result.mentions.forEach((list, k) => {
          const chunk = group[k];
          for (const m of list ?? []) found.push({ mention: m, spans: spansOf(chunk, m.start, m.end), snippet: snippetAround(chunk.text, m.start, m.end) });
        });
      }
      retries = 0;
      job = { phase: 'apply', root, found, next: 0, at: null };
    } catch (err) {
      // The worker was restarting or the extension was updated: the next change rescans.
      if (!deps.signal.aborted) console.debug('[Coder Lens] detection failed:', err);
      job = null;
    } finally {
      if (!deps.signal.aborted) scheduler.request();
    }
  }

  function retryLater(root: Node): void {
    if (retries >= RETRY_MS.length) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (deps.signal.aborted) return;
      queue.add(root);
      scheduler.request();
    }, RETRY_MS[retries++]);
  }

  const scheduler = createSliceScheduler(slice, deps.signal);
  observe(document);
  queue.add(document.body ?? document.documentElement);
  scheduler.request();

  return {
    stop() {
      observer.disconnect();
      clearTimeout(retryTimer);
      queue.clear();
      hidden.clear();
      job = null;
    },
  };
}
