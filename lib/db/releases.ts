import type { Pack } from '../codeset/pack';
import type { CodeSystem } from '../codeset/releases';
import { getDb } from './open';
import type { CodeRecord, ReleaseRecord } from './schema';

/**
 * Release ids carry the pack hash, so a corrected re-issue of the same release is imported beside
 * the one in use and switched to in one step, never over it.
 */
export const releaseId = (system: CodeSystem, release: string, sha256: string): string => `${system}@${release}~${sha256.slice(0, 12)}`;
const activeKey = (system: CodeSystem) => `active:${system}`;

export interface ImportProgress {
  done: number;
  total: number;
}

const CHUNK = 5000;

/**
 * Imports a validated pack as a new release beside the existing ones. Idempotent: leftovers of an
 * interrupted import of the same release are removed first; a ready release with the same sha256
 * is left alone. The release becomes readable only when its status turns `ready`, in the same
 * transaction that may make it the active release, so readers never see half a release.
 */
export async function importPack(
  pack: Pack,
  sha256: string,
  options: { activate: 'always' | 'if-newer'; onProgress?: (p: ImportProgress) => void | Promise<void> },
): Promise<ReleaseRecord> {
  const db = await getDb();
  const id = releaseId(pack.system, pack.release, sha256);
  const existing = await db.get('releases', id);
  if (existing?.status === 'ready' && existing.sha256 === sha256) return existing;

  const record: ReleaseRecord = {
    id,
    system: pack.system,
    release: pack.release,
    title: pack.title,
    effectiveFrom: pack.effectiveFrom,
    effectiveTo: pack.effectiveTo,
    counts: pack.counts,
    sources: pack.sources,
    sha256,
    status: 'importing',
    sectionNames: Object.keys(pack.sections),
  };
  await discardRelease(id);
  await db.put('releases', record);

  const total = pack.codes.length;
  for (let start = 0; start < total; start += CHUNK) {
    const tx = db.transaction('codes', 'readwrite');
    for (const [code, valid, title, shortTitle] of pack.codes.slice(start, start + CHUNK)) {
      const rec: CodeRecord = { releaseId: id, code, valid, title };
      if (shortTitle !== undefined) rec.shortTitle = shortTitle;
      void tx.store.put(rec);
    }
    await tx.done;
    await options.onProgress?.({ done: Math.min(start + CHUNK, total), total });
  }
  const stx = db.transaction('sections', 'readwrite');
  for (const [name, data] of Object.entries(pack.sections)) void stx.store.put({ releaseId: id, name, data });
  await stx.done;

  const ready: ReleaseRecord = { ...record, status: 'ready', importedAt: new Date().toISOString() };
  const tx = db.transaction(['releases', 'state'], 'readwrite');
  const active = await tx.objectStore('state').get(activeKey(pack.system));
  const activeRelease = active ? await tx.objectStore('releases').get(active.value) : undefined;
  const activate =
    options.activate === 'always' || !activeRelease || activeRelease.status !== 'ready' || Number(activeRelease.release) <= Number(pack.release);
  await tx.objectStore('releases').put(ready);
  if (activate) await tx.objectStore('state').put({ key: activeKey(pack.system), value: id });
  await tx.done;
  if (activate) await removeSuperseded(ready);
  return ready;
}

/** After a switch, older copies of the same release (earlier re-issues) are no longer needed. */
async function removeSuperseded(current: ReleaseRecord): Promise<void> {
  for (const r of await listReleases())
    if (r.system === current.system && r.release === current.release && r.id !== current.id) await discardRelease(r.id);
}

/** Removes a release and its rows (an interrupted import, or a superseded copy). */
export async function discardRelease(id: string): Promise<void> {
  const db = await getDb();
  const range = IDBKeyRange.bound([id, ''], [id, '\uffff']);
  const tx = db.transaction(['releases', 'codes', 'sections', 'state'], 'readwrite');
  await tx.objectStore('codes').delete(range);
  await tx.objectStore('sections').delete(range);
  await tx.objectStore('releases').delete(id);
  const state = tx.objectStore('state');
  for (const s of await state.getAll()) if (s.key.startsWith('active:') && s.value === id) await state.delete(s.key);
  await tx.done;
}

/** Every release in the database, ready or not. */
export async function listReleases(): Promise<ReleaseRecord[]> {
  return (await getDb()).getAll('releases');
}

/** The active ready release of each code system. */
export async function getActiveReleases(): Promise<ReleaseRecord[]> {
  const db = await getDb();
  const tx = db.transaction(['releases', 'state'], 'readonly');
  const out: ReleaseRecord[] = [];
  for (const s of await tx.objectStore('state').getAll()) {
    if (!s.key.startsWith('active:')) continue;
    const r = await tx.objectStore('releases').get(s.value);
    if (r?.status === 'ready') out.push(r);
  }
  return out.sort((a, b) => a.system.localeCompare(b.system));
}

/** Looks up one code (without dot, upper case) in a release. */
export async function getCode(id: string, code: string): Promise<CodeRecord | undefined> {
  return (await getDb()).get('codes', [id, code]);
}

/** One stored section of a release (tabular notes, index, tables…). */
export async function getSection<T = unknown>(id: string, name: string): Promise<T | undefined> {
  return (await (await getDb()).get('sections', [id, name]))?.data as T | undefined;
}

/** Removes every release left `importing` by a worker that was stopped mid-import. */
export async function discardIncompleteImports(): Promise<number> {
  const stale = (await listReleases()).filter((r) => r.status !== 'ready');
  for (const r of stale) await discardRelease(r.id);
  return stale.length;
}
