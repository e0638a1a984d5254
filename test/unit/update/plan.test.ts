import { describe, expect, it } from 'vitest';
import type { ReleaseRecord } from '../../../lib/db/schema';
import type { Feed, FeedEntry } from '../../../lib/update/feed';
import { planUpdates, releasesToPrune } from '../../../lib/update/plan';

const entry = (system: FeedEntry['system'], release: string, sha = release.padEnd(64, 'a')): FeedEntry => {
  const year = Number(release);
  return {
    system,
    release,
    title: `${system} ${release}`,
    effectiveFrom: system === 'hcpcs' ? `${year}-01-01` : `${year - 1}-10-01`,
    effectiveTo: system === 'hcpcs' ? `${year}-12-31` : `${year}-09-30`,
    url: `https://example.org/${system}-${release}.pack.json.gz`,
    sha256: sha,
    bytes: 100,
    counts: { validCodes: 1, headers: 0 },
  };
};

const record = (e: FeedEntry, status: ReleaseRecord['status'] = 'ready'): ReleaseRecord => ({
  id: `${e.system}@${e.release}~${e.sha256.slice(0, 12)}`,
  system: e.system,
  release: e.release,
  title: e.title,
  effectiveFrom: e.effectiveFrom,
  effectiveTo: e.effectiveTo,
  counts: e.counts,
  sources: [],
  sha256: e.sha256,
  status,
  sectionNames: [],
});

const feed = (...packs: FeedEntry[]): Feed => ({ url: 'https://example.org/manifest.json', packs });
const releases = (plan: FeedEntry[]) => plan.map((p) => `${p.system} ${p.release}`);

describe('planUpdates', () => {
  it('plans newer releases per system, oldest first, at most keepPrevious + 1 of them', () => {
    const active = [record(entry('icd10cm', '2020'))];
    const f = feed(...['2025', '2021', '2023', '2022', '2024'].map((r) => entry('icd10cm', r)), entry('hcpcs', '2026'), entry('hcpcs', '2025'));
    expect(releases(planUpdates(f, active, active, 2))).toEqual(['icd10cm 2023', 'icd10cm 2024', 'icd10cm 2025', 'hcpcs 2025', 'hcpcs 2026']);
    expect(releases(planUpdates(f, active, active, 0))).toEqual(['icd10cm 2025', 'hcpcs 2026']);
  });

  it('skips what is installed (same sha256, ready), but not a half-imported copy', () => {
    const fy2026 = entry('icd10cm', '2026');
    const active = [record(entry('icd10cm', '2025'))];
    expect(planUpdates(feed(fy2026), [...active, record(fy2026)], active, 2)).toEqual([]);
    expect(planUpdates(feed(fy2026), [...active, record(fy2026, 'importing')], active, 2)).toEqual([fy2026]);
  });

  it('plans a re-issue of the active release, never an older release', () => {
    const active = [record(entry('icd10cm', '2026'))];
    const reissue = entry('icd10cm', '2026', 'b'.repeat(64));
    expect(planUpdates(feed(entry('icd10cm', '2025'), reissue), active, active, 2)).toEqual([reissue]);
  });
});

describe('releasesToPrune', () => {
  it('keeps the keepPrevious newest older releases of the same system; never newer ones or other systems', () => {
    const all = ['2021', '2022', '2023', '2024', '2026'].map((r) => record(entry('icd10cm', r)));
    const active = record(entry('icd10cm', '2025'));
    const pcs = record(entry('icd10pcs', '2019'));
    const half = record(entry('icd10cm', '2020'), 'importing');
    expect(releasesToPrune([...all, active, pcs, half], active, 2).map((r) => r.release)).toEqual(['2022', '2021']);
    expect(releasesToPrune([...all, active], active, 10)).toEqual([]);
  });
});
