import { gzipSync, strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import { releaseForDate } from '../../../lib/codeset/releases';
import { getActiveReleases, getCode, listReadyReleases, listReleases } from '../../../lib/db/releases';
import { dbUpdateOps } from '../../../lib/update/db-ops';
import type { UpdateErrorKind } from '../../../lib/update/errors';
import { FEED_URL, feedEntry, fy, phasesOf, servedPack, type ServedPack } from './support';
import { codesOf, dbSnapshot, freshDb, install, world } from './world';

beforeEach(freshDb);

const pcs = (release: string): Pack => ({
  ...fy(release),
  system: 'icd10pcs',
  title: `ICD-10-PCS FY${release}`,
  codes: [
    ['0DT', 0, 'Gastrointestinal System, Resection'],
    ['0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach'],
  ],
  counts: { validCodes: 1, headers: 1 },
});

describe('check and install', () => {
  it('up to date: the feed has nothing newer than the active release; no pack is downloaded', async () => {
    await install(fy('2026'));
    const w = world();
    await w.publish(fy('2025'), fy('2026'));
    const state = await w.updater().check(FEED_URL);
    expect(state).toMatchObject({ phase: 'uptodate', items: [], consecutiveFailures: 0, feedUrl: FEED_URL });
    expect(state.lastCheckedAt).toBe(state.lastSuccessAt);
    expect(phasesOf(w.store.saves)).toEqual(['checking', 'uptodate']);
    expect(w.packRequests()).toEqual([]);
  });

  it('finds FY2026, downloads, verifies, imports and switches to it, saving every transition in order', async () => {
    const [fy2025] = await install(fy('2025'));
    const w = world();
    await w.publish(fy('2025'), fy('2026'));
    const state = await w.updater().check(FEED_URL);

    expect(phasesOf(w.store.saves)).toEqual(['checking', 'available', 'downloading', 'verifying', 'importing', 'switching', 'done']);
    expect(state.phase).toBe('done');
    expect(state.error).toBeUndefined();
    const [item] = state.items;
    expect(item).toMatchObject({ status: 'switched', fromReleaseId: fy2025.id, fromTitle: 'ICD-10-CM FY2025', attempts: 1, pruned: [] });
    expect(item.entry).toMatchObject({ system: 'icd10cm', release: '2026' });
    expect(item.changes).toMatchObject({ fromReleaseId: fy2025.id, counts: { added: 2, deleted: 1, revised: 1 }, truncated: false });
    expect(item.changes?.added.map((c) => c.code)).toEqual(['Z910120', 'Z910121']);
    expect(item.changes?.deleted.map((c) => c.code)).toEqual(['Z91012']);
    expect(state.history).toEqual([{ releaseId: item.releaseId, title: 'ICD-10-CM FY2026', switchedAt: item.switchedAt, changes: item.changes }]);
    expect(w.packRequests()).toEqual(['icd10cm-2026.pack.json.gz']);

    const [active] = await getActiveReleases();
    expect(active).toMatchObject({ id: item.releaseId, release: '2026', status: 'ready' });
    expect(await codesOf(active.id)).toContain('Z910121');
    // The previous release stays for dates of service before the switch.
    const ready = await listReadyReleases();
    expect(ready.map((r) => r.release)).toEqual(['2026', '2025']);
    expect(releaseForDate(ready, '2025-06-30')).toMatchObject({ kind: 'inForce', release: { id: fy2025.id } });
    expect(releaseForDate(ready, '2025-10-01')).toMatchObject({ kind: 'inForce', release: { id: active.id } });
  });

  it('reports download and import progress in the saved state', async () => {
    await install(fy('2025'));
    const w = world();
    const [, served] = await w.publish(fy('2025'), fy('2026'));
    w.server.serve(feedEntry(served).url, { body: served.bytes, chunkSize: 16 });
    await w.updater().check(FEED_URL);
    const progress = w.store.saves.map((s) => s.items[0]?.progress).filter((p) => p !== undefined);
    const downloads = progress.filter((p) => p.stage === 'download');
    expect(downloads.length).toBeGreaterThan(5);
    expect(downloads.length).toBeLessThan(30);
    expect(downloads.at(-1)).toEqual({ stage: 'download', done: served.bytes.length, total: served.bytes.length });
    expect(progress.filter((p) => p.stage === 'import').at(-1)).toEqual({ stage: 'import', done: 7, total: 7 });
  });

  it('with install: false it stops at `available`; install() carries on; install() with nothing available does nothing', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const updater = w.updater();
    const found = await updater.check(FEED_URL, { install: false });
    expect(found.phase).toBe('available');
    expect(found.items.map((i) => [i.entry.title, i.status])).toEqual([['ICD-10-CM FY2026', 'pending']]);
    expect(w.packRequests()).toEqual([]);
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2025']);

    expect((await updater.install()).phase).toBe('done');
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2026']);
    const saves = w.store.saves.length;
    expect((await updater.install()).phase).toBe('done');
    expect(w.store.saves.length).toBe(saves);
  });

  it('the autoInstall option off: checks only find what is available', async () => {
    const w = world({ autoInstall: false });
    await w.publish(fy('2026'));
    expect((await w.updater().check(FEED_URL)).phase).toBe('available');
    expect(await listReleases()).toEqual([]);
  });

  it('step() runs exactly one transition at a time, each saved', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const updater = w.updater();
    await updater.check(FEED_URL, { install: false });
    const phases: string[] = [];
    for (let i = 0; i < 6; i++) phases.push((await updater.step()).phase);
    expect(phases).toEqual(['downloading', 'verifying', 'importing', 'switching', 'done', 'done']);
    expect((await updater.getState()).phase).toBe('done');
  });

  it('two triggers at once (alarm and "check now") share one run', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const updater = w.updater();
    const [a, b] = await Promise.all([updater.check(FEED_URL), updater.check(FEED_URL)]);
    expect(a).toEqual(b);
    expect(w.server.requests.filter((r) => r.url === FEED_URL)).toHaveLength(1);
    expect(w.packRequests()).toEqual(['icd10cm-2026.pack.json.gz']);
  });

  it('an older release in the feed is not installed over a newer active one', async () => {
    await install(fy('2026'));
    const w = world();
    await w.publish(fy('2024'));
    expect((await w.updater().check(FEED_URL)).phase).toBe('uptodate');
    expect((await listReleases()).map((r) => r.release)).toEqual(['2026']);
  });

  it('a corrected re-issue of the active release replaces it', async () => {
    const [old] = await install(fy('2026'));
    const corrected = fy('2026');
    corrected.codes = corrected.codes.map((r): CodeRow => (r[0] === 'I10' ? ['I10', 1, 'Essential (primary) hypertension, corrected'] : r));
    const w = world();
    await w.publish(corrected);
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('done');
    expect(state.items[0].changes?.counts).toEqual({ added: 0, deleted: 0, revised: 1 });
    const releases = await listReleases();
    expect(releases.map((r) => r.id)).toEqual([state.items[0].releaseId]);
    expect(releases[0].id).not.toBe(old.id);
    expect(await getCode(releases[0].id, 'I10')).toMatchObject({ title: 'Essential (primary) hypertension, corrected' });
  });

  it('several newer releases are installed oldest first; the newest ends up active, each with its changes', async () => {
    await install(fy('2025'));
    const fy2027 = fy('2027');
    fy2027.codes = [...fy2027.codes, ['Z999', 1, 'Invented code of FY2027']];
    fy2027.counts = { validCodes: 6, headers: 2 };
    const w = world();
    await w.publish(fy('2025'), fy('2026'), fy2027);
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('done');
    expect(state.items.map((i) => [i.entry.release, i.status, i.fromTitle, i.changes?.counts.added])).toEqual([
      ['2026', 'switched', 'ICD-10-CM FY2025', 2],
      ['2027', 'switched', 'ICD-10-CM FY2026', 1],
    ]);
    expect(state.history.map((h) => h.title)).toEqual(['ICD-10-CM FY2027', 'ICD-10-CM FY2026']);
    expect((await getActiveReleases()).map((r) => r.release)).toEqual(['2027']);
    expect((await listReadyReleases()).map((r) => r.release)).toEqual(['2027', '2026', '2025']);
  });

  it('keeps two previous releases by default and prunes older ones after the switch', async () => {
    const [fy2023] = await install(fy('2023'), fy('2024'), fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const state = await w.updater().check(FEED_URL);
    expect(state.items[0].pruned).toEqual([fy2023.id]);
    expect((await listReadyReleases()).map((r) => r.release)).toEqual(['2026', '2025', '2024']);
    expect(await codesOf(fy2023.id)).toEqual([]);
  });

  it('keepPrevious is configurable (0 keeps only the active release)', async () => {
    await install(fy('2024'), fy('2025'));
    const w = world({ keepPrevious: 0 });
    await w.publish(fy('2026'));
    await w.updater().check(FEED_URL);
    expect((await listReadyReleases()).map((r) => r.release)).toEqual(['2026']);
  });

  it('updates each code system on its own: a failure of one is rolled back, the other is switched', async () => {
    const [cm2025, pcs2025] = await install(fy('2025'), pcs('2025'));
    const w = world();
    const [cmServed] = await w.publish(fy('2026'), pcs('2026'));
    w.server.serve(feedEntry(cmServed).url, { status: 404 });
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('failed');
    expect(state.items.map((i) => [i.entry.title, i.status])).toEqual([
      ['ICD-10-CM FY2026', 'failed'],
      ['ICD-10-PCS FY2026', 'switched'],
    ]);
    expect(state.error?.kind).toBe('status');
    expect(state.error?.message).toMatch(/^ICD-10-CM FY2026 was not installed: the server answered 404 Not Found/);
    const active = await getActiveReleases();
    expect(active.map((r) => `${r.system} ${r.release}`)).toEqual(['icd10cm 2025', 'icd10pcs 2026']);
    expect(active[0].id).toBe(cm2025.id);
    expect((await listReleases()).map((r) => r.id)).toContain(pcs2025.id);
  });

  it('counts failed runs in a row and resets the count after a good run', async () => {
    await install(fy('2025'));
    const w = world();
    const updater = w.updater();
    w.server.serve(FEED_URL, { status: 503 });
    expect((await updater.check(FEED_URL)).consecutiveFailures).toBe(1);
    const second = await updater.check(FEED_URL);
    expect(second).toMatchObject({ phase: 'failed', consecutiveFailures: 2 });
    expect(Date.parse(second.lastCheckedAt ?? '')).toBeGreaterThan(Date.UTC(2025, 9, 1, 6));
    await w.publish(fy('2026'));
    const good = await updater.check(FEED_URL);
    expect(good).toMatchObject({ phase: 'done', consecutiveFailures: 0 });
    expect(good.lastSuccessAt).toBeDefined();
  });
});

