import { getDb } from './open';
import type { SearchIndexRecord } from './schema';

/**
 * Fingerprint of a prepared index: the index format version and the releases it was built from
 * (ids carry the pack hash, so a re-issued release gives a new key). Order of the ids does not
 * matter.
 */
export function searchIndexKey(releaseIds: readonly string[], version: number): string {
  return `v${version}|${[...releaseIds].sort().join('|')}`;
}

/** Whether an index with this key is stored (reads the key only, not the index itself). */
export async function hasSearchIndex(key: string): Promise<boolean> {
  return (await (await getDb()).getKey('searchIndex', key)) !== undefined;
}

/** The stored index with this key, if any. */
export async function getSearchIndex(key: string): Promise<SearchIndexRecord | undefined> {
  return (await getDb()).get('searchIndex', key);
}

/**
 * Stores a prepared index in place of every other one (an index of releases no longer active, or
 * of an older format, is never read again), in one transaction: readers see the old or the new.
 */
export async function putSearchIndex(record: SearchIndexRecord): Promise<void> {
  const tx = (await getDb()).transaction('searchIndex', 'readwrite');
  await tx.store.clear();
  await tx.store.put(record);
  await tx.done;
}

/** Removes a stored index that turned out unreadable, so the next reader rebuilds it. */
export async function deleteSearchIndex(key: string): Promise<void> {
  await (await getDb()).delete('searchIndex', key);
}
