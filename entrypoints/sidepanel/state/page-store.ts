import { computed, signal } from '@preact/signals';
import type { TabPageMentions } from '../../../lib/detect/page-types';
import type { SiteStatus } from '../../../lib/detect/page-sites';
import type { BackgroundMessages } from '../../../lib/messaging/protocol';
import { foundConcepts } from '../../../lib/search-view/page-mentions-view';

type Send = <N extends 'getPageMentions' | 'scrollToMention' | 'getSiteAccess' | 'setSiteEnabled' | 'scanTab'>(
  type: N,
  payload: BackgroundMessages[N]['payload'],
) => Promise<BackgroundMessages[N]['result'] | undefined>;

export interface PageStoreDeps {
  send: Send;
  /** The active tab of the panel's window (undefined on none). */
  activeTabId: () => Promise<number | undefined>;
  /** Calls back when the active tab changes or its page loads anew. */
  onTabChange: (cb: () => void) => void;
  /** Follows the stored mentions of one tab (each call replaces the previous tab's watch). */
  onMentionsChange: (cb: (tabId: number) => void, tabId?: number) => void;
  /** Asks the browser for the host permission of a site (must run in the user's click). */
  requestSite: (site: string) => Promise<boolean>;
}

/**
 * "Found on this page": the mentions the content script found on the active tab (kept by the
 * background), the site's scanning switch and the one-off scan. The panel never reads page text
 * itself; it shows what the background holds for the tab.
 */
export function createPageStore(deps: PageStoreDeps) {
  const tabId = signal<number | undefined>(undefined);
  const page = signal<TabPageMentions | null>(null);
  const site = signal<{ site: string | null; status?: SiteStatus; policyRejected?: string[] } | null>(null);
  const message = signal('');
  const concepts = computed(() => foundConcepts(page.value?.mentions ?? []));
  let asked = 0;
  const onMentions = (changed: number) => {
    if (changed === tabId.peek()) void refresh();
  };

  async function refresh(): Promise<void> {
    const ticket = ++asked;
    const id = await deps.activeTabId();
    if (ticket !== asked) return;
    if (id !== tabId.peek()) deps.onMentionsChange(onMentions, id);
    tabId.value = id;
    if (id === undefined) {
      page.value = null;
      site.value = null;
      return;
    }
    const [mentions, access] = await Promise.all([deps.send('getPageMentions', { tabId: id }), deps.send('getSiteAccess', { tabId: id })]);
    if (ticket !== asked) return;
    page.value = mentions ?? null;
    site.value = access ?? null;
  }

  return {
    tabId,
    page,
    site,
    concepts,
    message,
    refresh,
    start() {
      deps.onTabChange(() => void refresh());
      return refresh();
    },
    /** Scrolls the page to a mention and marks it there. */
    async scrollTo(mentionId: string): Promise<void> {
      const id = tabId.peek();
      if (id === undefined) return;
      const result = await deps.send('scrollToMention', { tabId: id, mentionId });
      message.value = result?.ok ? '' : `The page could not scroll to it${result?.error ? `: ${result.error}` : ''}.`;
    },
    /** Scans the active tab once (the panel's button: activeTab or the site's permission). */
    async scanNow(): Promise<void> {
      const id = tabId.peek();
      if (id === undefined) return;
      message.value = 'Scanning this page…';
      const result = await deps.send('scanTab', { tabId: id });
      message.value = result?.ok
        ? ''
        : result?.needsPermission
          ? 'Coder Lens may not read this page yet: turn scanning on for this site, or use the toolbar button on the page.'
          : `This page cannot be scanned${result?.error ? `: ${result.error}` : ''}.`;
      await refresh();
    },
    /** Turns scanning on or off for the active tab's site; turning on asks the browser first. */
    async setSiteEnabled(enabled: boolean): Promise<void> {
      const id = tabId.peek();
      const name = site.peek()?.site;
      if (id === undefined || !name) return;
      // permissions.request must be the first thing the click does: the browser only allows it
      // inside the user's gesture.
      if (enabled && !(await deps.requestSite(name))) {
        message.value = `The browser did not allow reading ${name}.`;
        return;
      }
      const result = await deps.send('setSiteEnabled', { site: name, enabled, tabId: id });
      message.value = result?.ok ? '' : `Could not change scanning for ${name}${result?.error ? `: ${result.error}` : ''}.`;
      await refresh();
    },
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
