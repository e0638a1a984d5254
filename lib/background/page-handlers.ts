/**
 * The background's handlers of the page-detection messages (content script and panel), and the
 * tab listeners that forget a page's mentions when it goes away.
 */
import { browser } from 'wxt/browser';
import type { BackgroundHandlers, ContentEnvelope, MessageSenderInfo } from '../messaging/protocol';
import { pageMentionsKey } from '../storage/page-items';
import { storage } from 'wxt/utils/storage';
import type { TabEntry } from '../detect/page-mentions';
import { NoCodeSetError, type DetectorHost } from './detector-host';
import { createPageMentionsStore, type PageMentionsStore } from './page-mentions';
import { openSidePanel, requestLookup } from './page-lookup';
import { getSiteAccess, scanTab, setSiteEnabled } from './site-access';

type PageHandlerNames =
  | 'detectText'
  | 'reportPageMentions'
  | 'openMentionInPanel'
  | 'getPageMentions'
  | 'scrollToMention'
  | 'getSiteAccess'
  | 'setSiteEnabled'
  | 'scanTab';

/** The session-storage mirror of the mentions of each tab. */
export function createSessionPageMentionsStore(): PageMentionsStore {
  return createPageMentionsStore({
    read: (tabId) => storage.getItem<TabEntry>(pageMentionsKey(tabId)),
    write: (tabId, entry) => (entry ? storage.setItem(pageMentionsKey(tabId), entry) : storage.removeItem(pageMentionsKey(tabId))),
  });
}

/** A content script's tab and frame (the protocol only lets content scripts send these messages). */
function frameOf(sender: MessageSenderInfo): { tabId: number; frameId: number } {
  if (sender.tabId === undefined || sender.frameId === undefined) throw new Error('Not sent from a page.');
  return { tabId: sender.tabId, frameId: sender.frameId };
}

export function createPageHandlers(deps: { detectors: DetectorHost; mentions: PageMentionsStore }): Pick<BackgroundHandlers, PageHandlerNames> {
  const { detectors, mentions } = deps;
  return {
    async detectText({ chunks }) {
      try {
        const detector = await detectors.getDetector();
        return { ok: true, mentionsJson: JSON.stringify(chunks.map((text) => detector.detect(text))) };
      } catch (err) {
        if (err instanceof NoCodeSetError) return { ok: false, error: 'no-code-set' };
        console.error('[Coder Lens] detection failed:', err);
        return { ok: false, error: 'detection-failed' };
      }
    },
    async reportPageMentions({ frameUrl, mentions: list, append, truncated }, sender) {
      const { tabId, frameId } = frameOf(sender);
      // The browser's word for the frame's address wins over the script's.
      await mentions.report(tabId, frameId, sender.url ?? frameUrl, list, { append, truncated });
      return { ok: true };
    },
    async openMentionInPanel({ mentionId }, sender) {
      const { tabId, frameId } = frameOf(sender);
      // First, before any await: the card's click is the gesture that lets the panel open.
      openSidePanel({ id: tabId });
      const id = `${frameId}:${mentionId}`;
      const found = (await mentions.get(tabId)).mentions.find((m) => m.id === id);
      if (!found) return { ok: false, error: 'That mention is no longer on the page.' };
      await requestLookup({ text: found.text, source: 'card', tabId, mentionId: id });
      return { ok: true };
    },
    getPageMentions: ({ tabId }) => mentions.get(tabId),
    async scrollToMention({ tabId, mentionId }) {
      const where = await mentions.locate(tabId, mentionId);
      if (!where) return { ok: false, error: 'That mention is no longer on the page.' };
      const msg: ContentEnvelope = { type: 'scrollToMention', payload: { mentionId: where.id } };
      try {
        const result = (await browser.tabs.sendMessage(tabId, msg, { frameId: where.frameId })) as { ok: boolean; error?: string } | undefined;
        return result ?? { ok: false, error: 'The page did not answer.' };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    async getSiteAccess({ tabId }) {
      // tab.url is only visible where the extension has access (activeTab or the site's
      // permission); otherwise the address the tab's scanner last reported, if any.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      const url = tab?.url ?? (await mentions.get(tabId)).pageUrl;
      return getSiteAccess(url || undefined);
    },
    setSiteEnabled: ({ site, enabled, tabId }) => setSiteEnabled(site, enabled, tabId),
    scanTab: ({ tabId }) => scanTab(tabId),
  };
}

/** Forgets a tab's mentions when it closes or starts loading another page (its scanner reports the new page afresh). */
export function startPageTracking(mentions: PageMentionsStore, logFailure: (err: unknown) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => void mentions.drop(tabId).catch(logFailure));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void mentions.drop(tabId).catch(logFailure);
  });
}
