import { IDBFactory } from 'fake-indexeddb';
import { encodePack, sha256Hex, type Pack } from '../../../lib/codeset/pack';
import { resetDbForTests } from '../../../lib/db/open';
import { getActiveReleases, getAllCodes, importPack, listReleases } from '../../../lib/db/releases';
import type { ReleaseRecord } from '../../../lib/db/schema';
import { dbUpdateOps } from '../../../lib/update/db-ops';
import { changesBetween } from '../../../lib/update/pack-changes';
import { createUpdater, type UpdateDb, type UpdaterOptions } from '../../../lib/update/state-machine';
import { FEED_URL, WorkerKilled, fakeClock, fakeServer, feedJson, memoryStore, servedPack, type ServedPack } from './support';

/** A fresh, empty IndexedDB (fake-indexeddb) for the real lib/db functions. */
export function freshDb(): void {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
}

/** Installs packs as the embedded import does (the newest becomes active). */
export async function install(...packs: Pack[]): Promise<ReleaseRecord[]> {
  const out: ReleaseRecord[] = [];
  for (const pack of packs) out.push(await importPack(pack, await sha256Hex(encodePack(pack)), { activate: 'if-newer' }));
  return out;
}

/** What a test compares before and after: the active releases and every stored release with its status. */
export async function dbSnapshot(): Promise<{ active: string[]; releases: string[] }> {
  return {
    active: (await getActiveReleases()).map((r) => r.id),
    releases: (await listReleases()).map((r) => `${r.id} ${r.status}`).sort(),
  };
}

export async function codesOf(id: string): Promise<string[]> {
  return (await getAllCodes(id)).map((r) => r[0]);
}

/**
 * Everything an update run talks to, faked: the network (a feed and its packs on a fake server),
 * the clock, the run-state store, and the real lib/db over fake-indexeddb (optionally wrapped).
 */
export function world(options: UpdaterOptions = {}) {
  const server = fakeServer();
  const store = memoryStore();
  const clock = fakeClock();
  let db: UpdateDb = dbUpdateOps;
  const w = {
    server,
    store,
    clock,
    /** Replaces some database operations (faults, kills); the rest stay the real ones. */
    wrapDb(overrides: Partial<UpdateDb>) {
      db = { ...dbUpdateOps, ...overrides };
    },
    /** A new updater: a new worker life (nothing in memory), same store and database. */
    updater(more: UpdaterOptions = {}) {
      return createUpdater({ fetch: server.fetch, now: clock.now, store, db, changesBetween, options: { ...options, ...more } });
    },
    /** Serves a feed listing these packs, with the pack files next to it. */
    async publish(...packs: Array<Pack | ServedPack>): Promise<ServedPack[]> {
      const served = await Promise.all(packs.map((p) => ('entry' in p ? p : servedPack(p))));
      server.serve(FEED_URL, { body: feedJson(served), headers: { 'content-type': 'application/json' } });
      server.servePacks(served);
      return served;
    },
    /** Stands for the browser stopping the worker: nothing can be saved any more, and the step stops. */
    kill(): never {
      store.dead = true;
      throw new WorkerKilled();
    },
    /** Requests made for pack files (not the feed). */
    packRequests: () => server.requests.filter((r) => r.url !== FEED_URL).map((r) => r.url.split('/').at(-1)),
  };
  return w;
}
