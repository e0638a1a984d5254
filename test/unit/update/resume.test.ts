import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRow, Pack } from '../../../lib/codeset/pack';
import { getActiveReleases, listReleases } from '../../../lib/db/releases';
import { dbUpdateOps } from '../../../lib/update/db-ops';
import type { UpdateRunState } from '../../../lib/update/run-state';
import { FEED_URL, WorkerKilled, feedEntry, fy, phasesOf } from './support';
import { codesOf, dbSnapshot, freshDb, install, world } from './world';

beforeEach(freshDb);

/** FY2025 installed and active, FY2026 on the feed, the pack served in pieces (so there are progress saves). */
async function scenario() {
  await install(fy('2023'), fy('2024'), fy('2025'));
  const w = world();
  const [served] = await w.publish(fy('2026'));
  w.server.serve(feedEntry(served).url, { body: served.bytes, chunkSize: 32 });
  return w;
}

/** A run state without what legitimately differs between two runs of a step: times, and what the first one pruned. */
function comparable(s: UpdateRunState): unknown {
  return JSON.parse(JSON.stringify(s, (key, value: unknown) => (key.endsWith('At') || key === 'pruned' ? undefined : value)));
}

describe('a worker stopped at any moment', () => {
  it('after each save of the run, the next worker resumes and ends exactly where an uninterrupted run does', async () => {
    const clean = await scenario();
    const cleanState = await clean.updater().check(FEED_URL);
    const expected = await dbSnapshot();
    const saves = clean.store.saves.length;
    expect(cleanState.phase).toBe('done');
    expect(saves).toBeGreaterThan(10);

    for (let n = 1; n <= saves; n++) {
      freshDb();
      const w = await scenario();
      w.store.killOnSave = n;
      await expect(w.updater().check(FEED_URL), `killed at save ${n}`).rejects.toBeInstanceOf(WorkerKilled);

      w.store.restart();
      const next = w.updater();
      let state = await next.resume();
      // Stopped before the first save: nothing was started, the next check does the work.
      if (n === 1) {
        expect(state.phase).toBe('idle');
        state = await next.check(FEED_URL);
      }
      expect(state.phase, `killed at save ${n}`).toBe('done');
      expect(await dbSnapshot(), `killed at save ${n}`).toEqual(expected);
      expect(state.history.map((h) => h.title), `killed at save ${n}`).toEqual(['ICD-10-CM FY2026']);
      expect(state.items[0].changes?.counts, `killed at save ${n}`).toEqual({ added: 2, deleted: 1, revised: 1 });
      // The bytes live in memory only: a restart after the download downloads once more, never more.
      expect(w.packRequests().length, `killed at save ${n}`).toBeLessThanOrEqual(2);
    }
  });

  it('in the middle of a large import: the half-stored release is replaced by a complete one on resume', async () => {
    const big: CodeRow[] = Array.from({ length: 25_000 }, (_, i) => [`Z${String(i).padStart(5, '0')}`, 1, `Invented code ${i}`]);
    const fy2026: Pack = { ...fy('2026'), codes: big, counts: { validCodes: big.length, headers: 0 } };
    const [fy2025] = await install(fy('2025'));
    const w = world();
    await w.publish(fy2026);
    w.wrapDb({
      // The engine's real import, stopped after the first write transaction of two.
      importPack: (pack, sha, onProgress) =>
        dbUpdateOps.importPack(pack, sha, async (p) => {
          await onProgress(p);
          if (p.done < p.total) w.kill();
        }),
    });
    await expect(w.updater().check(FEED_URL)).rejects.toBeInstanceOf(WorkerKilled);
    const stopped = await listReleases();
    expect(stopped.map((r) => `${r.release} ${r.status}`).sort()).toEqual(['2025 ready', '2026 importing']);
    expect((await getActiveReleases()).map((r) => r.id)).toEqual([fy2025.id]);
    expect((w.store.value as UpdateRunState).phase).toBe('importing');

    w.store.restart();
    w.wrapDb({});
    const state = await w.updater().resume();
    expect(state.phase).toBe('done');
    const [active] = await getActiveReleases();
    expect(active.release).toBe('2026');
    expect(await codesOf(active.id)).toHaveLength(25_000);
    expect((await listReleases()).map((r) => `${r.release} ${r.status}`).sort()).toEqual(['2025 ready', '2026 ready']);
  });

  it('a worker that keeps dying on the import gives up after three attempts and rolls back', async () => {
    const [fy2025] = await install(fy('2025'));
    const before = await dbSnapshot();
    const w = world();
    await w.publish(fy('2026'));
    w.wrapDb({ importPack: () => w.kill() });
    await expect(w.updater().check(FEED_URL)).rejects.toBeInstanceOf(WorkerKilled);
    for (let restart = 0; restart < 2; restart++) {
      w.store.restart();
      await expect(w.updater().resume()).rejects.toBeInstanceOf(WorkerKilled);
    }
    w.store.restart();
    const state = await w.updater().resume();
    expect(state.phase).toBe('failed');
    expect(state.error?.kind).toBe('interrupted');
    expect(state.error?.message).toMatch(
      /^ICD-10-CM FY2026 was not installed: the update was interrupted 3 times while installing it, so it was given up; the next check tries again \(https:.*\)\. Nothing of it was kept; ICD-10-CM FY2025 stays active\.$/,
    );
    expect(w.packRequests()).toHaveLength(3);
    expect(await dbSnapshot()).toEqual(before);
    expect((await getActiveReleases())[0].id).toBe(fy2025.id);
  });

  it('a run stopped while checking checks again on resume', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    w.store.killOnSave = 2;
    await expect(w.updater().check(FEED_URL)).rejects.toBeInstanceOf(WorkerKilled);
    expect((w.store.value as UpdateRunState).phase).toBe('checking');
    w.store.restart();
    expect((await w.updater().resume()).phase).toBe('done');
    expect(w.server.requests.filter((r) => r.url === FEED_URL)).toHaveLength(2);
  });

  it('"check now" after a restart finishes the interrupted run instead of starting another', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const first = w.updater();
    await first.check(FEED_URL, { install: false });
    await first.step();
    await first.step();
    expect((w.store.value as UpdateRunState).phase).toBe('verifying');
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('done');
    expect(w.server.requests.filter((r) => r.url === FEED_URL)).toHaveLength(1);
  });

  it('a check that was asked only to look (install: false) is not installed by a restart', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    await w.updater().check(FEED_URL, { install: false });
    expect((await w.updater().resume()).phase).toBe('available');
    expect(w.packRequests()).toEqual([]);
  });

  it('resume() with nothing interrupted changes nothing and fetches nothing', async () => {
    const w = world();
    expect((await w.updater().resume()).phase).toBe('idle');
    await w.publish(fy('2026'));
    await w.updater().check(FEED_URL);
    const saves = w.store.saves.length;
    expect((await w.updater().resume()).phase).toBe('done');
    expect(w.store.saves.length).toBe(saves);
    expect(w.server.requests).toHaveLength(2);
  });
});

describe('running a step twice', () => {
  it.each(['available', 'downloading', 'verifying', 'importing', 'switching'])(
    'from %s: the second run gives the same state, and the run ends as an uninterrupted one',
    async (phase) => {
      const clean = await scenario();
      await clean.updater().check(FEED_URL);
      const expected = await dbSnapshot();
      freshDb();

      const w = await scenario();
      const updater = w.updater();
      let state = await updater.check(FEED_URL, { install: false });
      while (state.phase !== phase) state = await updater.step();
      const before = structuredClone(w.store.value);
      const once = await updater.step();
      // The worker died before saving what the step did: the same step runs again (memory kept).
      w.store.value = before;
      const twice = await updater.step();
      expect(comparable(twice)).toEqual(comparable(once));
      // …and again in a new worker (memory lost).
      w.store.value = before;
      const fresh = await w.updater().step();
      expect(['downloading', once.phase]).toContain(fresh.phase);

      expect((await w.updater().resume()).phase).toBe('done');
      expect(await dbSnapshot()).toEqual(expected);
      expect(phasesOf(w.store.saves)).toContain('done');
    },
  );
});
