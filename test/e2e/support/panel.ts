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
