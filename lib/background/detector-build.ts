/**
 * Builds the page matcher over the packs of the active releases: the seam between the background's
 * detector host (lib/background/detector-host.ts) and lib/detect's matcher. The prepared phrase
 * data (seconds of work on the full code sets) is stored in IndexedDB and read back by the next
 * worker, like the search index.
 */
import type { Pack } from '../codeset/pack';
import type { ReleaseRecord } from '../db/schema';
import { deleteDetectorData, detectorDataKey, getDetectorData, putDetectorData } from '../db/detector-data';
import { createDetector } from '../detect/detector';
import { DETECTOR_DATA_VERSION, prepareDetectorData, type DetectorData } from '../detect/dictionary';
import type { Detector } from '../detect/types';

export async function buildDetector(packs: Pack[], releases: ReleaseRecord[] = []): Promise<Detector> {
  const started = performance.now();
  const key = releases.length ? detectorDataKey(releases.map((r) => r.id), DETECTOR_DATA_VERSION) : undefined;
  const stored = key ? await getDetectorData(key) : undefined;
  if (key && stored) {
    try {
      const detector = createDetector(stored.data as DetectorData, packs);
      console.info(`[Coder Lens] page detector read from storage in ${Math.round(performance.now() - started)} ms`);
      return detector;
    } catch (err) {
      // Damaged or from another format: forget it and build afresh.
      console.warn('[Coder Lens] stored detector data unreadable, rebuilding:', err);
      await deleteDetectorData(key);
    }
  }
  const data = prepareDetectorData(packs);
  const detector = createDetector(data, packs);
  if (key) await putDetectorData({ key, builtAt: new Date().toISOString(), data }).catch((err: unknown) => console.warn('[Coder Lens] detector data not stored:', err));
  // Once per release change: worth a line in the worker's log (no page text in it).
  console.info(`[Coder Lens] page detector built from ${packs.map((p) => `${p.system} ${p.release}`).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return detector;
}
