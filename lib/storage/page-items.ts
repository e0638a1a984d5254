/**
 * Storage of page detection. Mentions and lookups live in `storage.session` (in memory, cleared
 * when the browser closes, readable only by extension pages — never by content scripts), so a
 * restarted background worker still has them and page text never reaches the disk.
 */
import { storage } from 'wxt/utils/storage';
import { tabPageMentions, type TabEntry } from '../detect/page-mentions';
import type { TabPageMentions } from '../detect/page-types';
import type { UserSites } from '../detect/page-sites';

/** Session key of one tab's mentions (see `TabEntry`; read it through `tabPageMentions`). */
export const pageMentionsKey = (tabId: number) => `session:pageMentions:${tabId}` as const;

/**
 * Calls `onChange` with a tab's "Found on this page" whenever the background stores a new list
 * (or forgets it: the tab navigated). Returns the function that stops watching. Read the first
 * list with the `getPageMentions` message.
 */
export function watchTabMentions(tabId: number, onChange: (mentions: TabPageMentions) => void): () => void {
  return storage.watch<TabEntry>(pageMentionsKey(tabId), (entry) => onChange(tabPageMentions(entry, tabId)));
}

/**
 * Text the coder asked the panel to look up (context menu, keyboard shortcut, a card's "Open in
 * panel"). The panel watches it, runs the lookup, and clears it; `at` tells two equal requests apart.
 */
export interface PendingLookup {
  text: string;
  source: 'context-menu' | 'command' | 'card';
  /** The tab the text came from. */
  tabId?: number;
  /** The tab-wide id of the mention a card was showing (`<frameId>:<id>`), for "Found on this page". */
  mentionId?: string;
  at: number;
}

export const pendingLookupItem = storage.defineItem<PendingLookup | null>('session:pendingLookup', { fallback: null });

/** The coder's own per-site choices (site → on/off); see lib/detect/page-sites.ts. */
export const userSitesItem = storage.defineItem<UserSites>('local:scanSites', { fallback: {} });
