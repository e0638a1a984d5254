import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/codeset/pack';
import type { ReleaseRecord } from '../../../lib/db/schema';
import { createDetectorHost, NoCodeSetError } from '../../../lib/background/detector-host';
import type { Detector } from '../../../lib/detect/types';

const release = (id: string): ReleaseRecord =>
  ({ id, system: id.startsWith('icd10pcs') ? 'icd10pcs' : 'icd10cm', release: '2026', status: 'ready', sectionNames: [] }) as unknown as ReleaseRecord;

function harness(initial: ReleaseRecord[]) {
  let active = initial;
  const loaded: string[] = [];
  const builds: string[][] = [];
  let failNext = false;
  const host = createDetectorHost({
    activeReleases: async () => active,
    loadPack: async (r) => {
      loaded.push(r.id);
      return { release: r.id } as unknown as Pack;
    },
    build: async (packs) => {
      const ids = packs.map((p) => p.release);
      builds.push(ids);
      if (failNext) {
        failNext = false;
        throw new Error('out of memory');
      }
      return { detect: () => [], ids } as Detector & { ids: string[] };
    },
  });
  return {
    host,
    loaded,
    builds,
    setActive: (r: ReleaseRecord[]) => (active = r),
    failNextBuild: () => (failNext = true),
  };
}

describe('detector host', () => {
  it('builds once from the active releases and shares the build between concurrent callers', async () => {
    const h = harness([release('icd10cm@2026~aaaaaaaaaaaa'), release('icd10pcs@2026~bbbbbbbbbbbb')]);
    const [a, b] = await Promise.all([h.host.getDetector(), h.host.getDetector()]);
    expect(a).toBe(b);
    expect(await h.host.getDetector()).toBe(a);
    expect(h.builds).toEqual([['icd10cm@2026~aaaaaaaaaaaa', 'icd10pcs@2026~bbbbbbbbbbbb']]);
  });

  it('rebuilds when the active releases change (a date of service in another year)', async () => {
    const h = harness([release('icd10cm@2026~aaaaaaaaaaaa')]);
    const first = await h.host.getDetector();
    h.setActive([release('icd10cm@2025~cccccccccccc')]);
    const second = await h.host.getDetector();
    expect(second).not.toBe(first);
    expect(h.builds).toEqual([['icd10cm@2026~aaaaaaaaaaaa'], ['icd10cm@2025~cccccccccccc']]);
  });

  it('says when no code set is installed', async () => {
    const h = harness([]);
    await expect(h.host.getDetector()).rejects.toBeInstanceOf(NoCodeSetError);
  });

  it('does not keep a failed build: the next call tries again', async () => {
    const h = harness([release('icd10cm@2026~aaaaaaaaaaaa')]);
    h.failNextBuild();
    await expect(h.host.getDetector()).rejects.toThrow('out of memory');
    await expect(h.host.getDetector()).resolves.toBeDefined();
    expect(h.builds).toHaveLength(2);
  });

  it('rebuilds after invalidate', async () => {
    const h = harness([release('icd10cm@2026~aaaaaaaaaaaa')]);
    const first = await h.host.getDetector();
    h.host.invalidate();
    expect(await h.host.getDetector()).not.toBe(first);
  });
});
