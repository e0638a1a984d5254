import { PACK_FORMAT, PACK_FORMAT_VERSION, type CodeRow, type Pack } from '../codeset/pack';
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

/** Codes per stored block: small enough that a lookup reads little, large enough to import fast. */
const BLOCK = 512;
/** Blocks per write transaction (progress is reported after each). */
const BLOCKS_PER_TX = 40;

/**
 * Imports a validated pack as a new release beside the existing ones. Idempotent: leftovers of an
 * interrupted import of the same release are removed first; a ready release with the same sha256
 * is left alone. The release becomes readable only when its status turns `ready`, in the same
 * transaction that may make it the active release, so readers never see half a release.
 */
export async function importPack(
  pack: Pack,
  sha256: string,
  /**
   * `never`: stored beside the others and left for the caller to switch to with `setActiveRelease`
   * (an update switches in a step of its own, after checks).
   */
  options: { activate: 'always' | 'if-newer' | 'never'; onProgress?: (p: ImportProgress) => void | Promise<void> },
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

  const sorted = [...pack.codes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const total = sorted.length;
  for (let start = 0; start < total; start += BLOCK * BLOCKS_PER_TX) {
    const tx = db.transaction('codeBlocks', 'readwrite');
    const end = Math.min(start + BLOCK * BLOCKS_PER_TX, total);
    for (let b = start; b < end; b += BLOCK) {
      const rows = sorted.slice(b, Math.min(b + BLOCK, end));
      void tx.store.put({ releaseId: id, first: rows[0][0], rows });
    }
    await tx.done;
    await options.onProgress?.({ done: end, total });
  }
  const stx = db.transaction('sections', 'readwrite');
  for (const [name, data] of Object.entries(pack.sections)) void stx.store.put({ releaseId: id, name, data });
  await stx.done;

  const ready: ReleaseRecord = { ...record, status: 'ready', importedAt: new Date().toISOString() };
  const tx = db.transaction(['releases', 'state'], 'readwrite');
  const active = await tx.objectStore('state').get(activeKey(pack.system));
  const activeRelease = active ? await tx.objectStore('releases').get(active.value) : undefined;
  const activate =
    options.activate !== 'never' &&
    (options.activate === 'always' || !activeRelease || activeRelease.status !== 'ready' || Number(activeRelease.release) <= Number(pack.release));
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
  const tx = db.transaction(['releases', 'codeBlocks', 'sections', 'state'], 'readwrite');
  await tx.objectStore('codeBlocks').delete(range);
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

/**
 * Makes a ready release the active one of its system (the coder chose it for a date of service).
 * One transaction: readers see the old or the new active release, never none. Returns false when
 * the release is not installed or not ready (nothing changes).
 */
export async function setActiveRelease(id: string): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction(['releases', 'state'], 'readwrite');
  const release = await tx.objectStore('releases').get(id);
  if (release?.status !== 'ready') {
    await tx.done;
    return false;
  }
  await tx.objectStore('state').put({ key: activeKey(release.system), value: id });
  await tx.done;
  // A corrected re-issue switched to: the earlier copy of the same release is no longer needed.
  await removeSuperseded(release);
  return true;
}

/** Every ready release, newest first within each system (the choices for a date of service). */
export async function listReadyReleases(): Promise<ReleaseRecord[]> {
  return (await listReleases())
    .filter((r) => r.status === 'ready')
    .sort((a, b) => a.system.localeCompare(b.system) || (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
}

/** Looks up one code (without dot, upper case) in a release. */
export async function getCode(id: string, code: string): Promise<CodeRecord | undefined> {
  const db = await getDb();
  // The block holding `code` is the last one whose first code is ≤ code.
  const cursor = await db.transaction('codeBlocks').store.openCursor(IDBKeyRange.bound([id, ''], [id, code]), 'prev');
  const row = cursor?.value.rows.find((r) => r[0] === code);
  if (!row) return undefined;
  const [, valid, title, shortTitle] = row;
  return shortTitle === undefined ? { releaseId: id, code, valid, title } : { releaseId: id, code, valid, title, shortTitle };
}

/** Every code row of a release, in code order (for building a search index). */
export async function getAllCodes(id: string): Promise<CodeRow[]> {
  const blocks = await (await getDb()).getAll('codeBlocks', IDBKeyRange.bound([id, ''], [id, '\uffff']));
  return blocks.flatMap((b) => b.rows);
}

/** One stored section of a release (tabular notes, index, tables…). */
export async function getSection<T = unknown>(id: string, name: string): Promise<T | undefined> {
  return (await (await getDb()).get('sections', [id, name]))?.data as T | undefined;
}

/**
 * A stored release as a pack again (header, every code in code order, every section it was
 * imported with), read in one transaction: what the search index is built from.
 */
export async function getReleasePack(release: ReleaseRecord): Promise<Pack> {
  const db = await getDb();
  const tx = db.transaction(['codeBlocks', 'sections'], 'readonly');
  const [blocks, sectionRecords] = await Promise.all([
    tx.objectStore('codeBlocks').getAll(IDBKeyRange.bound([release.id, ''], [release.id, '\uffff'])),
    Promise.all(release.sectionNames.map((name) => tx.objectStore('sections').get([release.id, name]))),
  ]);
  await tx.done;
  const sections: Record<string, unknown> = {};
  sectionRecords.forEach((r, i) => {
    if (r) sections[release.sectionNames[i]] = r.data;
  });
  return {
    // The stored rows are the decoded pack content; the header format fields describe that content.
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    system: release.system,
    release: release.release,
    title: release.title,
    effectiveFrom: release.effectiveFrom,
    effectiveTo: release.effectiveTo,
    sources: release.sources,
    counts: release.counts,
    codes: blocks.flatMap((b) => b.rows),
    sections,
  };
}

/** Removes every release left `importing` by a worker that was stopped mid-import. */
export async function discardIncompleteImports(): Promise<number> {
  const stale = (await listReleases()).filter((r) => r.status !== 'ready');
  for (const r of stale) await discardRelease(r.id);
  return stale.length;
}
