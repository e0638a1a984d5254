/**
 * Scoring helpers for the search evaluation and benchmark scripts (scripts/eval-search.ts,
 * scripts/bench-search.ts): which results count as hits, recall@k, MRR and latency percentiles.
 * Pure functions over plain data, so the figures the scripts print are pinned down by unit tests.
 */

/** A code as compared: no dot, no spaces, upper case ("e11.22" → "E1122"). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s.]/g, '').toUpperCase();
}

/** The codes of the loaded release(s), for asking whether a gold code exists and has children. */
export interface KnownCodes {
  /** The code itself or any code under it exists ("J01" exists when J01.90 does). */
  exists(code: string): boolean;
  /** Some longer code starts with this one: it is a category or subcategory header. */
  hasDescendants(code: string): boolean;
}

/** Builds a `KnownCodes` over a list of codes (dots allowed); a sorted array answers by binary search. */
export function createKnownCodes(codes: Iterable<string>): KnownCodes {
  const sorted = [...new Set(Array.from(codes, normalizeCode))].sort();
  const lowerBound = (q: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    exists(code) {
      const q = normalizeCode(code);
      const i = lowerBound(q);
      return q !== '' && i < sorted.length && sorted[i].startsWith(q);
    },
    hasDescendants(code) {
      const q = normalizeCode(code);
      let i = lowerBound(q);
      if (sorted[i] === q) i++;
      return q !== '' && i < sorted.length && sorted[i].startsWith(q);
    },
  };
}

/**
 * Whether a result answers a query whose gold answer is `goldCodes`: the result is one of the
 * gold codes, or lies under a gold code that is a header (gold "J01" is answered by J01.90, as a
 * coder who lands inside the right category has found it). A valid gold code has no children in
 * ICD-10-CM, so only the code itself matches it.
 */
export function isHit(resultCode: string, goldCodes: readonly string[], known: KnownCodes): boolean {
  const result = normalizeCode(resultCode);
  return goldCodes.some((g) => {
    const gold = normalizeCode(g);
    return result === gold || (result.startsWith(gold) && known.hasDescendants(gold));
  });
}

/** 1-based rank of the first hit among ranked result codes, or `null` when none hits. */
export function firstHitRank(resultCodes: readonly string[], goldCodes: readonly string[], known: KnownCodes): number | null {
  const i = resultCodes.findIndex((c) => isHit(c, goldCodes, known));
  return i < 0 ? null : i + 1;
}

/** Share of queries with a hit within the first `k` results (`ranks` from `firstHitRank`). */
export function recallAtK(ranks: ReadonlyArray<number | null>, k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

/** Mean reciprocal rank over the first `k` results: a hit at rank r scores 1/r, a later or no hit 0. */
export function meanReciprocalRank(ranks: ReadonlyArray<number | null>, k: number): number {
  if (ranks.length === 0) return 0;
  let sum = 0;
  for (const r of ranks) if (r !== null && r <= k) sum += 1 / r;
  return sum / ranks.length;
}

/**
 * The p-th percentile (0–100) of a sample by linear interpolation between closest ranks (the
 * "R-7" definition, numpy's and spreadsheets' default): position (n − 1)·p/100 in sorted order.
 * An empty sample gives NaN.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, p);
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  const pos = ((sorted.length - 1) * Math.min(100, Math.max(0, p))) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50 / p95 / p99 (linear interpolation, as `percentile`) and max of a latency sample. */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}
