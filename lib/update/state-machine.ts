import type { ReleaseChanges } from '../codeset/changes';
import type { Pack } from '../codeset/pack';
import type { ImportProgress } from '../db/releases';
import type { ReleaseRecord } from '../db/schema';
import { describeFailure, UpdateError, type FailureDescription } from './errors';
import { fetchFeed } from './feed';
import { downloadPack, verifyPack, type VerifiedPack } from './fetch-verified';
import { DEFAULT_CHANGES_LIMIT, summarizeChanges } from './pack-changes';
import { planUpdates, releasesToPrune } from './plan';
import {
  HISTORY_LENGTH,
  idleState,
  isWorking,
  parseRunState,
  type UpdateItem,
  type UpdateRunState,
  type WorkingPhase,
} from './run-state';

/** The database operations an update needs (lib/update/db-ops.ts binds the real ones from lib/db). */
export interface UpdateDb {
  listReleases(): Promise<ReleaseRecord[]>;
  getActiveReleases(): Promise<ReleaseRecord[]>;
  /**
   * Stores a verified pack as a ready release; idempotent (leftovers of an interrupted import of
   * it are replaced). It may already make the release active (lib/db does for a newer release,
   * in the same transaction): the switching step makes sure, a rollback undoes it.
   */
  importPack(pack: Pack, sha256: string, onProgress: (p: ImportProgress) => Promise<void>): Promise<ReleaseRecord>;
  setActiveRelease(id: string): Promise<boolean>;
  discardRelease(id: string): Promise<void>;
  getReleasePack(release: ReleaseRecord): Promise<Pack>;
}

/** Where the run state lives between worker lives (a `storage.local` item in the extension). */
export interface RunStateStore {
  /** The stored value as it is: untrusted, parsed by the updater. */
  load(): Promise<unknown>;
  save(state: UpdateRunState): Promise<void>;
}

export interface UpdaterOptions {
  /** Releases kept before the active one, per system, for earlier dates of service (default 2). */
  keepPrevious?: number;
  /** Install what a check finds without waiting for `install()` (default true). */
  autoInstall?: boolean;
  /** Downloads of one release a run starts before giving up on it (a worker that keeps dying on it). */
  maxAttempts?: number;
  /** Codes kept per "what changed" list (default 1000). */
  changesLimit?: number;
  feedTimeoutMs?: number;
  download?: { timeoutMs?: number; idleTimeoutMs?: number; maxBytes?: number };
}

export interface UpdaterDeps {
  fetch: typeof fetch;
  /** Epoch milliseconds. */
  now: () => number;
  store: RunStateStore;
  db: UpdateDb;
  changesBetween: (oldPack: Pack, newPack: Pack) => ReleaseChanges;
  options?: UpdaterOptions;
}

/** A call made while another one runs in this worker joins it and resolves with its result. */
export interface Updater {
  /** The saved run state (idle when nothing valid is stored). */
  getState(): Promise<UpdateRunState>;
  /**
   * Reads the feed and, unless `install` is false (default: the autoInstall option), installs what
   * it offers. An interrupted run is finished first instead.
   */
  check(feedUrl: string, options?: { install?: boolean }): Promise<UpdateRunState>;
  /** Installs what the last check found (phase `available`); otherwise returns the state as it is. */
  install(): Promise<UpdateRunState>;
  /** On worker start: finishes a run a stopped worker left in a working phase. */
  resume(): Promise<UpdateRunState>;
  /** Runs exactly one step of the saved run (tests, and a worker that wants to yield between steps). */
  step(): Promise<UpdateRunState>;
}

/** Bytes and the decoded pack of the item in progress: memory only, lost with the worker. */
interface Held {
  sha256: string;
  bytes?: Uint8Array;
  verified?: VerifiedPack;
}

/**
 * The update engine. A run is a sequence of steps, each one a transition of the saved run state:
 *
 *   idle|uptodate|done|failed|available ──check──▶ checking ──▶ uptodate | available | failed
 *   available ──install──▶ downloading ─▶ verifying ─▶ importing ─▶ switching ─▶ (next item | done | failed)
 *   downloading|verifying|importing|switching ──error──▶ rollingBack ─▶ (next item | failed)
 *
 * The state is saved after every step (and before each download, to count attempts), so a worker
 * stopped anywhere resumes at the step it was in. Every step is safe to run twice: downloads and
 * verification are redone from scratch, importing finds a release already stored, switching and
 * pruning repeat harmlessly, rollback restores and discards what is there.
 */
