import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDetector } from '../../../lib/background/detector-build';
import { getDb, resetDbForTests } from '../../../lib/db/open';
import { detectorDataKey, getDetectorData } from '../../../lib/db/detector-data';
import type { ReleaseRecord } from '../../../lib/db/schema';
import * as dictionary from '../../../lib/detect/dictionary';
import { testPacks } from '../detect/detect-packs';

const releases = testPacks().map((p) => ({ id: `${p.system}@${p.release}~000000000000`, system: p.system }) as ReleaseRecord);
const key = detectorDataKey(
  releases.map((r) => r.id),
  dictionary.DETECTOR_DATA_VERSION,
);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
  vi.restoreAllMocks();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the background builds the page detector once per set of releases', () => {
  it('stores the prepared data; the next worker reads it instead of preparing again, and detects the same', async () => {
    const prepare = vi.spyOn(dictionary, 'prepareDetectorData');
    const first = await buildDetector(testPacks(), releases);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(await getDetectorData(key)).toBeDefined();
    const second = await buildDetector(testPacks(), releases);
    expect(prepare).toHaveBeenCalledTimes(1);
    const text = 'Denies chest pain. History of hypertension.';
    expect(second.detect(text)).toEqual(first.detect(text));
  });

  it('rebuilds over damaged stored data, and replaces it', async () => {
    await (await getDb()).put('detectorData', { key, builtAt: '', data: { format: 'something else' } });
    const prepare = vi.spyOn(dictionary, 'prepareDetectorData');
    const detector = await buildDetector(testPacks(), releases);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(detector.detect('hypertension').length).toBeGreaterThan(0);
    expect(((await getDetectorData(key))?.data as { format: string }).format).toBe(dictionary.DETECTOR_DATA_FORMAT);
  });
});
