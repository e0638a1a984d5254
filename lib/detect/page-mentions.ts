/**
 * The mentions on one tab's page, frame by frame, as the background keeps them for the side
 * panel's "Found on this page". Each frame's content script reports its whole list whenever it
 * changes, so a report replaces that frame's entry; pure functions over plain (storable) data.
 */
import { PAGE_LIMITS, type FrameMention, type PageMention, type TabPageMentions } from './page-types';

export interface FrameEntry {
  frameId: number;
  frameUrl: string;
  mentions: FrameMention[];
  /** The frame found more than it reports (PAGE_LIMITS.frameMentions). */
  truncated?: boolean;
}

/** What is stored per tab (storage.session, so a restarted worker still has it). */
export interface TabEntry {
  tabId: number;
  pageUrl: string;
  frames: FrameEntry[];
  updatedAt: number;
}

/** Origin and path of a URL: queries and fragments often carry patient identifiers and are not needed. */
export function pageUrlOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 500);
  } catch {
    return '';
  }
}

/**
 * The tab's entry with one frame's list replaced by a report (an empty list removes the frame),
 * or, for the next parts of a report (`append`), added to.
 */
export function withFrameMentions(
  entry: TabEntry | undefined,
  report: { tabId: number; frameId: number; frameUrl: string; mentions: FrameMention[]; append?: boolean; truncated?: boolean; now: number },
): TabEntry {
  const before = report.append ? entry?.frames.find((f) => f.frameId === report.frameId)?.mentions ?? [] : [];
  const ids = new Set(before.map((m) => m.id));
  const mentions = [...before, ...report.mentions.filter((m) => !ids.has(m.id))].slice(0, PAGE_LIMITS.frameMentions);
  const frames = (entry?.frames ?? []).filter((f) => f.frameId !== report.frameId);
  if (mentions.length) {
    frames.push({ frameId: report.frameId, frameUrl: pageUrlOf(report.frameUrl), mentions, ...(report.truncated ? { truncated: true } : {}) });
    frames.sort((a, b) => a.frameId - b.frameId);
  }
  // Frames beyond the bound: the newest report wins a place, the highest-numbered others go.
  while (frames.length > PAGE_LIMITS.tabFrames) {
    const i = frames.findLastIndex((f) => f.frameId !== report.frameId);
    frames.splice(i, 1);
  }
  const pageUrl = report.frameId === 0 ? pageUrlOf(report.frameUrl) : (entry?.pageUrl ?? '');
  return { tabId: report.tabId, pageUrl, frames, updatedAt: report.now };
}

/** The panel's view of a tab: the top document first, then the frames, up to the tab bound. */
export function tabPageMentions(entry: TabEntry | undefined | null, tabId: number): TabPageMentions {
  if (!entry) return { tabId, pageUrl: '', mentions: [], truncated: false, updatedAt: 0 };
  const mentions: PageMention[] = [];
  let total = 0;
  for (const f of entry.frames)
    for (const m of f.mentions) {
      total++;
      if (mentions.length < PAGE_LIMITS.tabMentions) mentions.push({ ...m, id: `${f.frameId}:${m.id}`, frameId: f.frameId, frameUrl: f.frameUrl });
    }
  return { tabId, pageUrl: entry.pageUrl, mentions, truncated: total > mentions.length || entry.frames.some((f) => f.truncated === true), updatedAt: entry.updatedAt };
}

/** The frame and the frame's own id of a tab-wide mention id (`<frameId>:<id>`), or null. */
export function locateMention(entry: TabEntry | undefined | null, pageMentionId: string): { frameId: number; id: string } | null {
  const m = /^(\d{1,10}):(.+)$/.exec(pageMentionId);
  if (!m || !entry) return null;
  const frameId = Number(m[1]);
  const frame = entry.frames.find((f) => f.frameId === frameId);
  return frame?.mentions.some((x) => x.id === m[2]) ? { frameId, id: m[2] } : null;
}
