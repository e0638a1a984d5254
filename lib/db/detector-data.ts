import { getDb } from './open';
import type { DetectorDataRecord } from './schema';

/** Key of prepared detector data: its format version and the release ids (order does not matter). */
export function detectorDataKey(releaseIds: readonly string[], version: number): string {
  return `v${version}|${[...releaseIds].sort().join('|')}`;
}

/** The stored detector data with this key, if any. */
export async function getDetectorData(key: string): Promise<DetectorDataRecord | undefined> {
  return (await getDb()).get('detectorData', key);
}

/** Stores prepared detector data in place of any other (one transaction: the old or the new). */
export async function putDetectorData(record: DetectorDataRecord): Promise<void> {
  const tx = (await getDb()).transaction('detectorData', 'readwrite');
  await tx.store.clear();
  await tx.store.put(record);
  await tx.done;
}

/** Removes stored data that turned out unreadable, so the next start rebuilds it. */
export async function deleteDetectorData(key: string): Promise<void> {
  await (await getDb()).delete('detectorData', key);
}
