/**
 * Looking up selected page text in the side panel (context menu item, keyboard shortcut) and the
 * "scan this page" menu item and shortcut. The side panel may only be opened during the user's
 * gesture, so it is opened first, synchronously in the event, and the text follows through
 * storage.session (`pendingLookup`), which the panel watches.
 */
import { browser } from 'wxt/browser';
import { cleanLookupText } from '../messaging/page-payloads';
import { pendingLookupItem, type PendingLookup } from '../storage/page-items';
import { scanTab } from './site-access';

export const MENU_LOOKUP = 'coder-lens-lookup';
export const MENU_SCAN = 'coder-lens-scan';
/** Manifest `commands` names (wxt.config.ts). */
export const COMMAND_LOOKUP = 'lookup-selection';
export const COMMAND_SCAN = 'scan-page';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

/**
 * Opens the side panel for a tab. Must be called synchronously from the user's gesture (a menu
 * click, a command, a message sent from a click): Chrome and Firefox refuse it after an await.
 */
export function openSidePanel(tab: { id?: number; windowId?: number } | undefined): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  const opening = sidePanel
    ? sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId })
    : sidebar?.open();
  // Refused without a gesture, or no panel here: the request still waits in pendingLookup for the next time the panel opens.
  opening?.catch((err: unknown) => console.warn('[Coder Lens] could not open the side panel:', err));
}

/** Leaves text for the panel to look up. */
export async function requestLookup(lookup: Omit<PendingLookup, 'at'>): Promise<void> {
  const text = cleanLookupText(lookup.text);
  if (!text) return;
  await pendingLookupItem.setValue({ ...lookup, text, at: Date.now() });
}

/** The selected text of a tab: of whichever frame has a selection (the shortcut gave activeTab). */
async function selectionOf(tabId: number): Promise<string> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => globalThis.getSelection?.()?.toString() ?? '',
  });
  for (const r of results ?? []) if (typeof r.result === 'string' && r.result.trim()) return r.result;
  return '';
}

/** Creates the context menu items (idempotent: menus persist, so they are recreated on install and update). */
export async function createMenus(): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  await menus.removeAll();
  menus.create({ id: MENU_LOOKUP, title: 'Look up “%s” in Coder Lens', contexts: ['selection'] });
  menus.create({ id: MENU_SCAN, title: 'Scan this page with Coder Lens', contexts: ['page'] });
}

/** Registers the menu and shortcut listeners (synchronously, at worker start). */
export function startPageLookup(logFailure: (err: unknown) => void): void {
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_LOOKUP) {
      openSidePanel(tab);
      void requestLookup({ text: info.selectionText ?? '', source: 'context-menu', ...(tab?.id !== undefined ? { tabId: tab.id } : {}) }).catch(logFailure);
    } else if (info.menuItemId === MENU_SCAN && tab?.id !== undefined) {
      void scanTab(tab.id).then((r) => !r.ok && logFailure(new Error(r.error)), logFailure);
    }
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND_LOOKUP) {
      openSidePanel(tab);
      if (tab?.id === undefined) return;
      const tabId = tab.id;
      void selectionOf(tabId)
        .then((text) => requestLookup({ text, source: 'command', tabId }))
        .catch(logFailure);
    } else if (command === COMMAND_SCAN && tab?.id !== undefined) {
      void scanTab(tab.id).then((r) => !r.ok && logFailure(new Error(r.error)), logFailure);
    }
  });
}
