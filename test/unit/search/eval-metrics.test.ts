import { describe, expect, it } from 'vitest';
import {
  createKnownCodes,
  firstHitRank,
  isHit,
  meanReciprocalRank,
  normalizeCode,
  percentile,
  recallAtK,
  summarizeLatencies,
} from '../../../lib/search/eval-metrics';

// A slice of ICD-10-CM as stored in a pack: headers and valid codes, no dots.
const KNOWN = createKnownCodes(['E11', 'E112', 'E1121', 'E1122', 'E119', 'I10', 'J01', 'J0190', 'J0191', 'S134', 'S134XXA', 'S134XXD']);

describe('normalizeCode', () => {
  it('drops dots and spaces and upper-cases', () => {
    expect(normalizeCode('e11.22')).toBe('E1122');
    expect(normalizeCode(' S13.4XXA ')).toBe('S134XXA');
  });
});

describe('createKnownCodes', () => {
  it('says a code exists when it or a code under it is loaded', () => {
    expect(KNOWN.exists('E11.22')).toBe(true);
    expect(KNOWN.exists('J01')).toBe(true);
    expect(KNOWN.exists('J01.9')).toBe(true); // not itself a loaded code, but J01.90 is
    expect(KNOWN.exists('E13')).toBe(false);
    expect(KNOWN.exists('I10.1')).toBe(false);
    expect(KNOWN.exists('')).toBe(false);
  });

  it('tells headers (with codes under them) from leaves', () => {
    expect(KNOWN.hasDescendants('E11')).toBe(true);
    expect(KNOWN.hasDescendants('E11.2')).toBe(true);
    expect(KNOWN.hasDescendants('S13.4')).toBe(true);
    expect(KNOWN.hasDescendants('E11.22')).toBe(false);
    expect(KNOWN.hasDescendants('I10')).toBe(false);
    expect(KNOWN.hasDescendants('E13')).toBe(false);
  });
});

describe('isHit', () => {
  it('matches a gold code exactly, with or without dot and in any case', () => {
    expect(isHit('E1122', ['E11.22'], KNOWN)).toBe(true);
    expect(isHit('e1122', ['E11.22'], KNOWN)).toBe(true);
    expect(isHit('E1121', ['E11.22'], KNOWN)).toBe(false);
  });

  it('accepts any code under a gold header', () => {
    expect(isHit('J0190', ['J01'], KNOWN)).toBe(true);
    expect(isHit('S134XXA', ['S13.4'], KNOWN)).toBe(true);
    expect(isHit('E1122', ['E11'], KNOWN)).toBe(true);
    expect(isHit('E13', ['E11'], KNOWN)).toBe(false);
  });

  it('does not widen a valid gold code to longer codes', () => {
    // I10 is valid and has no children; a made-up I101 must not count.
    expect(isHit('I101', ['I10'], KNOWN)).toBe(false);
  });

  it('hits when any of several gold codes matches', () => {
    expect(isHit('I10', ['E11.22', 'I10'], KNOWN)).toBe(true);
  });
});

describe('firstHitRank', () => {
  it('gives the 1-based rank of the first hit, or null', () => {
    expect(firstHitRank(['E119', 'E1122', 'E1121'], ['E11.22'], KNOWN)).toBe(2);
    expect(firstHitRank(['J0190', 'J0191'], ['J01'], KNOWN)).toBe(1);
    expect(firstHitRank(['E119'], ['I10'], KNOWN)).toBeNull();
    expect(firstHitRank([], ['I10'], KNOWN)).toBeNull();
  });
});

describe('recallAtK and meanReciprocalRank', () => {
  const ranks = [1, 2, null, 11, 4];

  it('counts queries with a hit within k', () => {
    expect(recallAtK(ranks, 1)).toBeCloseTo(1 / 5);
    expect(recallAtK(ranks, 10)).toBeCloseTo(3 / 5);
    expect(recallAtK(ranks, 20)).toBeCloseTo(4 / 5);
  });

  it('averages 1/rank over hits within k, zero for the rest', () => {
    expect(meanReciprocalRank(ranks, 10)).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 5);
    expect(meanReciprocalRank(ranks, 20)).toBeCloseTo((1 + 1 / 2 + 1 / 11 + 1 / 4) / 5);
  });

  it('is zero on an empty set rather than NaN', () => {
    expect(recallAtK([], 10)).toBe(0);
    expect(meanReciprocalRank([], 10)).toBe(0);
  });
});

describe('percentile (linear interpolation, R-7)', () => {
  it('interpolates between closest ranks', () => {
    const v = [1, 2, 3, 4];
    expect(percentile(v, 50)).toBeCloseTo(2.5);
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 100)).toBe(4);
    expect(percentile(v, 95)).toBeCloseTo(3.85); // position 2.85
  });

  it('does not depend on input order and does not sort the input in place', () => {
    const v = [10, 1, 7, 3];
    expect(percentile(v, 50)).toBeCloseTo(5);
    expect(v).toEqual([10, 1, 7, 3]);
  });

  it('handles one value and no values', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes latencies with p50/p95/p99/max', () => {
    const v = Array.from({ length: 101 }, (_, i) => i); // 0..100: percentile p is exactly p
    expect(summarizeLatencies(v)).toEqual({ count: 101, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarizeLatencies([]).count).toBe(0);
  });
});
