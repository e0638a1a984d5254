import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR, launchFirefoxExtension, openExtensionPage, poll, resultsFor, type FirefoxSession } from './support/firefox';
import { SHOTS } from './support/panel';

interface StoredStatus {
  phase: string;
  key?: string;
  buildMs?: number;
  durationMs?: number;
  message?: string;
}

type FirefoxGlobal = { browser: { storage: { local: { get(k: string[]): Promise<Record<string, StoredStatus | undefined>> } } } };

/** Logged by the test itself: proves the extension's console output reaches `session.problems`. */
const CANARY = '[Coder Lens] e2e canary';

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * The Firefox build in real Firefox ESR. The panel is the sidebar there (`sidebar_action`), but
 * a sidebar only opens from a user gesture (sidebarAction.open() or the toolbar button) and
 * WebDriver BiDi cannot reach the browser chrome, so the sidebar's document — the same
 * sidepanel.html — is opened in a tab.
 */
describe('Firefox build (real Firefox ESR, embedded FY2026 packs)', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const started = Date.now();
    session = await launchFirefoxExtension();
    console.log(`[e2e] Firefox ${await session.browser.version()} started with the add-on installed in ${Date.now() - started} ms`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('declares the panel as a sidebar in the Firefox manifest', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('coder-lens@coderlens.local');
    // Chrome's side panel API has no meaning in Firefox.
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.side_panel).toBeUndefined();
  });

  it('imports the embedded packs and builds the search index in the background page', async () => {
    const started = Date.now();
    const page = await openExtensionPage(session, 'sidepanel.html');
    const statuses = await poll(page, { timeout: 150_000, interval: 250 }, async () => {
      const { browser } = globalThis as unknown as FirefoxGlobal;
      const s = await browser.storage.local.get(['importStatus', 'searchIndexStatus']);
      const done = s.searchIndexStatus?.phase === 'ready' || s.searchIndexStatus?.phase === 'error' || s.importStatus?.phase === 'error';
      return done ? s : undefined;
    });
    expect(statuses.importStatus?.message).toBeUndefined();
    expect(statuses.importStatus?.phase).toBe('done');
    expect(statuses.searchIndexStatus?.phase).toBe('ready');
    expect(statuses.searchIndexStatus?.key).toMatch(/^v\d+\|icd10cm@2026~[0-9a-f]{12}\|icd10pcs@2026~[0-9a-f]{12}$/);
    console.log(
      `[e2e] Firefox: packs imported in ${statuses.importStatus?.durationMs ?? '?'} ms, search index built in ${statuses.searchIndexStatus?.buildMs ?? '?'} ms ` +
        `(${Date.now() - started} ms from opening the panel to a ready index)`,
    );
    await page.close();
  });

  it('searches in the search worker, opens a detail with Enter and copies a code', async () => {
    // Opened after the index is ready, so the worker reads it from IndexedDB (stored as a Blob).
    const page = await openExtensionPage(session, 'sidepanel.html');
    // The last test trusts Firefox's output to show the extension's errors: check that it does.
    await page.evaluate((text) => console.warn(text), CANARY);
    const input = await page.waitForSelector('::-p-aria([name="Search codes"][role="combobox"])', { timeout: 10_000 });
    expect(input).not.toBeNull();
    await poll(page, { timeout: 10_000 }, () => document.activeElement?.id === 'cl-search-input');

    await input!.type('E11.22', { delay: 40 });
    let codes = await resultsFor(page, 'E11.22');
    expect(codes[0]).toBe('E1122');
    const first = await page.$eval('[role="option"]', (el) => el.textContent ?? '');
    expect(first).toContain('Type 2 diabetes mellitus with diabetic chronic kidney disease');
    expect(first).toContain('Valid');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(page, { timeout: 30_000 }, () => document.getElementById('cl-detail-heading')?.textContent?.startsWith('E11.22 '));
    expect(await page.$eval('#cl-detail-heading', (el) => el.textContent)).toContain('Type 2 diabetes mellitus with diabetic chronic kidney disease');
    await poll(page, { timeout: 10_000 }, () => document.activeElement?.id === 'cl-detail-heading');
    await page.screenshot({ path: `${SHOTS}/firefox-detail.png` });
    // `c` copies the open code: navigator.clipboard.writeText from a Firefox extension page.
    await page.keyboard.press('c');
    const notice = await poll(page, { timeout: 10_000 }, () => document.querySelector('[data-testid="notice"]')?.textContent);
    expect(notice).toBe('Copied E11.22');

    await page.keyboard.press('Escape');
    await poll(page, { timeout: 10_000 }, () => document.activeElement?.id === 'cl-search-input');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('chest pain', { delay: 40 });
    codes = await resultsFor(page, 'chest pain');
    expect(codes).toContain('R079');
    const titles = await page.$$eval('[role="option"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.slice(0, 5).some((t) => /chest pain/i.test(t))).toBe(true);
    expect(await activeId(page)).toBe('cl-search-input');
    await page.screenshot({ path: `${SHOTS}/firefox-panel.png` });

    // The results came from the search worker: it loaded the cached index and timed each search.
    const worker = await page.evaluate(() => ({
      started: performance.getEntriesByName('cl-search:worker-start').length,
      ready: (performance.getEntriesByName('cl-search:ready')[0] as PerformanceMark | undefined)?.detail as { source: string; loadMs: number } | undefined,
      searches: performance.getEntriesByName('cl-search:keystroke-to-render').map((m) => ((m as PerformanceMeasure).detail as { searchMs?: number }).searchMs),
      query: document.getElementById('cl-search-results')?.dataset.query,
    }));
    expect(worker.started).toBe(1);
    expect(worker.ready?.source).toBe('cache');
    expect(worker.searches.length).toBeGreaterThan(0);
    expect(worker.searches.every((ms) => typeof ms === 'number')).toBe(true);
    expect(worker.query).toBe('chest pain');
    console.log(`[e2e] Firefox: search worker loaded the cached index in ${Math.round(worker.ready?.loadMs ?? NaN)} ms; ${worker.searches.length} keystrokes answered`);
    await page.close();
  });

  it('logged no errors from the extension (pages, background page)', () => {
    const problems = session.problems.filter((p) => !p.line.includes(CANARY));
    for (const p of problems) console.log(`[e2e] Firefox ${p.kind}: ${p.line}`);
    expect(session.problems.some((p) => p.line.includes(CANARY))).toBe(true);
    expect(problems.filter((p) => p.kind === 'error').map((p) => p.line)).toEqual([]);
  });
});
