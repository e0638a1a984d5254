import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/browser';
import { openPanel, resultsFor as resultsWithin, SHOTS } from './support/panel';

/** The first detail test may wait for the whole import and index build. */
const resultsFor = (page: Page, query: string) => resultsWithin(page, query, 150_000);

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('side panel code detail (real Chromium, embedded FY2026 packs)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchExtension();
    // Wait until the first import has prepared the search index: a panel opened earlier reloads
    // its index when it becomes ready and asks again, which resets the active option mid-test.
    const page = await openPanel(session);
    await page.waitForFunction(
      async () => {
        const ext = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { phase?: string }>> } } } }).chrome;
        return (await ext.storage.local.get('searchIndexStatus')).searchIndexStatus?.phase === 'ready';
      },
      undefined,
      { timeout: 150_000, polling: 250 },
    );
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Enter opens the active result as a detail view; Esc returns to the results as they were', async () => {
    const page = await openPanel(session);
    const input = page.getByRole('combobox', { name: 'Search codes' });
    await input.fill('S13.4');
    const options = await resultsFor(page, 'S13.4');
    // The answer may be re-asked once while the index settles: wait for the code itself.
    await page.waitForSelector('[role="option"][data-code="S134XXA"]', { timeout: 60_000 });
    const codes = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    const at = codes.indexOf('S134XXA');
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= at; i++) await input.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    await input.press('Enter');

    const heading = page.locator('#cl-detail-heading');
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('S13.4XXA '), undefined, { timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'cl-detail-heading');
    await expect(heading.textContent()).resolves.toContain('Sprain of ligaments of cervical spine, initial encounter');
    await expect(page.locator('.cl-detail .cl-badge').textContent()).resolves.toBe('Valid');
    const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).locator('li').allTextContents();
    expect(crumbs.slice(-3)).toEqual(['S13', 'S13.4', 'S13.4XXA']);
    await expect(page.getByTestId('notes-unavailable').textContent()).resolves.toContain('notes are not in this code set');
    await expect(page.getByRole('listbox', { name: 'Search results' }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: `${SHOTS}/detail-s134.png` });

    // A breadcrumb code opens that code: the header S13.4 with its warning and children.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'S13.4', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('S13.4 '));
    await expect(page.locator('.cl-detail .cl-badge').textContent()).resolves.toBe('Header');
    await expect(page.locator('.cl-detail .cl-warning').textContent()).resolves.toContain('not valid for reporting');
    await expect(page.locator('.cl-code-links').last().textContent()).resolves.toContain('S13.4XXD');
    await page.screenshot({ path: `${SHOTS}/detail-s134-header.png` });

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.id === 'cl-search-input');
    await expect(input.inputValue()).resolves.toBe('S13.4');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(activeId);
    await expect(page.getByRole('listbox', { name: 'Search results' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.cl-detail').count()).resolves.toBe(0);
    expect(await focusedId(page)).toBe('cl-search-input');
    await page.close();
  });

  it('a click opens a result and the Back button returns', async () => {
    const page = await openPanel(session);
    const input = page.getByRole('combobox', { name: 'Search codes' });
    await input.fill('E11.22');
    const options = await resultsFor(page, 'E11.22');
    await options.first().click();
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('E11.22 '));
    await page.getByRole('button', { name: '← Back to results' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'cl-search-input');
    await expect(input.inputValue()).resolves.toBe('E11.22');
    await page.close();
  });
});