describe('every failure leaves the active release intact, nothing half-stored, and says why', () => {
  type Fault = (w: ReturnType<typeof world>, served: ServedPack) => Promise<ServedPack | void> | void;

  async function run(fault: Fault, options = {}) {
    const [fy2025] = await install(fy('2025'));
    const before = await dbSnapshot();
    const w = world({ download: { timeoutMs: 1000, idleTimeoutMs: 60 }, feedTimeoutMs: 60, ...options });
    const [served] = await w.publish(fy('2026'));
    const replaced = await fault(w, served);
    if (replaced) await w.publish(replaced);
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('failed');
    expect(await dbSnapshot()).toEqual(before);
    expect(await codesOf(fy2025.id)).toEqual(fy('2025').codes.map((r) => r[0]));
    expect(state.history).toEqual([]);
    expect(state.consecutiveFailures).toBe(1);
    return state;
  }

  const packUrl = (s: ServedPack) => feedEntry(s).url;
  const itemFaults: Array<[string, Fault, UpdateErrorKind, RegExp]> = [
    ['404', (w, s) => w.server.serve(packUrl(s), { status: 404, body: 'Not Found' }), 'status', /the server answered 404 Not Found: the file is not at this address/],
    ['500', (w, s) => w.server.serve(packUrl(s), { status: 500 }), 'status', /the server answered 500 Internal Server Error: the server has a problem; the next check tries again/],
    ['timeout', (w, s) => w.server.serve(packUrl(s), { hang: true }), 'timeout', /timed out: the server did not answer/],
    ['a stalled body', (w, s) => w.server.serve(packUrl(s), { body: s.bytes, stallAfter: 100 }), 'timeout', /timed out after 100 bytes \(no data came for 60 ms\)/],
    ['a truncated body', (w, s) => w.server.serve(packUrl(s), { body: s.bytes.subarray(0, 200) }), 'truncated', /download is truncated: got 200 of \d+ bytes/],
    [
      'a wrong sha256',
      (w, s) => w.server.serve(packUrl(s), { body: encodePack({ ...fy('2026'), title: 'ICD-10-CM FY2026 (modified)' }).subarray(0, s.bytes.length) }),
      'sha256',
      /does not match the feed \(sha256 [0-9a-f]{12}…, the feed lists [0-9a-f]{12}…\)/,
    ],
    ['HTML instead of a pack', (w, s) => w.server.serve(packUrl(s), { body: '<html><body>Please sign in</body></html>' }), 'html', /answered with a web page \(HTML\) instead of the code pack/],
    [
      'the right hash but corrupt content',
      () => servedPack(fy('2026'), { bytes: encodePack({ ...fy('2026'), codes: [...fy('2026').codes, ['I10', 1, 'twice']] }) }),
      'corrupt',
      /has the sha256 the feed lists, but its content is broken \(the pack code I10 appears twice\)/,
    ],
    [
      'a pack for an unknown system',
      () => servedPack(fy('2026'), { bytes: gzipSync(strToU8(JSON.stringify({ ...fy('2026'), system: 'icd11' }))) }),
      'unknown-system',
      /is a pack for an unknown code system "icd11"/,
    ],
    [
      'a pack that is not the release the feed lists',
      () => servedPack(fy('2026'), { bytes: encodePack(fy('2027')) }),
      'mismatch',
      /is not the pack the feed describes: it holds ICD-10-CM 2027, the feed lists ICD-10-CM 2026/,
    ],
  ];

  it.each(itemFaults)('%s', async (_name, fault, kind, problem) => {
    const state = await run(fault);
    expect(state.error?.kind).toBe(kind);
    const message = state.error?.message ?? '';
    expect(message).toMatch(/^ICD-10-CM FY2026 was not installed: /);
    expect(message).toMatch(problem);
    expect(message).toContain('(https://updates.example.org/coder-lens/icd10cm-2026.pack.json.gz)');
    expect(message).toMatch(/Nothing of it was kept; ICD-10-CM FY2025 stays active\.$/);
    expect(state.items[0]).toMatchObject({ status: 'failed', error: state.error });
  });

  const feedFaults: Array<[string, Fault, UpdateErrorKind, RegExp]> = [
    ['feed 404', (w) => w.server.serve(FEED_URL, { status: 404 }), 'status', /the server answered 404 Not Found/],
    ['feed timeout', (w) => w.server.serve(FEED_URL, { hang: true }), 'timeout', /timed out/],
    ['feed is a web page', (w) => w.server.serve(FEED_URL, { body: '<!DOCTYPE html><p>Portal</p>' }), 'html', /answered with a web page \(HTML\) instead of a pack feed/],
    ['feed lists a pack for an unknown system', async (w, s) => w.server.serve(FEED_URL, { body: JSON.stringify({ format: 'coder-lens-manifest', formatVersion: 1, packs: [{ ...s.entry, system: 'icd11' }] }) }), 'feed', /pack entry 1 is for an unknown code system "icd11"/],
  ];

  it.each(feedFaults)('%s', async (_name, fault, kind, problem) => {
    const state = await run(fault);
    expect(state.error?.kind).toBe(kind);
    expect(state.error?.message).toMatch(/^Checking for code set updates failed: /);
    expect(state.error?.message).toMatch(problem);
    expect(state.error?.message).toMatch(/The code sets in use stay as they are\.$/);
    expect(state.items).toEqual([]);
  });

  it('a quota error during the import: aborts with a clear message, no partial release, later items not tried', async () => {
    await install(pcs('2025'));
    const state = await run(async (w) => {
      await w.publish(fy('2026'), pcs('2026'));
      w.wrapDb({
        // The engine's real import, stopped by the browser after its first write as a full disk does.
        importPack: (pack, sha, onProgress) =>
          dbUpdateOps.importPack(pack, sha, async (p) => {
            await onProgress(p);
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }),
      });
    });
    expect(state.error?.kind).toBe('quota');
    expect(state.items.map((i) => [i.entry.title, i.status, i.error?.kind])).toEqual([
      ['ICD-10-CM FY2026', 'failed', 'quota'],
      ['ICD-10-PCS FY2026', 'failed', 'quota'],
    ]);
    expect(state.items[0].error?.message).toBe(
      'ICD-10-CM FY2026 was not installed: there is not enough storage space for it (the browser refused to store more data; free some disk space). Nothing of it was kept; ICD-10-CM FY2025 stays active.',
    );
    expect(state.items[1].error?.message).toBe('ICD-10-PCS FY2026 was not tried: storage is full.');
    expect((await listReleases()).every((r) => r.status === 'ready')).toBe(true);
  });
});

