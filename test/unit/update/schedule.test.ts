import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_POLICY, isCheckDue, nextCheckAt } from '../../../lib/update/schedule';

const HOUR = 3_600_000;
const last = Date.UTC(2025, 9, 1, 8, 0, 0);

describe('nextCheckAt', () => {
  it('is daily by default', () => {
    expect(nextCheckAt(last)).toBe(last + 24 * HOUR);
    expect(nextCheckAt(last, DEFAULT_CHECK_POLICY)).toBe(last + 24 * HOUR);
  });

  it('is due at once when there was never a check, and never when automatic checks are off', () => {
    expect(nextCheckAt(undefined)).toBe(0);
    expect(nextCheckAt(last, { ...DEFAULT_CHECK_POLICY, enabled: false })).toBeUndefined();
    expect(nextCheckAt(undefined, { ...DEFAULT_CHECK_POLICY, enabled: false })).toBeUndefined();
  });

  it('follows the configured interval, within 15 minutes … 30 days', () => {
    expect(nextCheckAt(last, { ...DEFAULT_CHECK_POLICY, intervalMinutes: 6 * 60 })).toBe(last + 6 * HOUR);
    expect(nextCheckAt(last, { ...DEFAULT_CHECK_POLICY, intervalMinutes: 1 })).toBe(last + 0.25 * HOUR);
    expect(nextCheckAt(last, { ...DEFAULT_CHECK_POLICY, intervalMinutes: 1e9 })).toBe(last + 30 * 24 * HOUR);
    expect(nextCheckAt(last, { ...DEFAULT_CHECK_POLICY, intervalMinutes: Number.NaN })).toBe(last + 30 * 24 * HOUR);
  });

  it('retries sooner after failures, doubling the wait, never later than the interval', () => {
    const waits = [1, 2, 3, 4, 5, 6, 40].map((f) => ((nextCheckAt(last, DEFAULT_CHECK_POLICY, f) as number) - last) / HOUR);
    expect(waits).toEqual([1, 2, 4, 8, 16, 24, 24]);
  });
});

describe('isCheckDue', () => {
  it('is due once the next check time has come', () => {
    expect(isCheckDue(last + 23 * HOUR, last)).toBe(false);
    expect(isCheckDue(last + 24 * HOUR, last)).toBe(true);
    expect(isCheckDue(last, undefined)).toBe(true);
    expect(isCheckDue(last + 2 * HOUR, last, DEFAULT_CHECK_POLICY, 1)).toBe(true);
    expect(isCheckDue(last + 100 * HOUR, last, { ...DEFAULT_CHECK_POLICY, enabled: false })).toBe(false);
  });

  it('a last check in the future (the clock was set back) makes a check due', () => {
    expect(isCheckDue(last - 48 * HOUR, last)).toBe(true);
  });
});
