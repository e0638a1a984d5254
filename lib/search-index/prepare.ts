import { getActiveReleases, getReleasePack } from '../db/releases';
import { deleteSearchIndex, getSearchIndex, hasSearchIndex, putSearchIndex, searchIndexKey } from '../db/search-index';
import type { SearchIndexRecord } from '../db/schema';
import { decodeIndex, encodeIndex, IndexFormatError } from '../search/index-binary';
import { buildIndexData, type SearchIndexData } from '../search/index-data';

/** A prepared index in memory: the stored record with its index decoded. */
export type PreparedIndex = Omit<SearchIndexRecord, 'data'> & { data: SearchIndexData };

/** What the active releases are, and the key their prepared index is stored under. */
export interface ActiveIndexTarget {
  key: string;
  releaseIds: string[];
}

let formatVersion: number | undefined;

/**
 * The format version of the indexes this engine builds, read from an index of nothing (instant),
 * so it can never disagree with the engine: an index stored by another engine version has another
 * key and is never handed to this one.
 */
export function indexFormatVersion(): number {
  formatVersion ??= buildIndexData([]).version;
  return formatVersion;
}

/** The key the index of today's active releases has; null when no release is active yet. */
export async function activeIndexTarget(): Promise<ActiveIndexTarget | null> {
  const releaseIds = (await getActiveReleases()).map((r) => r.id).sort();
  return releaseIds.length ? { key: searchIndexKey(releaseIds, indexFormatVersion()), releaseIds } : null;
}

/**
 * Builds the index of the active releases and stores it (replacing any other). The result is
 * stored only if those releases are still the active ones when the build ends: an import may
 * have switched a release meanwhile, and it triggers its own rebuild.
 */
export async function buildSearchIndex(target: ActiveIndexTarget): Promise<PreparedIndex & { stored: boolean }> {
  const started = performance.now();
  const releases = (await getActiveReleases()).filter((r) => target.releaseIds.includes(r.id));
  const packs = await Promise.all(releases.map(getReleasePack));
  const data = buildIndexData(packs);
  const prepared: PreparedIndex = {
    key: searchIndexKey(target.releaseIds, data.version),
    releaseIds: target.releaseIds,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
    data,
  };
  const stored = (await activeIndexTarget())?.key === prepared.key;
  if (stored) await putSearchIndex({ ...prepared, data: new Blob([encodeIndex(data)], { type: 'application/octet-stream' }) });
  return { ...prepared, stored };
}

/**
 * Makes sure the index of the active releases is stored, building it when missing or stale
 * (`onBuild` is told before the seconds of work start). Reads only the key when the index is
 * there: the background worker never needs the index itself.
 */
export async function ensureSearchIndex(onBuild?: () => Promise<void>): Promise<{ target: ActiveIndexTarget; built?: PreparedIndex & { stored: boolean } } | null> {
  const target = await activeIndexTarget();
  if (!target) return null;
  if (await hasSearchIndex(target.key)) return { target };
  await onBuild?.();
  return { target, built: await buildSearchIndex(target) };
}

/** The prepared index of the active releases, loaded from IndexedDB or else built (and stored). */
export async function loadSearchIndex(): Promise<{ record: PreparedIndex; source: 'cache' | 'built' } | null> {
  const target = await activeIndexTarget();
  if (!target) return null;
  const cached = await getSearchIndex(target.key);
  if (cached) {
    try {
      return { record: { ...cached, data: decodeIndex(await cached.data.arrayBuffer()) }, source: 'cache' };
    } catch (err) {
      if (!(err instanceof IndexFormatError) && !(err instanceof TypeError)) throw err;
      // Unreadable (damaged, or written by another version): drop it and build anew.
      console.warn('[Coder Lens] stored search index unreadable, rebuilding:', err);
      await deleteSearchIndex(cached.key);
    }
  }
  return { record: await buildSearchIndex(target), source: 'built' };
}

/** Drops a stored index the engine could not use, then builds a fresh one. */
export async function rebuildUnreadableIndex(record: Pick<SearchIndexRecord, 'key' | 'releaseIds'>): Promise<PreparedIndex> {
  await deleteSearchIndex(record.key);
  return buildSearchIndex({ key: record.key, releaseIds: record.releaseIds });
}