describe('rollback', () => {
  it('a failure after the import (the switch) restores the previous active release and prunes nothing', async () => {
    const [fy2023, , fy2025] = await install(fy('2023'), fy('2024'), fy('2025'));
    const before = await dbSnapshot();
    const w = world();
    await w.publish(fy('2026'));
    let calls = 0;
    const { setActiveRelease } = await import('../../../lib/db/releases');
    w.wrapDb({
      setActiveRelease: async (id) => {
        if (calls++ === 0) throw new Error('The transaction was aborted');
        return setActiveRelease(id);
      },
    });
    const state = await w.updater().check(FEED_URL);
    expect(phasesOf(w.store.saves)).toEqual(['checking', 'available', 'downloading', 'verifying', 'importing', 'switching', 'rollingBack', 'failed']);
    expect(state.error).toEqual({
      kind: 'storage',
      message: 'ICD-10-CM FY2026 was not installed: The transaction was aborted. Nothing of it was kept; ICD-10-CM FY2025 stays active.',
    });
    // lib/db had already made FY2026 active when it finished importing it: the rollback undid that.
    expect(await dbSnapshot()).toEqual(before);
    expect((await getActiveReleases())[0].id).toBe(fy2025.id);
    expect(await codesOf(fy2023.id)).toHaveLength(5);
  });

  it('with no previous release of the system, nothing of the failed one is kept', async () => {
    const w = world();
    const [served] = await w.publish(fy('2026'));
    w.wrapDb({ setActiveRelease: async () => false });
    const state = await w.updater().check(FEED_URL);
    expect(state.error?.message).toBe(
      `ICD-10-CM FY2026 was not installed: the imported release is missing from the database, so it could not be switched to (${feedEntry(served).url}). Nothing of it was kept.`,
    );
    expect(await listReleases()).toEqual([]);
  });

  it('a rollback that fails too ends the run (no loop) and says so', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    w.wrapDb({
      setActiveRelease: async () => {
        throw new Error('database closed');
      },
    });
    const state = await w.updater().check(FEED_URL);
    expect(state.phase).toBe('failed');
    expect(state.error?.message).toMatch(/^ICD-10-CM FY2026 was not installed: database closed\. Undoing it failed too: database closed\.$/);
  });
});

describe('stored run state', () => {
  it('a stored value of the wrong shape is read as idle', async () => {
    const w = world();
    w.store.value = { phase: 'importing', items: 'x' };
    expect((await w.updater().getState()).phase).toBe('idle');
    w.store.value = { phase: 'teleporting', items: [], history: [], current: 0, consecutiveFailures: 0, updatedAt: '' };
    expect((await w.updater().resume()).phase).toBe('idle');
    expect(w.server.requests).toEqual([]);
  });

  it('a stored item whose pack address is not http(s) is not acted on', async () => {
    await install(fy('2025'));
    const w = world();
    await w.publish(fy('2026'));
    const updater = w.updater();
    const found = await updater.check(FEED_URL, { install: false });
    w.store.value = { ...found, phase: 'downloading', items: [{ ...found.items[0], entry: { ...found.items[0].entry, url: 'file:///etc/passwd' } }] };
    expect((await w.updater().resume()).phase).toBe('idle');
    expect(w.packRequests()).toEqual([]);
  });
});
