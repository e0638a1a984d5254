/**
 * Builds the page matcher over the packs of the active releases: the seam between the background's
 * detector host (lib/background/detector-host.ts) and lib/detect's matcher.
 */
import type { Pack } from '../codeset/pack';
import { createDetector } from '../detect/detector';
import { prepareDetectorData } from '../detect/dictionary';
import type { Detector } from '../detect/types';

export function buildDetector(packs: Pack[]): Detector {
  const started = performance.now();
  const detector = createDetector(prepareDetectorData(packs), packs);
  // Once per worker life and release change: worth a line in the worker's log (no page text in it).
  console.info(`[Coder Lens] page detector built from ${packs.map((p) => `${p.system} ${p.release}`).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return detector;
}