export function createUpdater(deps: UpdaterDeps): Updater {
  const { db } = deps;
  const keepPrevious = Math.max(0, deps.options?.keepPrevious ?? 2);
  const autoInstall = deps.options?.autoInstall ?? true;
  const maxAttempts = Math.max(1, deps.options?.maxAttempts ?? 3);
  const changesLimit = deps.options?.changesLimit ?? DEFAULT_CHANGES_LIMIT;
  const iso = () => new Date(deps.now()).toISOString();
  let held: Held | undefined;
  let busy: Promise<UpdateRunState> | undefined;

  /** One run at a time per worker: a second trigger (alarm and "check now") joins the running one. */
  function exclusive(run: () => Promise<UpdateRunState>): Promise<UpdateRunState> {
    busy ??= run().finally(() => {
      busy = undefined;
    });
    return busy;
  }

  const load = async () => parseRunState(await deps.store.load()) ?? idleState(iso());
  async function save(s: UpdateRunState): Promise<UpdateRunState> {
    const saved = { ...s, updatedAt: iso() };
    await deps.store.save(saved);
    return saved;
  }
  const withItem = (s: UpdateRunState, item: UpdateItem): UpdateRunState => ({ ...s, items: s.items.map((it, i) => (i === s.current ? item : it)) });

  const steps: Record<WorkingPhase, (s: UpdateRunState) => Promise<UpdateRunState>> = {
    async checking(s) {
      const feed = await fetchFeed(s.feedUrl ?? '', { fetch: deps.fetch, timeoutMs: deps.options?.feedTimeoutMs });
      const plan = planUpdates(feed, await db.listReleases(), await db.getActiveReleases(), keepPrevious);
      const at = iso();
      const items: UpdateItem[] = plan.map((entry) => ({ entry, status: 'pending', attempts: 0 }));
      if (items.length === 0) return { ...s, phase: 'uptodate', items, lastCheckedAt: at, lastSuccessAt: at, consecutiveFailures: 0, error: undefined };
      return { ...s, phase: 'available', items, current: 0, lastCheckedAt: at, error: undefined };
    },

    async downloading(s) {
      const first = s.items[s.current];
      const item: UpdateItem = { ...first, attempts: first.attempts + 1, progress: undefined };
      // Saved before the work: a worker that dies during the download still counts the attempt.
      s = await save(withItem(s, item));
      if (item.attempts > maxAttempts)
        throw new UpdateError('interrupted', item.entry.url, `the update was interrupted ${item.attempts - 1} times while installing it, so it was given up; the next check tries again`);
      held = undefined;
      let savedAt = 0;
      const bytes = await downloadPack(item.entry, {
        fetch: deps.fetch,
        ...deps.options?.download,
        onProgress: async (done, total) => {
          // About twenty saves per download: enough for a progress bar, few storage writes.
          if (done - savedAt < total / 20) return;
          savedAt = done;
          s = await save(withItem(s, { ...item, progress: { stage: 'download', done, total } }));
        },
      });
      held = { sha256: item.entry.sha256, bytes };
      return { ...withItem(s, { ...item, progress: { stage: 'download', done: bytes.length, total: item.entry.bytes } }), phase: 'verifying' };
    },

    async verifying(s) {
      const item = s.items[s.current];
      // The bytes live only in memory: after a worker restart the download is redone.
      if (held?.sha256 !== item.entry.sha256 || !held.bytes) return { ...s, phase: 'downloading' };
      const verified = await verifyPack(held.bytes, item.entry);
      held = { ...held, verified };
      return { ...withItem(s, { ...item, ...(await describeChanges(item, verified.pack)) }), phase: 'importing' };
    },

    async importing(s) {
      const item = s.items[s.current];
      const stored = (await db.listReleases()).find((r) => r.status === 'ready' && r.system === item.entry.system && r.sha256 === item.entry.sha256);
      // Imported by a worker that stopped before saving the next phase.
      if (stored) return { ...withItem(s, { ...item, releaseId: stored.id, progress: undefined }), phase: 'switching' };
      const verified = held?.sha256 === item.entry.sha256 ? held.verified : undefined;
      if (!verified) return { ...s, phase: 'downloading' };
      const record = await db.importPack(verified.pack, verified.sha256, async (p) => {
        s = await save(withItem(s, { ...item, progress: { stage: 'import', done: p.done, total: p.total } }));
      });
      held = undefined;
      return { ...withItem(s, { ...item, releaseId: record.id, progress: undefined }), phase: 'switching' };
    },

    async switching(s) {
      const item = s.items[s.current];
      const id = item.releaseId ?? '';
      if (!(await db.setActiveRelease(id)))
        throw new UpdateError('storage', item.entry.url, 'the imported release is missing from the database, so it could not be switched to');
      const releases = await db.listReleases();
      const active = releases.find((r) => r.id === id) as ReleaseRecord;
      // Only after a successful switch: until then the older releases are what a rollback needs.
      const pruned = releasesToPrune(releases, active, keepPrevious);
      for (const r of pruned) await db.discardRelease(r.id);
      const switchedAt = iso();
      const history = [
        { releaseId: id, title: active.title, switchedAt, ...(item.changes ? { changes: item.changes } : {}) },
        ...s.history.filter((h) => h.releaseId !== id),
      ].slice(0, HISTORY_LENGTH);
      const done: UpdateItem = { ...item, status: 'switched', switchedAt, pruned: pruned.map((r) => r.id), progress: undefined };
      return advance({ ...withItem(s, done), history });
    },

    async rollingBack(s) {
      const item = s.items[s.current];
      const releases = await db.listReleases();
      const from = releases.find((r) => r.id === item.fromReleaseId && r.status === 'ready');
      const created = releases.filter((r) => r.system === item.entry.system && r.sha256 === item.entry.sha256 && r.id !== item.fromReleaseId);
      // The previous release was replaced only if importing a re-issue of it finished (lib/db
      // removes older copies of a release on activation): the new copy is complete and verified,
      // and keeping it is better than leaving the system without an active release.
      const keep = !from && item.fromReleaseId ? created.find((r) => r.status === 'ready') : undefined;
      if (from) await db.setActiveRelease(from.id);
      if (keep) await db.setActiveRelease(keep.id);
      for (const r of created) if (r !== keep) await db.discardRelease(r.id);
      const outcome = from
        ? `Nothing of it was kept; ${from.title} stays active.`
        : keep
          ? `The previous copy had already been replaced; the new copy is complete and stays active.`
          : 'Nothing of it was kept.';
      const error = { kind: item.error?.kind ?? 'storage', message: `${item.error?.message ?? `${item.entry.title} was not installed.`} ${outcome}` };
      return advance(withItem(s, { ...item, status: 'failed', error, progress: undefined }));
    },
  };

  async function describeChanges(item: UpdateItem, pack: Pack): Promise<Pick<UpdateItem, 'changes' | 'changesNote'>> {
    if (!item.fromReleaseId) return {};
    const from = (await db.listReleases()).find((r) => r.id === item.fromReleaseId && r.status === 'ready');
    if (!from) return { changesNote: 'The previously active release is no longer installed, so what changed is not known.' };
    try {
      const changes = deps.changesBetween(await db.getReleasePack(from), pack);
      return { changes: summarizeChanges(changes, { id: from.id, title: from.title }, changesLimit) };
    } catch (err) {
      // "What changed" is information for the coder; it never stops a verified update.
      return { changesNote: `What changed could not be worked out (${describeFailure(err).problem}).` };
    }
  }

  /** The next pending item, or the end of the run. A full disk stops the items still to come. */
  async function advance(s: UpdateRunState): Promise<UpdateRunState> {
    const full = s.items.find((i) => i.status === 'failed' && i.error?.kind === 'quota');
    const items = full
      ? s.items.map((i): UpdateItem =>
          i.status === 'pending' ? { ...i, status: 'failed', error: { kind: 'quota', message: `${i.entry.title} was not tried: storage is full.` } } : i,
        )
      : s.items;
    const next = items.findIndex((i) => i.status === 'pending');
    if (next < 0) return finish({ ...s, items });
    const entry = items[next].entry;
    const active = (await db.getActiveReleases()).find((r) => r.system === entry.system);
    const item: UpdateItem = { ...items[next], status: 'working', fromReleaseId: active?.id, fromTitle: active?.title, attempts: 0 };
    return { ...s, items: items.map((it, i) => (i === next ? item : it)), current: next, phase: 'downloading' };
  }

  function finish(s: UpdateRunState): UpdateRunState {
    const failed = s.items.filter((i) => i.status === 'failed');
    if (failed.length === 0) return { ...s, phase: 'done', error: undefined, consecutiveFailures: 0, lastSuccessAt: iso() };
    return {
      ...s,
      phase: 'failed',
      error: { kind: failed[0].error?.kind ?? 'storage', message: failed.map((i) => i.error?.message).join(' ') },
      consecutiveFailures: s.consecutiveFailures + 1,
    };
  }

  /** Where a failed step leads: a failed check ends the run, a failed item is rolled back. */
  function failStep(s: UpdateRunState, failure: FailureDescription): UpdateRunState {
    const where = failure.file ? ` (${failure.file})` : '';
    if (s.phase === 'checking')
      return {
        ...s,
        phase: 'failed',
        items: [],
        lastCheckedAt: iso(),
        consecutiveFailures: s.consecutiveFailures + 1,
        error: { kind: failure.kind, message: `Checking for code set updates failed: ${failure.problem}${where}. The code sets in use stay as they are.` },
      };
    const item = s.items[s.current];
    if (s.phase === 'rollingBack') {
      // Not retried in a loop: an `importing` leftover is removed by discardIncompleteImports at the next start.
      const message = `${item.error?.message ?? `${item.entry.title} was not installed.`} Undoing it failed too: ${failure.problem}.`;
      return finish(withItem(s, { ...item, status: 'failed', error: { kind: item.error?.kind ?? failure.kind, message } }));
    }
    const error = { kind: failure.kind, message: `${item.entry.title} was not installed: ${failure.problem}${where}.` };
    return { ...withItem(s, { ...item, error }), phase: 'rollingBack' };
  }

  async function stepOnce(s: UpdateRunState): Promise<UpdateRunState> {
    if (!isWorking(s.phase)) return s;
    let next: UpdateRunState;
    try {
      next = await steps[s.phase](s);
    } catch (err) {
      if (s.phase !== 'checking') held = undefined;
      next = failStep(s, describeFailure(err));
    }
    return save(next);
  }

  async function runLoop(s: UpdateRunState, install: boolean): Promise<UpdateRunState> {
    for (;;) {
      if (isWorking(s.phase)) s = await stepOnce(s);
      else if (s.phase === 'available' && install) s = await save(await advance(s));
      else return s;
    }
  }

  /** A run to carry on after a restart: one in a working phase, or one that found updates to install. */
  const unfinished = (s: UpdateRunState) => isWorking(s.phase) || (s.phase === 'available' && s.install === true);

  return {
    getState: load,
    check: (feedUrl, options = {}) =>
      exclusive(async () => {
        const s = await load();
        if (unfinished(s)) return runLoop(s, true);
        const install = options.install ?? autoInstall;
        const started = await save({ ...s, phase: 'checking', feedUrl, install, startedAt: iso(), items: [], current: 0, error: undefined });
        return runLoop(started, install);
      }),
    install: () =>
      exclusive(async () => {
        const s = await load();
        return isWorking(s.phase) || s.phase === 'available' ? runLoop({ ...s, install: true }, true) : s;
      }),
    resume: () =>
      exclusive(async () => {
        const s = await load();
        return unfinished(s) ? runLoop(s, true) : s;
      }),
    step: () =>
      exclusive(async () => {
        const s = await load();
        if (s.phase === 'available') return save(await advance({ ...s, install: true }));
        return stepOnce(s);
      }),
  };
}
