import type { Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

/** Where the end-to-end tests leave the screenshots a person looks at. */
export const SHOTS = 'test-results/screenshots';

/** Opens the side panel page in a tab about the size of Chrome's side panel, light theme. */
export async function openPanel(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 420, height: 860 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  return page;
}

/**
 * Waits until the listbox shows the results of exactly `query` (it says which query its results
 * answer), and returns its options.
 */
export async function resultsFor(page: Page, query: string, timeout = 60_000) {
  await page.waitForFunction((q) => document.getElementById('cl-search-results')?.dataset.query === q, query, { timeout });
  return page.locator('[role="option"]');
}

export type ExtensionGlobal = {
  chrome: {
    storage: { local: { get(k: string): Promise<Record<string, { phase?: string; key?: string }>> } };
    runtime: { sendMessage(msg: unknown): Promise<{ ok: boolean; error?: string }> };
  };
};

/** Waits until the background reports a ready search index whose key names `release` (or any, when omitted). */
export async function waitForIndex(page: Page, release?: string): Promise<void> {
  await page.waitForFunction(
    async (want) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const status = (await chrome.storage.local.get('searchIndexStatus')).searchIndexStatus;
      return status?.phase === 'ready' && (!want || (status.key ?? '').includes(want));
    },
    release,
    { timeout: 150_000, polling: 250 },
  );
}

/** Types a code, waits for it among the results and opens it with the keyboard. */
export async function openCode(page: Page, query: string, code: string, display: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Search codes' });
  await input.fill(query);
  const options = await resultsFor(page, query);
  await page.waitForSelector(`[role="option"][data-code="${code}"]`, { timeout: 60_000 });
  const at = (await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).indexOf(code);
  for (let i = 0; i <= at; i++) await input.press('ArrowDown');
  await input.press('Enter');
  await page.waitForFunction((d) => document.getElementById('cl-detail-heading')?.textContent?.startsWith(`${d} `), display, { timeout: 60_000 });
  // The heading takes the focus once shown: from then on the detail's one-key commands work.
  await page.waitForFunction(() => document.activeElement?.id === 'cl-detail-heading');
}
