import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { getReleasePack } from '../../lib/db/releases';
import { createPackCache } from '../../lib/detail/detail-view';
import { settingsItem } from '../../lib/storage/items';
import { sitePattern } from '../../lib/detect/page-sites';
import { pendingLookupItem, watchTabMentions, type PendingLookup } from '../../lib/storage/page-items';
import { worklistStateItem } from '../../lib/worklist/store';
import { createCodeSetStore } from './state/code-set-store';
import { createDetailStore } from './state/detail-store';
import { createPageStore } from './state/page-store';
import { createPanelStore } from './state/panel-store';
import { createSearchStore, type SearchWorkerPort } from './state/search-store';
import { createTablesStore } from './state/tables-store';
import { createWorklistStore } from './state/worklist-store';
import './style.css';

const codeSets = createCodeSetStore();
const search = createSearchStore({
  // Vite bundles the worker as its own file of the extension (allowed by the extension's
  // `script-src 'self'` policy); written this way so the bundler sees it.
  createWorker: () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }) as SearchWorkerPort,
  statusesKnown: codeSets.statusesKnown,
  importStatus: codeSets.importStatus,
  indexStatus: codeSets.searchIndexStatus,
});
// One pack cache for the detail and the tables: a release's pack is read from IndexedDB once.
const packs = createPackCache(getReleasePack);
const detail = createDetailStore({ releases: codeSets.releases, loadPack: getReleasePack, packs });
const tables = createTablesStore({ releases: codeSets.releases, loadPack: getReleasePack, packs });
const worklist = createWorklistStore({ storage: worklistStateItem });
const panel = createPanelStore({ writeClipboard: (text) => navigator.clipboard.writeText(text), settings: settingsItem });
const pageMentions = createPageStore({
  send: ((type: string, payload: unknown) => browser.runtime.sendMessage({ type, payload })) as Parameters<typeof createPageStore>[0]['send'],
  activeTabId: async () => {
    // In the side panel (or sidebar) the page is the active tab of the panel's window. When the
    // panel itself runs in a tab (popped out, or opened as a page), that tab is its own: the page
    // is then the most recently used active tab of another window.
    const own = await browser.tabs.getCurrent();
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id !== undefined && active.id !== own?.id) return active.id;
    const others = (await browser.tabs.query({ active: true })).filter((t) => t.id !== own?.id);
    return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
  },
  onTabChange: (cb) => {
    browser.tabs.onActivated.addListener(cb);
    browser.tabs.onUpdated.addListener((_id, change, tab) => {
      if (tab.active && change.status === 'complete') cb();
    });
  },
  onMentionsChange: (() => {
    // One watch, on the tab shown: the background stores each tab's mentions under its own key.
    let unwatch: (() => void) | undefined;
    return (cb: (tabId: number) => void, tabId?: number) => {
      unwatch?.();
      if (tabId !== undefined) unwatch = watchTabMentions(tabId, () => cb(tabId));
    };
  })(),
  requestSite: (site) => browser.permissions.request({ origins: [sitePattern(site)] }),
});

/** Text the coder asked to look up from a page (menu, shortcut, a card): search it here, once. */
function lookUp(lookup: PendingLookup | null) {
  if (!lookup?.text) return;
  detail.close();
  panel.setTab('search');
  search.setQuery(lookup.text);
  void pendingLookupItem.setValue(null);
}

// The worker's script loads while the panel renders and reads its statuses.
search.boot();
render(<App panel={panel} codeSets={codeSets} search={search} detail={detail} tables={tables} worklist={worklist} pageMentions={pageMentions} />, document.getElementById('app')!);
search.start();
void codeSets.start();
void worklist.start();
void panel.start();
void pageMentions.start();
// A lookup asked for before the panel opened waits in session storage.
void pendingLookupItem.getValue().then(lookUp);
pendingLookupItem.watch(lookUp);
