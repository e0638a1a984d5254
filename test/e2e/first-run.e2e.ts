import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/browser';
import { resultsFor, SHOTS } from './support/panel';
import { startRecordingProxy } from './support/recording-proxy';

// android.clients.google.com is Chromium's push-messaging (GCM) check-in, seen when a run lasts long enough.
const BROWSER_OWN_HOSTS = /^(CONNECT|GET|POST) (https?:\/\/)?(accounts\.google\.com|[a-z0-9-]+\.googleapis\.com|[a-z0-9.-]+\.gvt1\.com|(android\.)?clients\d*\.google\.com)[:/]/;

describe('first run: embedded packs import offline into IndexedDB', () => {
  let session: ExtensionSession;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let launchedAt: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    proxy = await startRecordingProxy();
    launchedAt = performance.now();
    session = await launchExtension({ proxy: proxy.url });
  });
  afterAll(async () => {
    await session?.close();
    await proxy?.close();
  });

  it('imports ICD-10-CM and ICD-10-PCS and the side panel shows release, dates and counts', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    // The release is always in sight in the header; the Code sets tab has the details.
    await page.getByTestId('release-chip').waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: 'Code sets' }).click();
    const cm = page.locator('[data-testid="release"][data-system="icd10cm"]');
    const pcs = page.locator('[data-testid="release"][data-system="icd10pcs"]');
    await cm.waitFor({ timeout: 120_000 });
    await pcs.waitFor({ timeout: 120_000 });
    const importMs = performance.now() - launchedAt;
    const status = await page.evaluate(async () => {
      const ext = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { phase: string; durationMs?: number }>> } } } }).chrome;
      return (await ext.storage.local.get('importStatus')).importStatus;
    });
    expect(status.phase).toBe('done');
    console.log(`[e2e] import of the embedded packs in the worker: ${status.durationMs} ms; browser start to panel showing both: ${Math.round(importMs)} ms`);

    await expect(cm.textContent()).resolves.toContain('ICD-10-CM FY2026');
    await expect(cm.textContent()).resolves.toContain('Effective 2025-10-01 to 2026-09-30');
    await expect(cm.textContent()).resolves.toContain('74,719 valid codes');
    await expect(cm.textContent()).resolves.toContain('23,467 headers');
    await expect(pcs.textContent()).resolves.toContain('ICD-10-PCS FY2026');
    await expect(pcs.textContent()).resolves.toContain('79,115 valid codes');
    // Today is past FY2026: the panel must say so.
    if (new Date().toISOString().slice(0, 10) > '2026-09-30') await expect(cm.locator('[data-testid="expired-warning"]').count()).resolves.toBe(1);

    // The data really is in IndexedDB, read back from the extension's own origin.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('coder-lens');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const count = await new Promise<number>((res) => {
        const r = db.transaction('codeBlocks').objectStore('codeBlocks').getAll();
        r.onsuccess = () => res((r.result as Array<{ rows: unknown[] }>).reduce((n, b) => n + b.rows.length, 0));
      });
      db.close();
      return count;
    });
    expect(stored).toBe(74_719 + 23_467 + 79_115 + 914);

    await page.screenshot({ path: `${SHOTS}/first-run-status.png` });
    await page.close();
  });

  it('finds a code by its exact value, with or without the dot, in any case, offline', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const input = page.getByRole('combobox', { name: 'Search codes' });
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The listbox says which query its results answer (the index may still be in preparation).
    const topResultFor = async (q: string) => {
      await input.fill(q);
      return (await resultsFor(page, q)).first();
    };

    let top = await topResultFor('e11.22');
    await expect(top.getAttribute('data-code')).resolves.toBe('E1122');
    await expect(top.textContent()).resolves.toContain('E11.22');
    await expect(top.textContent()).resolves.toContain('Type 2 diabetes mellitus with diabetic chronic kidney disease');
    await expect(top.textContent()).resolves.toContain('Valid');
    await page.screenshot({ path: `${SHOTS}/lookup-e1122.png` });

    top = await topResultFor('E11');
    await expect(top.textContent()).resolves.toContain('Header');
    await expect(top.textContent()).resolves.toContain('Type 2 diabetes mellitus');

    top = await topResultFor('0dtj4zz');
    await expect(top.getAttribute('data-code')).resolves.toBe('0DTJ4ZZ');
    await expect(top.textContent()).resolves.toMatch(/Resection of Appendix, Percutaneous Endoscopic Approach/i);

    await topResultFor('xqzvy');
    await expect(page.getByTestId('search-status').textContent()).resolves.toContain('No results for “xqzvy”');
    await page.close();
  });

  it('shows import progress and import errors reported by the worker', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await page.getByTestId('release-chip').waitFor();
    // The worker reports through this storage item; set it as the worker does mid-import.
    const setStatus = (status: object) =>
      page.evaluate(async (s) => {
        const ext = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
        await ext.storage.local.set({ importStatus: s });
      }, status);
    await setStatus({ phase: 'importing', title: 'ICD-10-CM FY2026', done: 49_093, total: 98_186, updatedAt: new Date().toISOString() });
    const progress = page.locator('[data-testid="import-progress"]');
    await progress.waitFor();
    await expect(progress.textContent()).resolves.toContain('Importing ICD-10-CM FY2026… 50%');
    await page.screenshot({ path: `${SHOTS}/import-progress.png` });

    await setStatus({ phase: 'error', title: 'ICD-10-CM FY2026', error: 'Importing ICD-10-CM FY2026 failed: <b>quota</b> exceeded', updatedAt: new Date().toISOString() });
    const error = page.locator('[data-testid="import-error"]');
    await error.waitFor();
    // Text from the worker is shown as text, never interpreted as markup.
    await expect(error.textContent()).resolves.toContain('failed: <b>quota</b> exceeded');
    await expect(error.locator('b').count()).resolves.toBe(0);

    // "Try again" asks the worker to import; the packs are already in, so it reports done.
    await error.getByRole('button', { name: 'Try again' }).click();
    await error.waitFor({ state: 'detached' });
    await page.close();
  });

  it('sent nothing off the computer', () => {
    // Every request the browser tried to send off the machine went to the recording proxy.
    // Chromium itself still calls its own Google service hosts at start-up (seen in runs without
    // the extension too); anything else would have come from the extension.
    const foreign = proxy.requests.filter((r) => !BROWSER_OWN_HOSTS.test(r));
    expect(foreign).toEqual([]);
  });
});
