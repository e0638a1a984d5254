/**
 * The page detector of the background worker: built on first use from the active releases (the
 * content script cannot read IndexedDB), kept in memory for the worker's life, rebuilt when the
 * active releases change. Builds never overlap; concurrent callers share one build.
 */
import type { Pack } from '../codeset/pack';
import type { ReleaseRecord } from '../db/schema';
import type { Detector } from '../detect/types';

export interface DetectorHostDeps {
  /** The active ready release of each code system (lib/db/releases.ts getActiveReleases). */
  activeReleases(): Promise<ReleaseRecord[]>;
  /** A stored release as a pack (lib/db/releases.ts getReleasePack). */
  loadPack(release: ReleaseRecord): Promise<Pack>;
  /** Builds the matcher over the packs of the active releases (lib/detect); `releases` name them. */
  build(packs: Pack[], releases: ReleaseRecord[]): Detector | Promise<Detector>;
}

export interface DetectorHost {
  /** The detector of the active releases; rejects with NoCodeSetError when none is installed. */
  getDetector(): Promise<Detector>;
  /** Forgets the built detector (the next call rebuilds if the active releases changed). */
  invalidate(): void;
}

export class NoCodeSetError extends Error {
  constructor() {
    super('No code set is installed yet.');
    this.name = 'NoCodeSetError';
  }
}

/** Creates the host. Every call checks which releases are active (one small read) and reuses the detector built for them. */
export function createDetectorHost(deps: DetectorHostDeps): DetectorHost {
  let built: { key: string; detector: Promise<Detector> } | undefined;

  async function getDetector(): Promise<Detector> {
    const releases = await deps.activeReleases();
    if (!releases.length) throw new NoCodeSetError();
    const key = releases
      .map((r) => r.id)
      .sort()
      .join('|');
    if (built?.key === key) return built.detector;
    const detector = (async () => {
      // Read one pack at a time: the packs are large and only needed while building.
      const packs: Pack[] = [];
      for (const r of releases) packs.push(await deps.loadPack(r));
      return deps.build(packs, releases);
    })();
    const entry = { key, detector };
    built = entry;
    // A failed build is not kept: the next call tries again.
    detector.catch(() => {
      if (built === entry) built = undefined;
    });
    return detector;
  }

  return {
    getDetector,
    invalidate() {
      built = undefined;
    },
  };
}
