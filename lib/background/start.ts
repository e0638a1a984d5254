import { browser } from 'wxt/browser';
import { getActiveReleases, getReleasePack, setActiveRelease } from '../db/releases';
import { importEmbeddedPacks } from '../import/embedded';
import { dispatchBackgroundMessage, MESSAGE_SENDERS, parseBackgroundMessage, senderKind, type BackgroundHandlers } from '../messaging/protocol';
import { importStatusItem, searchIndexStatusItem } from '../storage/items';
import { buildDetector } from './detector-build';
import { createDetectorHost } from './detector-host';
import { createPageHandlers, createSessionPageMentionsStore, startPageTracking } from './page-handlers';
import { createMenus, startPageLookup } from './page-lookup';
import { prepareSearchIndex, serialized } from './search-index';
import { startSiteAccess } from './site-access';

let importRun: Promise<void> | undefined;

/** Runs the embedded-pack import once per worker life; concurrent triggers share the same run. */
function ensureEmbeddedImport(): Promise<void> {
  importRun ??= importEmbeddedPacks({
    readPackaged: async (path) => {
      // Only the extension's own packaged files: runtime.getURL never points outside the package.
      // (The packs are generated at build time, so WXT's PublicPath type may not list them yet.)
      const res = await fetch(browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]));
      if (!res.ok) throw new Error(`${path} is missing from the extension package (${res.status})`);
      return new Uint8Array(await res.arrayBuffer());
    },
    reportStatus: (status) => importStatusItem.setValue(status),
  }).finally(() => {
    importRun = undefined;
  });
  return importRun;
}

/** Builds the search index when the active releases have none yet (runs never overlap). */
const ensureIndex = serialized(() => prepareSearchIndex({ get: () => searchIndexStatusItem.getValue(), report: (s) => searchIndexStatusItem.setValue(s) }));

/**
 * The import, then the search index of whatever is active afterwards: also when the import
 * failed, since releases imported earlier are still there to be searched.
 */
function ensureCodeData(): Promise<void> {
  const imported = ensureEmbeddedImport();
  void imported.then(ensureIndex, ensureIndex).catch(logFailure);
  return imported;
}

/** The page detector, built from the active releases the first time a page needs it. */
const detectors = createDetectorHost({
  activeReleases: getActiveReleases,
  loadPack: getReleasePack,
  build: buildDetector,
});
const pageMentions = createSessionPageMentionsStore();

const handlers: BackgroundHandlers = {
  ...createPageHandlers({ detectors, mentions: pageMentions }),
  async importEmbeddedPacks() {
    try {
      await ensureCodeData();
      return { ok: true };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  },
  async setActiveRelease({ releaseId }) {
    // Never during an import (it decides what is active when it ends): switch once it is done.
    if (importRun) await importRun.catch(() => undefined);
    if (!(await setActiveRelease(releaseId))) return { ok: false, error: 'That release is not installed.' };
    // The panel's search follows: it reloads when the index of the new active releases is ready.
    void ensureIndex().catch(logFailure);
    return { ok: true };
  },
};

/**
 * Background worker start. Listeners are registered synchronously (MV3: a worker woken by an
 * event must have its listener in place before the first await), then the import runs.
 */
export function startBackground(): void {
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Each message has one kind of sender: our extension pages, or our content script in a tab.
    const kind = senderKind(sender, self);
    if (!kind) return undefined;
    const msg = parseBackgroundMessage(raw);
    if (!msg || MESSAGE_SENDERS[msg.type] !== kind) return undefined;
    return dispatchBackgroundMessage(handlers, msg, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url });
  });
  browser.runtime.onInstalled.addListener(() => {
    void ensureCodeData().catch(logFailure);
    void createMenus().catch(logFailure);
  });
  browser.runtime.onStartup.addListener(() => void ensureCodeData().catch(logFailure));
  setUpPanelOpening();
  startPageLookup(logFailure);
  startPageTracking(pageMentions, logFailure);
  startSiteAccess(logFailure);
  // Also at every worker start: an import cut short when the worker was stopped resumes here, and
  // an index missing or stale (never built, or the worker stopped mid-build) is built.
  void ensureCodeData().catch(logFailure);
}

function setUpPanelOpening(): void {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(logFailure);
    return;
  }
  // Firefox: the toolbar button toggles the sidebar.
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (sidebar && action) action.onClicked.addListener(() => void sidebar.toggle());
}

function logFailure(err: unknown): void {
  // The failure is already shown to the user through the status items; this keeps it in the worker log.
  console.error('[Coder Lens]', err);
}
