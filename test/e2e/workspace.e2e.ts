import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../lib/codeset/pack';
import { releaseId } from '../../lib/db/releases';
import { seriousA11yViolations } from './support/axe';
import { launchExtension, type ExtensionSession } from './support/browser';
import { fixtureExtension, removeFixtureExtension } from './support/fixture-extension';
import { openCode, openPanel, resultsFor, SHOTS, waitForIndex, type ExtensionGlobal } from './support/panel';

/**
 * The coder's workspace in real Chromium over the fixture code sets (FY2017 with Tabular, Index,
 * Drug and Neoplasm tables; FY2025 order file only): the release chosen by date of service, the
 * 7th-character builder, the tables, the worklist and the clipboard, favorites across a restart,
 * keyboard-only use and accessibility of every view.
 */
describe('side panel workspace (fixture FY2017 + FY2025 code sets)', () => {
  let session: ExtensionSession;
  let extensionDir: string;
  let fy2017: string;

  const grantClipboard = (s: ExtensionSession) =>
    s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

  /**
   * Makes FY2017 (the release with notes and tables) the active one, as the date-of-service test
   * does through the UI; here through the same message, so each test also runs on its own.
   */
  async function useFy2017(page: Page) {
    const result = await page.evaluate(
      (id) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'setActiveRelease', payload: { releaseId: id } }),
      fy2017,
    );
    expect(result).toEqual({ ok: true });
    await waitForIndex(page, fy2017);
  }

  /** Fails with the list of rules when axe finds a serious or critical problem in the view. */
  async function expectAccessible(page: Page, view: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    extensionDir = await fixtureExtension();
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'packs/manifest.json'), 'utf8')) as Manifest;
    const sha = (release: string) => manifest.packs.find((p) => p.system === 'icd10cm' && p.release === release)!.sha256;
    fy2017 = releaseId('icd10cm', '2017', sha('2017'));
    session = await launchExtension({ extensionDir });
    await grantClipboard(session);
    const page = await openPanel(session);
    // The import activates the newest installed release (FY2025).
    await waitForIndex(page, releaseId('icd10cm', '2025', sha('2025')));
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
    removeFixtureExtension();
  });

  it('a date of service picks the release in force then; an expired release is flagged', async () => {
    const page = await openPanel(session);
    await tab(page, 'Code sets').click();
    await expectAccessible(page, 'code sets');
    await page.getByLabel('Date of service').fill('2017-03-02');
    await page.getByLabel('Date of service').dispatchEvent('change');
    await waitForIndex(page, fy2017);
    await page.waitForFunction(() => document.querySelector('[data-testid="release"] .cl-release-title')?.textContent === 'ICD-10-CM FY2017');
    await expect(page.getByTestId('dos-notice').textContent()).resolves.toBe('In force on the date of service 2017-03-02.');
    await expect(page.getByTestId('expired-warning').textContent()).resolves.toContain('This release ended on 2017-09-30');
    await expect(page.getByTestId('release-chip').textContent()).resolves.toContain('ended 2017-09-30');
    await page.screenshot({ path: `${SHOTS}/workspace-code-sets.png` });
    await page.close();
  });

  it('results for a typed query, including Drug and Neoplasm table rows', async () => {
    const page = await openPanel(session);
    await useFy2017(page);
    const input = page.getByRole('combobox', { name: 'Search codes' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cl-search-input');
    await input.fill('acetaminophen poisoning');
    const options = await resultsFor(page, 'acetaminophen poisoning');
    await expect(options.first().getAttribute('data-code')).resolves.toBe('T391X1A');
    await expect(options.first().textContent()).resolves.toContain('Drug table');
    await page.screenshot({ path: `${SHOTS}/workspace-results-drug.png` });
    await input.fill('lung cancer');
    await resultsFor(page, 'lung cancer');
    // The primary malignancy, not the secondary: a coder's default when the record does not say.
    await expect(page.locator('[role="option"]').first().getAttribute('data-code')).resolves.toBe('C3490');
    await page.screenshot({ path: `${SHOTS}/workspace-results-neoplasm.png` });
    // A title with markup (Z79.4 in the fixture) is text in the results too, never markup.
    await input.fill('Z79.4');
    await resultsFor(page, 'Z79.4');
    await expect(page.locator('[role="option"]').first().textContent()).resolves.toContain('<img src=x onerror=');
    await expect(page.locator('[role="listbox"] img, [role="listbox"] b').count()).resolves.toBe(0);
    await expect(page.title()).resolves.not.toBe('injected');
    await expectAccessible(page, 'search results');
    await page.close();
  });

  it('the Tables tab shows whole Drug and Neoplasm rows; a cell opens its code', async () => {
    const page = await openPanel(session);
    await useFy2017(page);
    await tab(page, 'Tables').click();
    const input = page.getByLabel('Search the Drug or Neoplasm table');
    await input.fill('acetaminophen');
    const row = page.locator('table').filter({ has: page.locator('caption', { hasText: /^Acetaminophen/ }) }).first();
    await row.waitFor();
    const headers = await row.locator('th[scope="col"]').count();
    expect(headers).toBe(6);
    await expect(row.getByRole('button').first().textContent()).resolves.toContain('T39.1X1');
    await page.screenshot({ path: `${SHOTS}/workspace-drug-table.png` });
    await expectAccessible(page, 'drug table');

    await page.getByRole('radio', { name: 'Neoplasm' }).check();
    await input.fill('lung');
    const lung = page.locator('table').filter({ has: page.locator('caption', { hasText: /lung/i }) }).first();
    await lung.waitFor();
    await expect(lung.textContent()).resolves.toContain('C34.9');
    await page.screenshot({ path: `${SHOTS}/workspace-neoplasm-table.png` });
    await expectAccessible(page, 'neoplasm table');

    await lung.getByRole('button').first().click();
    await page.waitForFunction(() => /^C3\d/.test(document.getElementById('cl-detail-heading')?.textContent ?? ''));
    await page.close();
  });

  it('the 7th-character builder turns S13.4 into S13.4XXA, valid in this code set', async () => {
    const page = await openPanel(session);
    await useFy2017(page);
    await openCode(page, 'S13.4', 'S134', 'S13.4');
    const builder = page.getByRole('radiogroup', { name: /7th character/i });
    await builder.getByRole('radio', { name: /^A\b/ }).check();
    await expect(page.locator('.cl-seventh-result').textContent()).resolves.toContain('S13.4XXA');
    await expect(page.locator('.cl-seventh-status').textContent()).resolves.toMatch(/^Valid/);
    await page.locator('.cl-seventh').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/workspace-seventh-character.png` });
    await expectAccessible(page, 'code detail with the 7th-character builder');
    await page.getByRole('button', { name: 'Open S13.4XXA' }).click();
    await page.waitForFunction(() => document.getElementById('cl-detail-heading')?.textContent?.startsWith('S13.4XXA '));
    await page.close();
  });

  it('keyboard only: type, arrow, open, add to worklist, copy — then three codes copied in order', async () => {
    const page = await openPanel(session);
    await useFy2017(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cl-search-input');
    const added: string[] = [];
    for (const [query, code, display] of [
      ['E11.22', 'E1122', 'E11.22'],
      ['S13.4XXA', 'S134XXA', 'S13.4XXA'],
      ['T39.1X1A', 'T391X1A', 'T39.1X1A'],
    ]) {
      await page.keyboard.press('/');
      // The search box is back (and has the caret) once the detail has closed.
      await page.waitForFunction(() => document.activeElement?.id === 'cl-search-input');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(query);
      await resultsFor(page, query);
      await page.waitForSelector(`[role="option"][data-code="${code}"]`);
      const codes = await page.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      for (let i = 0; i <= codes.indexOf(code); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction((d) => document.getElementById('cl-detail-heading')?.textContent?.startsWith(`${d} `), display);
      // The detail takes the focus (its heading), so its one-key commands work at once.
      await page.waitForFunction(() => document.activeElement?.id === 'cl-detail-heading');
      await page.keyboard.press('w');
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain(`Added ${display}`);
      await page.keyboard.press('c');
      await expect.poll(() => clipboard(page)).toBe(display);
      added.push(display);
    }
    await page.screenshot({ path: `${SHOTS}/workspace-keyboard-detail.png` });

    // To the worklist with the keyboard: Esc back, then the tab list.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cl-search-input');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { selected: true }).textContent()).resolves.toMatch(/^Worklist/);
    const items = page.locator('.cl-wl-list > li');
    await expect(items.count()).resolves.toBe(3);
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Copy all' && tabs++ < 30) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(added.join('\n'));
    await expect(page.getByTestId('notice').textContent()).resolves.toBe('Copied 3 codes');
    await page.screenshot({ path: `${SHOTS}/workspace-worklist.png` });
    await expectAccessible(page, 'worklist');
    await page.close();
  });

  it('dark theme at 125% zoom: every view fits the panel width and passes axe (contrast included)', async () => {
    const page = await openPanel(session);
    await useFy2017(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    // 125% zoom of a 420 px side panel leaves 336 CSS pixels.
    await page.setViewportSize({ width: 336, height: 688 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await openCode(page, 'T39.1X1A', 'T391X1A', 'T39.1X1A');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'dark detail');
    await page.screenshot({ path: `${SHOTS}/workspace-dark-125-detail.png` });
    for (const name of ['Tables', 'Worklist', 'This page', 'Code sets']) {
      await page.keyboard.press('Escape');
      await tab(page, name).click();
      if (name === 'Tables') {
        await page.getByLabel('Search the Drug or Neoplasm table').fill('acetaminophen');
        await page.locator('table caption').first().waitFor();
      }
      expect(await overflow(), name).toBeLessThanOrEqual(0);
      await expectAccessible(page, `dark ${name}`);
      await page.screenshot({ path: `${SHOTS}/workspace-dark-125-${name.toLowerCase().replace(' ', '-')}.png` });
    }
    await page.close();
  });

  it('favorites and the worklist survive a browser restart (same profile)', async () => {
    let page = await openPanel(session);
    await useFy2017(page);
    await openCode(page, 'E11.22', 'E1122', 'E11.22');
    await page.keyboard.press('f');
    await expect.poll(() => page.getByRole('button', { name: /Favorite/ }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('w');
    await page.keyboard.press('Escape');
    await tab(page, 'Worklist').click();
    const worklistCodes = (p: Page) => p.locator('.cl-wl-list > li [data-control="open"]').allTextContents();
    const before = await worklistCodes(page);
    expect(before).toContain('E11.22');
    await page.close();

    await session.close({ keepProfile: true });
    session = await launchExtension({ extensionDir, userDataDir: session.userDataDir });
    await grantClipboard(session);
    page = await openPanel(session);
    await tab(page, 'Worklist').click();
    const favorites = page.locator('section[aria-labelledby="cl-wl-favorites"]');
    await expect(favorites.textContent()).resolves.toContain('E11.22');
    await expect.poll(() => worklistCodes(page)).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/workspace-after-restart.png` });
    await page.close();
  });
});
