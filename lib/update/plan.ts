import { CODE_SYSTEMS } from '../codeset/releases';
import type { ReleaseRecord } from '../db/schema';
import type { Feed, FeedEntry } from './feed';

/**
 * Which packs of a feed to install, per code system, oldest first:
 * - never one already installed (same sha256, ready);
 * - only releases newer than the active one (later effectiveFrom), or a re-issue of the active
 *   release itself (same release, other sha256): an older release in the feed is not installed
 *   over a newer one the extension already has;
 * - at most `keepPrevious + 1` of them, the newest, since older ones would be pruned right after.
 * Each item is switched to in turn, so the newest ends up active and the ones before it stay
 * installed for earlier dates of service.
 */
export function planUpdates(feed: Feed, releases: readonly ReleaseRecord[], active: readonly ReleaseRecord[], keepPrevious: number): FeedEntry[] {
  const installed = new Set(releases.filter((r) => r.status === 'ready').map((r) => `${r.system} ${r.sha256}`));
  const plan: FeedEntry[] = [];
  for (const system of CODE_SYSTEMS) {
    const current = active.find((r) => r.system === system);
    const wanted = feed.packs
      .filter((p) => p.system === system && !installed.has(`${system} ${p.sha256}`))
      .filter((p) => !current || p.effectiveFrom > current.effectiveFrom || p.release === current.release)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    plan.push(...wanted.slice(-(keepPrevious + 1)));
  }
  return plan;
}

/**
 * The releases of a system to remove after switching to `active`: older ones beyond the
 * `keepPrevious` newest (kept for dates of service before the switch). Releases newer than the
 * active one are never removed here.
 */
export function releasesToPrune(releases: readonly ReleaseRecord[], active: ReleaseRecord, keepPrevious: number): ReleaseRecord[] {
  return releases
    .filter((r) => r.system === active.system && r.status === 'ready' && r.id !== active.id && r.effectiveFrom < active.effectiveFrom)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))
    .slice(Math.max(0, keepPrevious));
}
