/** When the worker looks for updates (set in the options or by IT policy). */
export interface CheckPolicy {
  /** False: only "check now" in the panel or options. */
  enabled: boolean;
  /** Time between two successful checks. */
  intervalMinutes: number;
  /** After a failed check the next one comes sooner: retryMinutes, doubled per failure, never later than intervalMinutes. */
  retryMinutes: number;
}

export const DEFAULT_CHECK_POLICY: CheckPolicy = { enabled: true, intervalMinutes: 24 * 60, retryMinutes: 60 };

const MINUTE = 60_000;
/** A feed on an organisation's server is not polled more often than this, whatever the setting. */
const MIN_INTERVAL_MINUTES = 15;
const MAX_INTERVAL_MINUTES = 30 * 24 * 60;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : hi));

/**
 * When the next automatic check is due (epoch ms), for a `chrome.alarms` `when`: `undefined` when
 * automatic checks are off, 0 when there was never a check (due at once). After `failures`
 * consecutive failed runs the wait is retryMinutes × 2^(failures − 1), capped at the interval, so a
 * server that is down is not hammered and one that is back is found again the same day.
 */
export function nextCheckAt(lastCheck: number | undefined, policy: CheckPolicy = DEFAULT_CHECK_POLICY, failures = 0): number | undefined {
  if (!policy.enabled) return undefined;
  if (lastCheck === undefined) return 0;
  const interval = clamp(policy.intervalMinutes, MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES);
  const wait = failures > 0 ? Math.min(interval, clamp(policy.retryMinutes, MIN_INTERVAL_MINUTES, interval) * 2 ** Math.min(failures - 1, 20)) : interval;
  return lastCheck + wait * MINUTE;
}

/**
 * Whether a check is due now. A last check in the future means the computer's clock was set back:
 * the check is due rather than postponed until the clock catches up.
 */
export function isCheckDue(now: number, lastCheck: number | undefined, policy: CheckPolicy = DEFAULT_CHECK_POLICY, failures = 0): boolean {
  const next = nextCheckAt(lastCheck, policy, failures);
  if (next === undefined) return false;
  return now >= next || (lastCheck !== undefined && lastCheck > now);
}
